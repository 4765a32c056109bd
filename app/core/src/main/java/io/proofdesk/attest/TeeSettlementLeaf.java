package io.proofdesk.attest;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * One settled TEE result in a batch: the leaf layout of the current facilitator UI package,
 * (bytes32 tee_id, bytes32 input_hash, bytes32 output_hash, bytes tee_signature, uint256 tee_timestamp).
 */
public record TeeSettlementLeaf(byte[] teeId, byte[] inputHash, byte[] outputHash, byte[] teeSignature,
                                BigInteger teeTimestamp) {

    public static final List<String> LEAF_ENCODING = List.of("bytes32", "bytes32", "bytes32", "bytes", "uint256");

    public TeeSettlementLeaf {
        teeId = copy32(teeId, "tee_id");
        inputHash = copy32(inputHash, "input_hash");
        outputHash = copy32(outputHash, "output_hash");
        teeSignature = teeSignature.clone();
        if (teeTimestamp.signum() < 0 || teeTimestamp.bitLength() > 256) {
            throw new IllegalArgumentException("tee_timestamp is not a uint256");
        }
    }

    public static TeeSettlementLeaf fromAbiValues(List<Type> values) {
        if (values.size() != 5 || !(values.get(0) instanceof Bytes32 t) || !(values.get(1) instanceof Bytes32 i)
                || !(values.get(2) instanceof Bytes32 o) || !(values.get(3) instanceof DynamicBytes s)
                || !(values.get(4) instanceof Uint256 ts)) {
            throw new IllegalArgumentException("not a (bytes32, bytes32, bytes32, bytes, uint256) leaf");
        }
        return new TeeSettlementLeaf(t.getValue(), i.getValue(), o.getValue(), s.getValue(), ts.getValue());
    }

    public List<Type> abiValues() {
        return List.of(new Bytes32(teeId), new Bytes32(inputHash), new Bytes32(outputHash),
                new DynamicBytes(teeSignature), new Uint256(teeTimestamp));
    }

    public byte[] leafHash() {
        return MerkleProofs.leafHash(abiValues());
    }

    @Override
    public byte[] teeId() {
        return teeId.clone();
    }

    @Override
    public byte[] inputHash() {
        return inputHash.clone();
    }

    @Override
    public byte[] outputHash() {
        return outputHash.clone();
    }

    @Override
    public byte[] teeSignature() {
        return teeSignature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeeSettlementLeaf l && Arrays.equals(teeId, l.teeId) && Arrays.equals(inputHash, l.inputHash)
                && Arrays.equals(outputHash, l.outputHash) && Arrays.equals(teeSignature, l.teeSignature)
                && teeTimestamp.equals(l.teeTimestamp);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(leafHash());
    }

    @Override
    public String toString() {
        return "TeeSettlementLeaf[" + java.util.HexFormat.of().formatHex(leafHash()) + "]";
    }

    private static byte[] copy32(byte[] value, String what) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes");
        }
        return value.clone();
    }
}
