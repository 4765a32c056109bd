package io.proofdesk.chain.proof;

import org.web3j.crypto.Hash;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable Merkle-Patricia trie node. Each caches its RLP, so a trie rebuilt after a change re-encodes only the
 * nodes on the changed path. A child whose encoding is shorter than 32 bytes is embedded in its parent, a longer one
 * is referenced by its keccak (Yellow Paper, appendix D).
 */
abstract sealed class TrieNode permits TrieNode.Leaf, TrieNode.Extension, TrieNode.Branch {
    private byte[] encoded;
    private RlpType rlp;

    abstract RlpType buildRlp();

    final RlpType rlp() {
        if (rlp == null) {
            rlp = buildRlp();
        }
        return rlp;
    }

    final byte[] encoded() {
        if (encoded == null) {
            encoded = RlpEncoder.encode(rlp());
        }
        return encoded;
    }

    /** How a parent refers to this node: the node itself if small, else its hash. */
    final RlpType reference() {
        byte[] e = encoded();
        return e.length < 32 ? rlp() : RlpString.create(Hash.sha3(e));
    }

    final boolean isInline() {
        return encoded().length < 32;
    }

    static final class Leaf extends TrieNode {
        final byte[] path;
        final byte[] value;

        Leaf(byte[] path, byte[] value) {
            this.path = path;
            this.value = value;
        }

        @Override
        RlpType buildRlp() {
            return new RlpList(RlpString.create(Nibbles.hexPrefix(path, true)), RlpString.create(value));
        }
    }

    static final class Extension extends TrieNode {
        final byte[] path;
        final TrieNode child;

        Extension(byte[] path, TrieNode child) {
            this.path = path;
            this.child = child;
        }

        @Override
        RlpType buildRlp() {
            return new RlpList(RlpString.create(Nibbles.hexPrefix(path, false)), child.reference());
        }
    }

    static final class Branch extends TrieNode {
        private static final RlpString EMPTY = RlpString.create(new byte[0]);
        final TrieNode[] children;
        final byte[] value;

        Branch(TrieNode[] children, byte[] value) {
            this.children = children;
            this.value = value;
        }

        int entries() {
            int n = value == null ? 0 : 1;
            for (TrieNode c : children) {
                if (c != null) {
                    n++;
                }
            }
            return n;
        }

        @Override
        RlpType buildRlp() {
            List<RlpType> items = new ArrayList<>(17);
            for (TrieNode c : children) {
                items.add(c == null ? EMPTY : c.reference());
            }
            items.add(value == null ? EMPTY : RlpString.create(value));
            return new RlpList(items);
        }
    }
}
