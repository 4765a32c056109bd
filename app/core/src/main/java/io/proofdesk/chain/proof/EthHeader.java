package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.crypto.Hash;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An Ethereum block header rebuilt from an endpoint's block object (or read back from its RLP, as bundles carry it).
 * Its {@link #hash()} is always computed here, {@code keccak256(RLP(header))}; the hash the endpoint claimed is kept
 * beside it and compared by {@link #requireClaimedHash()}.
 */
public final class EthHeader {
    private final HeaderLayout layout;
    private final List<byte[]> fields;
    private final long number;
    private final byte[] rlp;
    private final byte[] hash;
    private final byte[] claimedHash;

    private EthHeader(HeaderLayout layout, List<byte[]> fields, byte[] rlp, byte[] claimedHash) {
        this.layout = layout;
        this.fields = fields;
        BigInteger n = new BigInteger(1, fields.get(HeaderLayout.NUMBER));
        if (n.bitLength() > 63) {
            throw new ProofInputException("block number " + n + " is out of range");
        }
        this.number = n.longValue();
        this.rlp = rlp;
        this.hash = Hash.sha3(rlp);
        this.claimedHash = claimedHash;
    }

    /** The header of an {@code eth_getBlockByNumber/Hash} answer (with or without full transactions). */
    public static EthHeader fromJson(JsonNode block) {
        String where = "block " + (block != null && block.hasNonNull("number") ? numberText(block) : "(no number)");
        RpcFields f = new RpcFields(block, where);
        int count = presentFieldCount(f);
        HeaderLayout layout = HeaderLayout.ofFieldCount(count, where);
        List<byte[]> values = new ArrayList<>(count);
        List<RlpType> rlp = new ArrayList<>(count);
        for (HeaderLayout.HeaderField field : HeaderLayout.FIELDS.subList(0, count)) {
            byte[] value = switch (field.kind()) {
                case QUANTITY -> minimal(f.quantity(field.name()));
                case BYTES -> f.bytes(field.name());
                default -> f.fixed(field.name(), field.fixedLength());
            };
            values.add(value);
            rlp.add(RlpString.create(value));
        }
        byte[] claimed = f.fixed("hash", 32);
        return new EthHeader(layout, List.copyOf(values), RlpEncoder.encode(new RlpList(rlp)), claimed);
    }

    /** A header from its RLP; the hash is that of these bytes, there is no claimed hash. */
    public static EthHeader fromRlp(byte[] rlp) {
        RlpList outer;
        try {
            outer = RlpDecoder.decode(rlp);
        } catch (RuntimeException e) {
            throw new ProofInputException("header RLP does not decode: " + e.getMessage(), e);
        }
        if (outer.getValues().size() != 1 || !(outer.getValues().getFirst() instanceof RlpList list)) {
            throw new ProofInputException("header RLP is not a single list");
        }
        HeaderLayout layout = HeaderLayout.ofFieldCount(list.getValues().size(), "header RLP");
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < list.getValues().size(); i++) {
            HeaderLayout.HeaderField field = HeaderLayout.FIELDS.get(i);
            if (!(list.getValues().get(i) instanceof RlpString s)) {
                throw new ProofInputException("header RLP: " + field.name() + " is a list, not a value");
            }
            byte[] b = s.getBytes();
            if (field.fixedLength() >= 0 && b.length != field.fixedLength()) {
                throw new ProofInputException("header RLP: " + field.name() + " is " + b.length + " bytes, expected "
                        + field.fixedLength());
            }
            values.add(b);
        }
        // re-encoding must give the same bytes, so that the hash covers exactly the fields read here
        byte[] again = RlpEncoder.encode(new RlpList(values.stream().map(v -> (RlpType) RlpString.create(v)).toList()));
        if (!Arrays.equals(again, rlp)) {
            throw new ProofInputException("header RLP is not in canonical form");
        }
        return new EthHeader(layout, List.copyOf(values), rlp.clone(), null);
    }

    private static int presentFieldCount(RpcFields f) {
        int count = HeaderLayout.FRONTIER.fieldCount();
        List<HeaderLayout.HeaderField> all = HeaderLayout.FIELDS;
        while (count < all.size() && f.has(all.get(count).name())) {
            count++;
        }
        for (int i = count; i < all.size(); i++) {
            if (f.has(all.get(i).name())) {
                throw new ProofInputException(f.where() + " has " + all.get(i).name() + " but not "
                        + all.get(count).name() + "; no Ethereum header layout has that (unsupported)");
            }
        }
        return count;
    }

    private static String numberText(JsonNode block) {
        JsonNode n = block.get("number");
        try {
            return new BigInteger(n.asText().substring(2), 16).toString();
        } catch (RuntimeException e) {
            return n.toString();
        }
    }

    /** A quantity as RLP wants it: big-endian, no leading zero bytes, zero as empty. */
    static byte[] minimal(BigInteger v) {
        if (v.signum() == 0) {
            return new byte[0];
        }
        byte[] b = v.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** Throws unless {@code keccak256(RLP(header))} equals the hash the endpoint gave. */
    public EthHeader requireClaimedHash() {
        if (claimedHash == null || !Arrays.equals(claimedHash, hash)) {
            throw new HeaderHashMismatchException(number,
                    claimedHash == null ? "nothing" : RpcFields.hex(claimedHash), RpcFields.hex(hash));
        }
        return this;
    }

    public boolean matchesClaimedHash() {
        return claimedHash != null && Arrays.equals(claimedHash, hash);
    }

    public Optional<String> claimedHash() {
        return Optional.ofNullable(claimedHash).map(RpcFields::hex);
    }

    public long number() {
        return number;
    }

    public HeaderLayout layout() {
        return layout;
    }

    /** {@code keccak256(RLP(header))}, computed here. */
    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return RpcFields.hex(hash);
    }

    public byte[] parentHash() {
        return fields.get(HeaderLayout.PARENT_HASH).clone();
    }

    public String parentHashHex() {
        return RpcFields.hex(fields.get(HeaderLayout.PARENT_HASH));
    }

    public byte[] transactionsRoot() {
        return fields.get(HeaderLayout.TRANSACTIONS_ROOT).clone();
    }

    public byte[] receiptsRoot() {
        return fields.get(HeaderLayout.RECEIPTS_ROOT).clone();
    }

    public LogsBloom logsBloom() {
        return LogsBloom.of(fields.get(HeaderLayout.LOGS_BLOOM));
    }

    /** The header's RLP, whose keccak is {@link #hash()}; what a bundle carries. */
    public byte[] rlp() {
        return rlp.clone();
    }

    boolean sameHash(byte[] other) {
        return Arrays.equals(hash, other);
    }
}
