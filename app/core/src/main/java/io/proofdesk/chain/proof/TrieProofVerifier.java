package io.proofdesk.chain.proof;

import org.web3j.crypto.Hash;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks an inclusion proof offline: from the root hash, each step must be a node of the proof whose keccak is the
 * reference its parent holds (or a node embedded in the parent). Gives the value under the key, or empty when the
 * proof shows the key is absent; a proof that cannot be walked is an {@link InvalidProofException}.
 */
public final class TrieProofVerifier {
    private static final int MAX_STEPS = 2 * 32 * 2 + 2;

    private TrieProofVerifier() {
    }

    public static Optional<byte[]> verify(byte[] rootHash, byte[] key, List<byte[]> proofNodes) {
        if (rootHash.length != 32) {
            throw new InvalidProofException("a trie root is 32 bytes, got " + rootHash.length);
        }
        if (Arrays.equals(rootHash, MerklePatriciaTrie.EMPTY_ROOT)) {
            return Optional.empty();
        }
        Map<ByteBuffer, byte[]> byHash = new HashMap<>();
        for (byte[] node : proofNodes) {
            byHash.put(ByteBuffer.wrap(Hash.sha3(node)), node);
        }
        byte[] path = Nibbles.of(key);
        RlpType current = lookup(byHash, rootHash, "the root");
        int pos = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (!(current instanceof RlpList node)) {
                throw new InvalidProofException("a trie node is a value, expected a list");
            }
            List<RlpType> items = node.getValues();
            if (items.size() == 17) {
                if (pos == path.length) {
                    byte[] value = bytes(items.get(16), "branch value");
                    return value.length == 0 ? Optional.empty() : Optional.of(value);
                }
                RlpType child = items.get(path[pos++]);
                if (isEmpty(child)) {
                    return Optional.empty();
                }
                current = resolve(byHash, child);
            } else if (items.size() == 2) {
                byte[] compact = bytes(items.get(0), "node path");
                byte[] nodePath = Nibbles.fromHexPrefix(compact);
                boolean matches = Nibbles.commonPrefix(nodePath, 0, path, pos) == nodePath.length;
                if (Nibbles.isLeaf(compact)) {
                    return matches && pos + nodePath.length == path.length
                            ? Optional.of(bytes(items.get(1), "leaf value")) : Optional.empty();
                }
                if (!matches) {
                    return Optional.empty();
                }
                pos += nodePath.length;
                current = resolve(byHash, items.get(1));
            } else {
                throw new InvalidProofException("a trie node has " + items.size() + " items (2 or 17 allowed)");
            }
        }
        throw new InvalidProofException("the proof is deeper than any key allows");
    }

    private static RlpType resolve(Map<ByteBuffer, byte[]> byHash, RlpType reference) {
        if (reference instanceof RlpList inline) {
            return inline;
        }
        byte[] hash = bytes(reference, "child reference");
        if (hash.length != 32) {
            throw new InvalidProofException("a child reference is " + hash.length + " bytes, neither a node nor a hash");
        }
        return lookup(byHash, hash, "node " + RpcFields.hex(hash));
    }

    private static RlpType lookup(Map<ByteBuffer, byte[]> byHash, byte[] hash, String what) {
        byte[] node = byHash.get(ByteBuffer.wrap(hash));
        if (node == null) {
            throw new InvalidProofException("the proof has no node for " + what + " (" + RpcFields.hex(hash) + ")");
        }
        RlpList decoded;
        try {
            decoded = RlpDecoder.decode(node);
        } catch (RuntimeException e) {
            throw new InvalidProofException("a proof node does not decode as RLP: " + e.getMessage());
        }
        if (decoded.getValues().size() != 1) {
            throw new InvalidProofException("a proof node is not a single RLP item");
        }
        return decoded.getValues().getFirst();
    }

    private static boolean isEmpty(RlpType t) {
        return t instanceof RlpString s && s.getBytes().length == 0;
    }

    private static byte[] bytes(RlpType t, String what) {
        if (t instanceof RlpString s) {
            return s.getBytes();
        }
        throw new InvalidProofException("a trie node's " + what + " is a list, expected a value");
    }
}
