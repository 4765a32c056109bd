package io.proofdesk.attest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;

/**
 * OpenZeppelin's StandardMerkleTree (the JS library's semantics, so roots and proofs match what a facilitator
 * posts): leaves double-keccak'd over abi.encode, sorted by hash, stored as a complete binary tree in an array
 * with leaf i at {@code tree[length - 1 - i]}; dumps in the "standard-v1" JSON format.
 */
public final class StandardMerkleTree {

    public static final String FORMAT = "standard-v1";
    public static final int MAX_LEAVES = 1 << 20;
    public static final int MAX_DUMP_BYTES = 256 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                    .maxDocumentLength(MAX_DUMP_BYTES).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final List<String> leafEncoding;
    private final List<List<Type>> values;
    private final int[] treeIndex;
    private final byte[][] tree;

    private StandardMerkleTree(List<String> leafEncoding, List<List<Type>> values, int[] treeIndex, byte[][] tree) {
        this.leafEncoding = List.copyOf(leafEncoding);
        this.values = values.stream().map(List::copyOf).toList();
        this.treeIndex = treeIndex;
        this.tree = tree;
    }

    /** Builds the tree over {@code values} (each one ABI tuple matching {@code leafEncoding}). */
    public static StandardMerkleTree of(List<List<Type>> values, List<String> leafEncoding) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        if (values.size() > MAX_LEAVES) {
            throw new IllegalArgumentException("more than " + MAX_LEAVES + " leaves");
        }
        for (List<Type> v : values) {
            List<String> types = v.stream().map(t -> AbiLeafValues.encodingOf((Type<?>) t)).toList();
            if (!types.equals(leafEncoding)) {
                throw new IllegalArgumentException("value " + types + " does not match leaf encoding " + leafEncoding);
            }
        }
        record Hashed(int valueIndex, byte[] hash) {
        }
        List<Hashed> hashed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            hashed.add(new Hashed(i, MerkleProofs.leafHash(values.get(i))));
        }
        hashed.sort(Comparator.comparing(Hashed::hash, Arrays::compareUnsigned));
        byte[][] tree = makeTree(hashed.stream().map(Hashed::hash).toList());
        int[] treeIndex = new int[values.size()];
        for (int leaf = 0; leaf < hashed.size(); leaf++) {
            treeIndex[hashed.get(leaf).valueIndex()] = tree.length - 1 - leaf;
        }
        return new StandardMerkleTree(leafEncoding, values, treeIndex, tree);
    }

    public static StandardMerkleTree ofSettlements(List<TeeSettlementLeaf> leaves) {
        return of(leaves.stream().map(TeeSettlementLeaf::abiValues).toList(), TeeSettlementLeaf.LEAF_ENCODING);
    }

    private static byte[][] makeTree(List<byte[]> sortedLeaves) {
        byte[][] tree = new byte[2 * sortedLeaves.size() - 1][];
        for (int i = 0; i < sortedLeaves.size(); i++) {
            tree[tree.length - 1 - i] = sortedLeaves.get(i);
        }
        for (int i = tree.length - 1 - sortedLeaves.size(); i >= 0; i--) {
            tree[i] = MerkleProofs.hashPair(tree[2 * i + 1], tree[2 * i + 2]);
        }
        return tree;
    }

    public byte[] root() {
        return tree[0].clone();
    }

    public String rootHex() {
        return "0x" + HexFormat.of().formatHex(tree[0]);
    }

    /** Number of values (leaves). */
    public int size() {
        return values.size();
    }

    public List<String> leafEncoding() {
        return leafEncoding;
    }

    /** The value at {@code index} in the order given to {@link #of} (or as listed in the dump). */
    public List<Type> value(int index) {
        return values.get(index);
    }

    public byte[] leafHash(int index) {
        return tree[treeIndex[index]].clone();
    }

    /** Sibling hashes from the leaf up to (not including) the root — OZ getProof. */
    public List<byte[]> proof(int index) {
        int i = treeIndex[index];
        List<byte[]> proof = new ArrayList<>();
        while (i > 0) {
            int sibling = (i % 2 == 1) ? i + 1 : i - 1;
            proof.add(tree[sibling].clone());
            i = (i - 1) / 2;
        }
        return proof;
    }

    /** Index of the value whose leaf hash is {@code leafHash}. */
    public OptionalInt indexOf(byte[] leafHash) {
        for (int i = 0; i < treeIndex.length; i++) {
            if (Arrays.equals(tree[treeIndex[i]], leafHash)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** {"format":"standard-v1","tree":[...],"values":[{"value":[...],"treeIndex":n}],"leafEncoding":[...]} */
    public String dump() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode treeNode = root.putArray("tree");
        for (byte[] node : tree) {
            treeNode.add("0x" + HexFormat.of().formatHex(node));
        }
        ArrayNode valuesNode = root.putArray("values");
        for (int i = 0; i < values.size(); i++) {
            ObjectNode entry = valuesNode.addObject();
            ArrayNode value = entry.putArray("value");
            values.get(i).forEach(t -> value.add(AbiLeafValues.toJson((Type<?>) t)));
            entry.put("treeIndex", treeIndex[i]);
        }
        ArrayNode encoding = root.putArray("leafEncoding");
        leafEncoding.forEach(encoding::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a dump and checks it the way OZ's {@code validate()} does: every leaf and inner node must hash right. */
    public static StandardMerkleTree load(byte[] json) {
        return load(readDump(json));
    }

    /**
     * A dump's JSON as {@link #load(byte[])} reads it (size cap, nesting depth, duplicate keys refused), for a caller
     * that also reads other fields of the same document and so parses it once.
     */
    public static JsonNode readDump(byte[] json) {
        if (json.length > MAX_DUMP_BYTES) {
            throw new MerkleTreeFormatException("dump", json.length + " bytes, more than " + MAX_DUMP_BYTES);
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new MerkleTreeFormatException("dump", "not JSON: " + e.getMessage(), e);
        }
    }

    /** {@link #load(byte[])} of a dump already read by {@link #readDump}. */
    public static StandardMerkleTree load(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MerkleTreeFormatException("dump", "not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new MerkleTreeFormatException("format", "expected \"" + FORMAT + "\"");
        }
        List<String> encoding = new ArrayList<>();
        JsonNode enc = root.path("leafEncoding");
        if (!enc.isArray() || enc.isEmpty() || enc.size() > 32) {
            throw new MerkleTreeFormatException("leafEncoding", "expected a non-empty array of ABI type names");
        }
        for (int i = 0; i < enc.size(); i++) {
            String t = enc.get(i).asText("");
            if (!AbiLeafValues.SUPPORTED.contains(t)) {
                throw new MerkleTreeFormatException("leafEncoding[" + i + "]", "unsupported type '" + t + "'");
            }
            encoding.add(t);
        }
        JsonNode treeNode = root.path("tree");
        JsonNode valuesNode = root.path("values");
        if (!treeNode.isArray() || !valuesNode.isArray() || valuesNode.isEmpty() || valuesNode.size() > MAX_LEAVES
                || treeNode.size() != 2 * valuesNode.size() - 1) {
            throw new MerkleTreeFormatException("tree", "expected 2n-1 nodes for n values");
        }
        byte[][] tree = new byte[treeNode.size()][];
        for (int i = 0; i < tree.length; i++) {
            tree[i] = ((Bytes32) AbiLeafValues.fromJson("bytes32", treeNode.get(i), "tree[" + i + "]")).getValue();
        }
        for (int i = 0; 2 * i + 2 < tree.length; i++) {
            if (!Arrays.equals(tree[i], MerkleProofs.hashPair(tree[2 * i + 1], tree[2 * i + 2]))) {
                throw new MerkleTreeFormatException("tree[" + i + "]", "node is not the hash of its children");
            }
        }
        int firstLeaf = tree.length / 2;
        List<List<Type>> values = new ArrayList<>();
        int[] treeIndex = new int[valuesNode.size()];
        boolean[] used = new boolean[tree.length];
        for (int v = 0; v < valuesNode.size(); v++) {
            String where = "values[" + v + "]";
            JsonNode entry = valuesNode.get(v);
            JsonNode value = entry.path("value");
            JsonNode index = entry.path("treeIndex");
            if (!value.isArray() || value.size() != encoding.size()) {
                throw new MerkleTreeFormatException(where + ".value", "expected " + encoding.size() + " items");
            }
            if (!index.canConvertToInt() || !index.isIntegralNumber() || index.intValue() < firstLeaf
                    || index.intValue() >= tree.length || used[index.intValue()]) {
                throw new MerkleTreeFormatException(where + ".treeIndex", "not a distinct leaf index of the tree");
            }
            List<Type> parsed = new ArrayList<>();
            for (int k = 0; k < encoding.size(); k++) {
                parsed.add(AbiLeafValues.fromJson(encoding.get(k), value.get(k), where + ".value[" + k + "]"));
            }
            treeIndex[v] = index.intValue();
            used[treeIndex[v]] = true;
            if (!Arrays.equals(MerkleProofs.leafHash(parsed), tree[treeIndex[v]])) {
                throw new MerkleTreeFormatException(where, "value does not hash to tree[" + treeIndex[v] + "]");
            }
            values.add(parsed);
        }
        return new StandardMerkleTree(encoding, values, treeIndex, tree);
    }
}
