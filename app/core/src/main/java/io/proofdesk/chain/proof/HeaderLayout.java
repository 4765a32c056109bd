package io.proofdesk.chain.proof;

import java.util.List;

/**
 * The Ethereum header layouts, each the previous one plus the fields a hard fork appended. A header's layout is read
 * from which of the optional fields it has; they must be present in order (a Cancun field without the Shanghai one
 * is malformed, not a new layout).
 */
public enum HeaderLayout {
    /** Frontier to Berlin: 15 fields. */
    FRONTIER(15),
    /** London (EIP-1559): + baseFeePerGas. */
    LONDON(16),
    /** Shanghai (EIP-4895): + withdrawalsRoot. */
    SHANGHAI(17),
    /** Cancun (EIP-4844, EIP-4788): + blobGasUsed, excessBlobGas, parentBeaconBlockRoot. */
    CANCUN(20),
    /** Prague (EIP-7685): + requestsHash. */
    PRAGUE(21);

    enum Kind { HASH, ADDRESS, BLOOM, QUANTITY, BYTES, NONCE }

    record Field(String name, Kind kind) {
        int fixedLength() {
            return switch (kind) {
                case HASH -> 32;
                case ADDRESS -> 20;
                case BLOOM -> 256;
                case NONCE -> 8;
                case QUANTITY, BYTES -> -1;
            };
        }
    }

    /** Every field in header order; a layout uses the first {@link #fieldCount()}. */
    static final List<Field> FIELDS = List.of(
            new Field("parentHash", Kind.HASH),
            new Field("sha3Uncles", Kind.HASH),
            new Field("miner", Kind.ADDRESS),
            new Field("stateRoot", Kind.HASH),
            new Field("transactionsRoot", Kind.HASH),
            new Field("receiptsRoot", Kind.HASH),
            new Field("logsBloom", Kind.BLOOM),
            new Field("difficulty", Kind.QUANTITY),
            new Field("number", Kind.QUANTITY),
            new Field("gasLimit", Kind.QUANTITY),
            new Field("gasUsed", Kind.QUANTITY),
            new Field("timestamp", Kind.QUANTITY),
            new Field("extraData", Kind.BYTES),
            new Field("mixHash", Kind.HASH),
            new Field("nonce", Kind.NONCE),
            new Field("baseFeePerGas", Kind.QUANTITY),
            new Field("withdrawalsRoot", Kind.HASH),
            new Field("blobGasUsed", Kind.QUANTITY),
            new Field("excessBlobGas", Kind.QUANTITY),
            new Field("parentBeaconBlockRoot", Kind.HASH),
            new Field("requestsHash", Kind.HASH));

    static final int PARENT_HASH = 0;
    static final int TRANSACTIONS_ROOT = 4;
    static final int RECEIPTS_ROOT = 5;
    static final int LOGS_BLOOM = 6;
    static final int NUMBER = 8;

    private final int fieldCount;

    HeaderLayout(int fieldCount) {
        this.fieldCount = fieldCount;
    }

    public int fieldCount() {
        return fieldCount;
    }

    static HeaderLayout ofFieldCount(int count, String where) {
        for (HeaderLayout l : values()) {
            if (l.fieldCount == count) {
                return l;
            }
        }
        throw new ProofInputException(where + " has " + count + " header fields, which is no known Ethereum layout "
                + "(15, 16, 17, 20 or 21); unsupported");
    }
}
