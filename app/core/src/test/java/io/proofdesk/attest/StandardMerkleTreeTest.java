package io.proofdesk.attest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardMerkleTreeTest {

    /**
     * Expected root and proof were produced by OpenZeppelin's own JS library (@openzeppelin/merkle-tree,
     * StandardMerkleTree.of(values, ["bytes32","bytes32","bytes32","bytes","uint256"])) over these five values.
     */
    private static final String OZ_ROOT = "0x3c33b60f4bc9aa33f77e5359965a30597ce969c6b7bba82c04583aaa01e1a6a3";
    private static final List<String> OZ_PROOF_OF_VALUE_2 = List.of(
            "717831307bceef81fbf1a56816630daba55fbca3a4c2f106340e366aa182746f",
            "fdd1bd15a9dbb48d943a4a464c02466db4808a366a94e91a3710e488ebcbfdea",
            "c619bf92f74037d139a4eae7904f90cc463e1a3a0af2087b9836be8171a9e5d0");
    private static final int[] OZ_TREE_INDEXES = {5, 6, 8, 4, 7};

    static List<TeeSettlementLeaf> fiveLeaves() {
        return List.of(
                leaf(1, repeat("ab", 70), new BigInteger("1765873226")),
                leaf(4, "01", BigInteger.ZERO),
                leaf(7, "", BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
                leaf(10, repeat("cd", 256), BigInteger.valueOf(42)),
                leaf(13, "deadbeef", BigInteger.valueOf(1_700_000_000)));
    }

    @Test
    void rootAndProofsMatchOpenZeppelinsJsLibrary() {
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(fiveLeaves());
        assertEquals(OZ_ROOT, tree.rootHex());
        assertEquals(OZ_PROOF_OF_VALUE_2, tree.proof(2).stream().map(HexFormat.of()::formatHex).toList());
        String dump = tree.dump();
        for (int i = 0; i < OZ_TREE_INDEXES.length; i++) {
            assertTrue(dump.contains("\"treeIndex\":" + OZ_TREE_INDEXES[i]));
        }
    }

    @Test
    void everyLeafProvesInclusionUnderTheRoot() {
        List<TeeSettlementLeaf> leaves = fiveLeaves();
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(leaves);
        for (int i = 0; i < leaves.size(); i++) {
            assertTrue(MerkleProofs.verify(tree.proof(i), tree.root(), leaves.get(i).leafHash()), "leaf " + i);
            assertArrayEquals(leaves.get(i).leafHash(), tree.leafHash(i));
            assertEquals(i, tree.indexOf(leaves.get(i).leafHash()).orElseThrow());
        }
    }

    @Test
    void aLeafNotInTheTreeOrAFlippedProofByteDoesNotVerify() {
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(fiveLeaves());
        TeeSettlementLeaf missing = leaf(20, "00", BigInteger.TEN);
        for (int i = 0; i < tree.size(); i++) {
            assertFalse(MerkleProofs.verify(tree.proof(i), tree.root(), missing.leafHash()));
        }
        assertTrue(tree.indexOf(missing.leafHash()).isEmpty());
        List<byte[]> proof = new ArrayList<>(tree.proof(3));
        byte[] node = proof.get(1).clone();
        node[31] ^= 0x01;
        proof.set(1, node);
        assertFalse(MerkleProofs.verify(proof, tree.root(), tree.leafHash(3)));
        assertFalse(MerkleProofs.verify(tree.proof(3), tree.root(), tree.leafHash(2)));
        assertFalse(MerkleProofs.verify(List.of(new byte[31]), tree.root(), tree.leafHash(3)));
        assertFalse(MerkleProofs.verify(tree.proof(3), new byte[32], tree.leafHash(3)));
    }

    @Test
    void leafHashIsDoubleKeccakOfTheAbiEncoding() {
        TeeSettlementLeaf l = leaf(4, "01", BigInteger.ZERO);
        // abi.encode(bytes32,bytes32,bytes32,bytes,uint256): 5 head words (offset of bytes = 0xa0), then length 1, data padded
        byte[] enc = new byte[32 * 7];
        Arrays.fill(enc, 0, 32, (byte) 4);
        Arrays.fill(enc, 32, 64, (byte) 5);
        Arrays.fill(enc, 64, 96, (byte) 6);
        enc[127] = (byte) 0xa0;
        enc[191] = 1;
        enc[192] = 1;
        assertArrayEquals(TestKeys.keccak(TestKeys.keccak(enc)), l.leafHash());
    }

    @Test
    void singleLeafTreeHasTheLeafAsRootAndAnEmptyProof() {
        TeeSettlementLeaf l = leaf(1, "aa", BigInteger.ONE);
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(List.of(l));
        assertArrayEquals(l.leafHash(), tree.root());
        assertTrue(tree.proof(0).isEmpty());
        assertTrue(MerkleProofs.verify(List.of(), tree.root(), l.leafHash()));
        assertThrows(IllegalArgumentException.class, () -> StandardMerkleTree.ofSettlements(List.of()));
    }

    @Test
    void dumpLoadsBackToTheSameTreeAndValues() {
        List<TeeSettlementLeaf> leaves = fiveLeaves();
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(leaves);
        String dump = tree.dump();
        assertTrue(dump.startsWith("{\"format\":\"standard-v1\",\"tree\":["), dump);
        StandardMerkleTree loaded = StandardMerkleTree.load(dump.getBytes(StandardCharsets.UTF_8));
        assertEquals(tree.rootHex(), loaded.rootHex());
        assertEquals(TeeSettlementLeaf.LEAF_ENCODING, loaded.leafEncoding());
        for (int i = 0; i < leaves.size(); i++) {
            assertEquals(leaves.get(i), TeeSettlementLeaf.fromAbiValues(loaded.value(i)));
            assertEquals(tree.proof(i).stream().map(HexFormat.of()::formatHex).toList(),
                    loaded.proof(i).stream().map(HexFormat.of()::formatHex).toList());
        }
    }

    @Test
    void loadAcceptsNumbersForUint256AsJsWritesThem() {
        TeeSettlementLeaf l = leaf(1, "aa", BigInteger.valueOf(42));
        String dump = StandardMerkleTree.ofSettlements(List.of(l)).dump().replace("\"42\"", "42");
        assertTrue(dump.contains(",42]"), dump);
        assertEquals(l, TeeSettlementLeaf.fromAbiValues(StandardMerkleTree.load(dump.getBytes(StandardCharsets.UTF_8)).value(0)));
    }

    @Test
    void tamperedDumpsAreRejectedWithWhereTheyAreWrong() {
        String dump = StandardMerkleTree.ofSettlements(fiveLeaves()).dump();
        String changedValue = dump.replace("\"1765873226\"", "\"1765873227\"");
        MerkleTreeFormatException e = assertThrows(MerkleTreeFormatException.class,
                () -> StandardMerkleTree.load(changedValue.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.where().startsWith("values["), e.where());
        String changedRoot = dump.replaceFirst("\"tree\":\\[\"0x.", "\"tree\":[\"0x" + (dump.charAt(dump.indexOf("\"tree\":[\"0x") + 11) == '0' ? '1' : '0'));
        assertThrows(MerkleTreeFormatException.class, () -> StandardMerkleTree.load(changedRoot.getBytes(StandardCharsets.UTF_8)));
        for (String bad : List.of("", "[]", "{\"format\":\"standard-v2\"}", "{\"format\":\"standard-v1\",\"leafEncoding\":[\"uint8\"]}",
                dump.replace("\"treeIndex\":5", "\"treeIndex\":0"), dump.replace("\"bytes\"", "\"string\""),
                dump.substring(0, dump.length() / 2))) {
            assertThrows(MerkleTreeFormatException.class, () -> StandardMerkleTree.load(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    private static TeeSettlementLeaf leaf(int first, String sigHex, BigInteger ts) {
        return new TeeSettlementLeaf(filled(first), filled(first + 1), filled(first + 2), HexFormat.of().parseHex(sigHex), ts);
    }

    private static byte[] filled(int b) {
        byte[] a = new byte[32];
        Arrays.fill(a, (byte) b);
        return a;
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }
}
