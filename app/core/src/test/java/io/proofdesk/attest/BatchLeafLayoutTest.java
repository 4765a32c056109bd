package io.proofdesk.attest;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every leaf layout the facilitator has built batch trees with, told apart by the dump's leafEncoding: a dump of each
 * layout (made here with the OZ standard-v1 format) loads, each leaf reads back its fields, and the leaf hash a
 * record's fields give is the tree's, keccak256(keccak256(abi.encode(values))) computed independently.
 */
class BatchLeafLayoutTest {

    private static byte[] h(String s) {
        return Hash.sha3(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ozLeafHash(List<Type> values) {
        @SuppressWarnings({"rawtypes", "unchecked"})
        String encoded = FunctionEncoder.encodeConstructor((List) values);
        return Hash.sha3(Hash.sha3(Numeric.hexStringToByteArray(encoded)));
    }

    @Test
    void eachLayoutIsKnownByItsEncodingOnly() {
        assertEquals(Optional.of(BatchLeafLayout.TEE_SIGNED), BatchLeafLayout.of(TeeSettlementLeaf.LEAF_ENCODING));
        assertEquals(Optional.of(BatchLeafLayout.SIGNATURE_HASH),
                BatchLeafLayout.of(List.of("bytes32", "bytes32", "bytes32")));
        assertEquals(Optional.of(BatchLeafLayout.HASH_PAIR), BatchLeafLayout.of(List.of("bytes32", "bytes32")));
        assertEquals(Optional.empty(), BatchLeafLayout.of(List.of("bytes32", "bytes")));
    }

    @Test
    void signatureHashLeavesReadBackAndHashAsTheTree() {
        List<List<Type>> values = new ArrayList<>();
        byte[][] sigs = new byte[3][];
        for (int i = 0; i < 3; i++) {
            sigs[i] = ("signature-" + i).getBytes(StandardCharsets.UTF_8);
            values.add(List.of(new Bytes32(h("in" + i)), new Bytes32(h("out" + i)), new Bytes32(Hash.sha3(sigs[i]))));
        }
        StandardMerkleTree tree = StandardMerkleTree.load(StandardMerkleTree.of(values,
                BatchLeafLayout.SIGNATURE_HASH.encoding()).dump().getBytes(StandardCharsets.UTF_8));
        BatchLeafLayout layout = BatchLeafLayout.of(tree.leafEncoding()).orElseThrow();
        for (int i = 0; i < 3; i++) {
            BatchLeafLayout.Fields f = layout.read(tree.value(i));
            assertNull(f.teeId());
            assertNull(f.signature());
            assertNull(f.timestamp());
            assertArrayEquals(h("in" + i), f.inputHash());
            assertArrayEquals(h("out" + i), f.outputHash());
            assertArrayEquals(Hash.sha3(sigs[i]), f.signatureHash());
            byte[] leaf = layout.leafHash(null, f.inputHash(), f.outputHash(), sigs[i], null).orElseThrow();
            assertArrayEquals(tree.leafHash(i), leaf);
            assertArrayEquals(ozLeafHash(values.get(i)), leaf);
            assertTrue(MerkleProofs.verify(tree.proof(i), tree.root(), leaf));
        }
        // without the signature the record's leaf cannot be rebuilt; a wrong signature gives another leaf
        assertEquals(Optional.empty(), layout.leafHash(null, h("in0"), h("out0"), null, null));
        assertTrue(tree.indexOf(layout.leafHash(null, h("in0"), h("out0"), sigs[1], null).orElseThrow()).isEmpty());
    }

    @Test
    void hashPairAndTeeSignedLayoutsHashAsTheTree() {
        List<List<Type>> pairs = List.of(List.of(new Bytes32(h("a")), new Bytes32(h("b"))),
                List.of(new Bytes32(h("c")), new Bytes32(h("d"))));
        StandardMerkleTree pairTree = StandardMerkleTree.of(pairs, BatchLeafLayout.HASH_PAIR.encoding());
        assertArrayEquals(pairTree.leafHash(1), BatchLeafLayout.HASH_PAIR.leafHash(null, h("c"), h("d"), null, null)
                .orElseThrow());
        assertArrayEquals(ozLeafHash(pairs.get(1)), pairTree.leafHash(1));

        TeeSettlementLeaf leaf = new TeeSettlementLeaf(h("tee"), h("in"), h("out"), new byte[] {1, 2, 3},
                BigInteger.valueOf(1_765_000_000L));
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(List.of(leaf));
        BatchLeafLayout.Fields f = BatchLeafLayout.TEE_SIGNED.read(tree.value(0));
        assertArrayEquals(h("tee"), f.teeId());
        assertEquals(BigInteger.valueOf(1_765_000_000L), f.timestamp());
        assertArrayEquals(tree.leafHash(0), BatchLeafLayout.TEE_SIGNED.leafHash(h("tee"), h("in"), h("out"),
                new byte[] {1, 2, 3}, BigInteger.valueOf(1_765_000_000L)).orElseThrow());
        assertEquals(Optional.empty(), BatchLeafLayout.TEE_SIGNED.leafHash(null, h("in"), h("out"),
                new byte[] {1, 2, 3}, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> BatchLeafLayout.SIGNATURE_HASH.read(tree.value(0)));
    }
}
