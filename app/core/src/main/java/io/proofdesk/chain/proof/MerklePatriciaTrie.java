package io.proofdesk.chain.proof;

import io.proofdesk.chain.proof.TrieNode.Branch;
import io.proofdesk.chain.proof.TrieNode.Extension;
import io.proofdesk.chain.proof.TrieNode.Leaf;
import org.web3j.crypto.Hash;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Ethereum's Merkle-Patricia trie, in memory: put, delete, get, the root hash, and inclusion proofs. web3j has none.
 * Nodes are immutable, so every change builds a new path from the root and a proof walks one consistent tree.
 * An empty value deletes, as in Ethereum's trie.
 */
public final class MerklePatriciaTrie {
    /** keccak256(RLP("")): the root of a trie with nothing in it (and the receiptsRoot of an empty block). */
    public static final byte[] EMPTY_ROOT = Hash.sha3(RlpEncoder.encode(RlpString.create(new byte[0])));

    private TrieNode root;

    public void put(byte[] key, byte[] value) {
        byte[] path = Nibbles.of(key);
        root = value.length == 0 ? delete(root, path, 0) : insert(root, path, 0, value.clone());
    }

    public void delete(byte[] key) {
        root = delete(root, Nibbles.of(key), 0);
    }

    public Optional<byte[]> get(byte[] key) {
        byte[] path = Nibbles.of(key);
        TrieNode node = root;
        int pos = 0;
        while (node != null) {
            switch (node) {
                case Leaf leaf -> {
                    return Arrays.equals(leaf.path, Nibbles.slice(path, pos, path.length))
                            ? Optional.of(leaf.value.clone()) : Optional.empty();
                }
                case Extension ext -> {
                    if (Nibbles.commonPrefix(ext.path, 0, path, pos) != ext.path.length) {
                        return Optional.empty();
                    }
                    pos += ext.path.length;
                    node = ext.child;
                }
                case Branch branch -> {
                    if (pos == path.length) {
                        return Optional.ofNullable(branch.value).map(byte[]::clone);
                    }
                    node = branch.children[path[pos++]];
                }
            }
        }
        return Optional.empty();
    }

    /** The root hash; always a hash, even when the root node is shorter than 32 bytes. */
    public byte[] rootHash() {
        return root == null ? EMPTY_ROOT.clone() : Hash.sha3(root.encoded());
    }

    /**
     * The nodes from the root down to the key, each as its RLP; nodes embedded in their parent are not repeated.
     * For a key that is absent, the nodes that show where it would be (a proof of absence).
     */
    public List<byte[]> proof(byte[] key) {
        List<byte[]> nodes = new ArrayList<>();
        byte[] path = Nibbles.of(key);
        TrieNode node = root;
        int pos = 0;
        boolean first = true;
        while (node != null) {
            if (first || !node.isInline()) {
                nodes.add(node.encoded().clone());
            }
            first = false;
            switch (node) {
                case Leaf leaf -> node = null;
                case Extension ext -> {
                    boolean on = Nibbles.commonPrefix(ext.path, 0, path, pos) == ext.path.length;
                    pos += ext.path.length;
                    node = on ? ext.child : null;
                }
                case Branch branch -> node = pos < path.length ? branch.children[path[pos++]] : null;
            }
        }
        return nodes;
    }

    private static TrieNode insert(TrieNode node, byte[] path, int pos, byte[] value) {
        if (node == null) {
            return new Leaf(Nibbles.slice(path, pos, path.length), value);
        }
        return switch (node) {
            case Leaf leaf -> {
                int common = Nibbles.commonPrefix(leaf.path, 0, path, pos);
                if (common == leaf.path.length && pos + common == path.length) {
                    yield new Leaf(leaf.path, value);
                }
                TrieNode[] children = new TrieNode[16];
                byte[] branchValue = null;
                if (common == leaf.path.length) {
                    branchValue = leaf.value;
                } else {
                    children[leaf.path[common]] = new Leaf(Nibbles.slice(leaf.path, common + 1, leaf.path.length),
                            leaf.value);
                }
                if (pos + common == path.length) {
                    branchValue = value;
                } else {
                    children[path[pos + common]] = new Leaf(Nibbles.slice(path, pos + common + 1, path.length), value);
                }
                yield prefixed(Nibbles.slice(leaf.path, 0, common), new Branch(children, branchValue));
            }
            case Extension ext -> {
                int common = Nibbles.commonPrefix(ext.path, 0, path, pos);
                if (common == ext.path.length) {
                    yield new Extension(ext.path, insert(ext.child, path, pos + common, value));
                }
                TrieNode[] children = new TrieNode[16];
                byte[] rest = Nibbles.slice(ext.path, common + 1, ext.path.length);
                children[ext.path[common]] = rest.length == 0 ? ext.child : new Extension(rest, ext.child);
                byte[] branchValue = null;
                if (pos + common == path.length) {
                    branchValue = value;
                } else {
                    children[path[pos + common]] = new Leaf(Nibbles.slice(path, pos + common + 1, path.length), value);
                }
                yield prefixed(Nibbles.slice(ext.path, 0, common), new Branch(children, branchValue));
            }
            case Branch branch -> {
                if (pos == path.length) {
                    yield new Branch(branch.children, value);
                }
                TrieNode[] children = branch.children.clone();
                children[path[pos]] = insert(children[path[pos]], path, pos + 1, value);
                yield new Branch(children, branch.value);
            }
        };
    }

    private static TrieNode delete(TrieNode node, byte[] path, int pos) {
        if (node == null) {
            return null;
        }
        return switch (node) {
            case Leaf leaf -> Arrays.equals(leaf.path, Nibbles.slice(path, pos, path.length)) ? null : leaf;
            case Extension ext -> {
                if (Nibbles.commonPrefix(ext.path, 0, path, pos) != ext.path.length) {
                    yield ext;
                }
                TrieNode child = delete(ext.child, path, pos + ext.path.length);
                yield child == ext.child ? ext : prefixed(ext.path, child);
            }
            case Branch branch -> {
                TrieNode[] children = branch.children.clone();
                byte[] value = branch.value;
                if (pos == path.length) {
                    if (value == null) {
                        yield branch;
                    }
                    value = null;
                } else {
                    TrieNode child = delete(children[path[pos]], path, pos + 1);
                    if (child == children[path[pos]]) {
                        yield branch;
                    }
                    children[path[pos]] = child;
                }
                yield collapse(new Branch(children, value));
            }
        };
    }

    /** A branch left with a single entry is no branch: it becomes a leaf, or merges into its only child. */
    private static TrieNode collapse(Branch branch) {
        int entries = branch.entries();
        if (entries == 0) {
            return null;
        }
        if (entries > 1) {
            return branch;
        }
        if (branch.value != null) {
            return new Leaf(new byte[0], branch.value);
        }
        for (byte i = 0; i < 16; i++) {
            if (branch.children[i] != null) {
                return prefixed(new byte[] {i}, branch.children[i]);
            }
        }
        throw new IllegalStateException("a branch with one entry had none");
    }

    /** {@code prefix} followed by {@code node}, with adjacent paths merged so no extension points at a path node. */
    private static TrieNode prefixed(byte[] prefix, TrieNode node) {
        if (node == null || prefix.length == 0) {
            return node;
        }
        return switch (node) {
            case Leaf leaf -> new Leaf(Nibbles.concat(prefix, leaf.path), leaf.value);
            case Extension ext -> new Extension(Nibbles.concat(prefix, ext.path), ext.child);
            case Branch branch -> new Extension(prefix, branch);
        };
    }
}
