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

    enum FieldKind { HASH, ADDRESS, BLOOM, QUANTITY, BYTES, NONCE }

    record HeaderField(String name, FieldKind kind) {
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
    static final List<HeaderField> FIELDS = List.of(
            new HeaderField("parentHash", FieldKind.HASH),
            new HeaderField("sha3Uncles", FieldKind.HASH),
            new HeaderField("miner", FieldKind.ADDRESS),
            new HeaderField("stateRoot", FieldKind.HASH),
            new HeaderField("transactionsRoot", FieldKind.HASH),
            new HeaderField("receiptsRoot", FieldKind.HASH),
            new HeaderField("logsBloom", FieldKind.BLOOM),
            new HeaderField("difficulty", FieldKind.QUANTITY),
            new HeaderField("number", FieldKind.QUANTITY),
            new HeaderField("gasLimit", FieldKind.QUANTITY),
            new HeaderField("gasUsed", FieldKind.QUANTITY),
            new HeaderField("timestamp", FieldKind.QUANTITY),
            new HeaderField("extraData", FieldKind.BYTES),
            new HeaderField("mixHash", FieldKind.HASH),
            new HeaderField("nonce", FieldKind.NONCE),
            new HeaderField("baseFeePerGas", FieldKind.QUANTITY),
            new HeaderField("withdrawalsRoot", FieldKind.HASH),
            new HeaderField("blobGasUsed", FieldKind.QUANTITY),
            new HeaderField("excessBlobGas", FieldKind.QUANTITY),
            new HeaderField("parentBeaconBlockRoot", FieldKind.HASH),
            new HeaderField("requestsHash", FieldKind.HASH));

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
