package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.web3j.crypto.Hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every case of ethereum/tests TrieTests (resources/ethereum-tests/README.md): the root must match Ethereum's. */
class TrieVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> trietest() throws IOException {
        return cases("trietest.json", false);
    }

    @TestFactory
    Stream<DynamicTest> trieanyorder() throws IOException {
        return cases("trieanyorder.json", false);
    }

    @TestFactory
    Stream<DynamicTest> trietestSecure() throws IOException {
        return cases("trietest_secureTrie.json", true);
    }

    @TestFactory
    Stream<DynamicTest> trieanyorderSecure() throws IOException {
        return cases("trieanyorder_secureTrie.json", true);
    }

    @TestFactory
    Stream<DynamicTest> hexEncodedSecure() throws IOException {
        return cases("hex_encoded_securetrie_test.json", true);
    }

    private Stream<DynamicTest> cases(String file, boolean secure) throws IOException {
        JsonNode all;
        try (InputStream in = getClass().getResourceAsStream("/ethereum-tests/TrieTests/" + file)) {
            all = JSON.readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        all.properties().forEach(e -> tests.add(DynamicTest.dynamicTest(file + " " + e.getKey(),
                () -> run(e.getValue(), secure))));
        assertFalse(tests.isEmpty(), file + " has no cases");
        return tests.stream();
    }

    private static void run(JsonNode test, boolean secure) {
        List<Map.Entry<byte[], byte[]>> ops = new ArrayList<>();
        JsonNode in = test.get("in");
        if (in.isArray()) {
            for (JsonNode pair : in) {
                ops.add(Map.entry(bytes(pair.get(0)), pair.get(1).isNull() ? new byte[0] : bytes(pair.get(1))));
            }
        } else {
            in.properties().forEach(e -> ops.add(Map.entry(bytes(e.getKey()), bytes(e.getValue()))));
        }
        MerklePatriciaTrie trie = new MerklePatriciaTrie();
        Map<String, byte[]> expected = new LinkedHashMap<>();
        for (Map.Entry<byte[], byte[]> op : ops) {
            byte[] key = secure ? Hash.sha3(op.getKey()) : op.getKey();
            trie.put(key, op.getValue());
            expected.put(HexFormat.of().formatHex(key), op.getValue());
        }
        assertEquals(test.get("root").asText(), RpcFields.hex(trie.rootHash()));

        byte[] root = trie.rootHash();
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            byte[] key = HexFormat.of().parseHex(e.getKey());
            Optional<byte[]> proved = TrieProofVerifier.verify(root, key, trie.proof(key));
            if (e.getValue().length == 0) {
                assertTrue(proved.isEmpty(), "a deleted key is proved absent");
                assertTrue(trie.get(key).isEmpty());
            } else {
                assertArrayEquals(e.getValue(), proved.orElseThrow(), "the proof gives the stored value");
                assertArrayEquals(e.getValue(), trie.get(key).orElseThrow());
            }
        }
    }

    private static byte[] bytes(JsonNode node) {
        return bytes(node.asText());
    }

    private static byte[] bytes(String s) {
        return s.startsWith("0x") ? HexFormat.of().parseHex(s.substring(2)) : s.getBytes(StandardCharsets.UTF_8);
    }
}
