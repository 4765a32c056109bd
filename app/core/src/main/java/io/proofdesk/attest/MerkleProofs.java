package io.proofdesk.attest;

import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * OpenZeppelin MerkleProof / StandardMerkleTree hashing: leaf = keccak256(keccak256(abi.encode(values))),
 * inner node = keccak256 of the two children sorted as unsigned bytes.
 */
public final class MerkleProofs {

    /** OZ trees over a billion leaves do not exist; a longer proof is hostile input. */
    public static final int MAX_PROOF_LENGTH = 64;

    private MerkleProofs() {
    }

    /** keccak256(keccak256(abi.encode(values))) — the double hash guards against second-preimage attacks. */
    public static byte[] leafHash(List<Type> values) {
        @SuppressWarnings({"rawtypes", "unchecked"})
        String encoded = FunctionEncoder.encodeConstructor((List) values);
        return Hash.sha3(Hash.sha3(Numeric.hexStringToByteArray(encoded)));
    }

    public static byte[] hashPair(byte[] a, byte[] b) {
        boolean aFirst = Arrays.compareUnsigned(a, b) < 0;
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(aFirst ? a : b, 0, joined, 0, 32);
        System.arraycopy(aFirst ? b : a, 0, joined, 32, 32);
        return Hash.sha3(joined);
    }

    /** The root implied by {@code leaf} and {@code proof} (OZ processProof). */
    public static byte[] processProof(List<byte[]> proof, byte[] leaf) {
        require32(leaf, "leaf");
        if (proof.size() > MAX_PROOF_LENGTH) {
            throw new IllegalArgumentException("proof has " + proof.size() + " nodes, more than " + MAX_PROOF_LENGTH);
        }
        byte[] computed = leaf.clone();
        for (byte[] node : proof) {
            require32(node, "proof node");
            computed = hashPair(computed, node);
        }
        return computed;
    }

    /** True only if every input is well-formed and the proof leads from {@code leaf} to {@code root}. */
    public static boolean verify(List<byte[]> proof, byte[] root, byte[] leaf) {
        if (proof == null || root == null || root.length != 32 || leaf == null || leaf.length != 32
                || proof.size() > MAX_PROOF_LENGTH || proof.stream().anyMatch(n -> n == null || n.length != 32)) {
            return false;
        }
        return Arrays.equals(processProof(proof, leaf), root);
    }

    private static void require32(byte[] value, String what) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes");
        }
    }
}
