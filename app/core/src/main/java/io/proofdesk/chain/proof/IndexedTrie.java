package io.proofdesk.chain.proof;

import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpString;

import java.util.List;

/** The trie of a block's transactions or receipts: item i under key RLP(i). */
final class IndexedTrie {
    private final MerklePatriciaTrie trie = new MerklePatriciaTrie();

    IndexedTrie(List<byte[]> items) {
        for (int i = 0; i < items.size(); i++) {
            trie.put(key(i), items.get(i));
        }
    }

    static byte[] key(int index) {
        return RlpEncoder.encode(RlpString.create(index));
    }

    byte[] root() {
        return trie.rootHash();
    }

    List<byte[]> proof(int index) {
        return trie.proof(key(index));
    }
}
