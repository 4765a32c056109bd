package io.proofdesk.attest;

import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The leaf layouts OpenGradient's facilitator has built its batch Merkle trees with (inference-facilitator), told
 * apart by the {@code leafEncoding} of the tree dump:
 * <ul>
 * <li>{@link #TEE_SIGNED}: (bytes32 tee_id, bytes32 input_hash, bytes32 output_hash, bytes tee_signature,
 * uint256 tee_timestamp), {@code all_networks_shared.ts} since commit 5e9de7b (Apr 2026);</li>
 * <li>{@link #SIGNATURE_HASH}: (bytes32 input_hash, bytes32 output_hash, bytes32 keccak256(tee_signature)),
 * {@code all_networks_shared.ts} at 015ceb5 (Feb 2026), the older worker;</li>
 * <li>{@link #HASH_PAIR}: (bytes32 input_hash, bytes32 output_hash), {@code worker.ts} at 87fc18b (Dec 2025), whose
 * blob id was never settled on chain (the relay of that time took a root and a size only).</li>
 * </ul>
 * Every layout hashes a leaf the OpenZeppelin standard way: keccak256(keccak256(abi.encode(values))).
 */
public enum BatchLeafLayout {
    TEE_SIGNED(List.of("bytes32", "bytes32", "bytes32", "bytes", "uint256")),
    SIGNATURE_HASH(List.of("bytes32", "bytes32", "bytes32")),
    HASH_PAIR(List.of("bytes32", "bytes32"));

    private final List<String> encoding;

    BatchLeafLayout(List<String> encoding) {
        this.encoding = encoding;
    }

    public List<String> encoding() {
        return encoding;
    }

    /** The layout a tree dump's {@code leafEncoding} names, or empty when it is none the facilitator has used. */
    public static Optional<BatchLeafLayout> of(List<String> leafEncoding) {
        return Arrays.stream(values()).filter(l -> l.encoding.equals(leafEncoding)).findFirst();
    }

    /**
     * What one leaf of this layout states; the parts this layout does not hold are null (the TEE id, the signature
     * and the timestamp for the older layouts; the signature's hash only when the signature itself is not there).
     */
    public record Fields(byte[] teeId, byte[] inputHash, byte[] outputHash, byte[] signature, byte[] signatureHash,
                         BigInteger timestamp) {
    }

    /** A leaf's values read as this layout. */
    public Fields read(List<Type> values) {
        if (values.size() != encoding.size()) {
            throw new IllegalArgumentException("not a " + encoding + " leaf");
        }
        return switch (this) {
            case TEE_SIGNED -> {
                TeeSettlementLeaf l = TeeSettlementLeaf.fromAbiValues(values);
                yield new Fields(l.teeId(), l.inputHash(), l.outputHash(), l.teeSignature(),
                        Hash.sha3(l.teeSignature()), l.teeTimestamp());
            }
            case SIGNATURE_HASH -> new Fields(null, bytes32(values.get(0)), bytes32(values.get(1)), null,
                    bytes32(values.get(2)), null);
            case HASH_PAIR -> new Fields(null, bytes32(values.get(0)), bytes32(values.get(1)), null, null, null);
        };
    }

    /**
     * The leaf hash a record with these fields has in a tree of this layout; empty when the record lacks a part the
     * layout needs (for {@link #TEE_SIGNED} the TEE id, signature and timestamp; for {@link #SIGNATURE_HASH} the
     * signature, whose hash is the third value).
     */
    public Optional<byte[]> leafHash(byte[] teeId, byte[] inputHash, byte[] outputHash, byte[] signature,
                                     BigInteger timestamp) {
        boolean signed = signature != null && signature.length > 0;
        return switch (this) {
            case TEE_SIGNED -> teeId == null || !signed || timestamp == null ? Optional.empty()
                    : Optional.of(new TeeSettlementLeaf(teeId, inputHash, outputHash, signature, timestamp)
                    .leafHash());
            case SIGNATURE_HASH -> !signed ? Optional.empty() : Optional.of(MerkleProofs.leafHash(List.of(
                    new Bytes32(inputHash), new Bytes32(outputHash), new Bytes32(Hash.sha3(signature)))));
            case HASH_PAIR -> Optional.of(MerkleProofs.leafHash(List.of(new Bytes32(inputHash),
                    new Bytes32(outputHash))));
        };
    }

    private static byte[] bytes32(Type<?> t) {
        if (!(t instanceof Bytes32 b)) {
            throw new IllegalArgumentException("expected a bytes32 value, got " + t.getTypeAsString());
        }
        return b.getValue();
    }
}
