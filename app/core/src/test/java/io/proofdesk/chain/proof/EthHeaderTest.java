package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EthHeaderTest {

    static final String[] BLOCKS = MainnetBlocks.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("BLOCKS")
    void realMainnetHeadersHashToTheirHash(String file) {
        JsonNode block = MainnetBlocks.load(file);
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        assertEquals(block.get("hash").asText(), header.hashHex());
        assertEquals(Long.decode(block.get("number").asText()), header.number());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "mainnet-2000004-frontier.json, FRONTIER",
        "mainnet-14151203-london.json, LONDON",
        "mainnet-18722845-shanghai.json, SHANGHAI",
        "mainnet-20013091-cancun.json, CANCUN",
        "mainnet-23182607-prague.json, PRAGUE",
    })
    void layoutIsReadFromTheFieldsPresent(String file, HeaderLayout layout) {
        assertEquals(layout, EthHeader.fromJson(MainnetBlocks.load(file)).layout());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BLOCKS")
    void rlpRoundTripsForBundles(String file) {
        EthHeader header = EthHeader.fromJson(MainnetBlocks.load(file));
        EthHeader again = EthHeader.fromRlp(header.rlp());
        assertArrayEquals(header.hash(), again.hash());
        assertEquals(header.layout(), again.layout());
        assertEquals(header.number(), again.number());
        assertArrayEquals(header.receiptsRoot(), again.receiptsRoot());
    }

    @Test
    void oneChangedFieldIsAMismatchThatNamesTheBlock() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-23094898-prague.json");
        block.put("gasUsed", "0x1c06044");
        EthHeader header = EthHeader.fromJson(block);
        assertFalse(header.matchesClaimedHash());
        HeaderHashMismatchException e = assertThrows(HeaderHashMismatchException.class, header::requireClaimedHash);
        assertEquals(23094898, e.block());
        assertTrue(e.getMessage().startsWith("header hash mismatch: block 23094898, endpoint says "
                + "0xe6064637def8a5a9a90c8a666005975e4a6c46acf8af57e1f2adb20dfced133a, RLP gives 0x"), e.getMessage());
    }

    @Test
    void aDroppedForkFieldChangesTheHash() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-23094898-prague.json");
        block.remove("requestsHash");
        EthHeader header = EthHeader.fromJson(block);
        assertEquals(HeaderLayout.CANCUN, header.layout());
        assertThrows(HeaderHashMismatchException.class, header::requireClaimedHash);
    }

    @Test
    void aLaterForkFieldWithoutTheEarlierOneIsRefused() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-20013091-cancun.json");
        block.remove("withdrawalsRoot");
        ProofInputException e = assertThrows(ProofInputException.class, () -> EthHeader.fromJson(block));
        assertEquals("block 20013091 has blobGasUsed but not withdrawalsRoot; no Ethereum header layout has that "
                + "(unsupported)", e.getMessage());
    }

    @Test
    void malformedFieldsNameTheFieldAndBlock() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-18722845-shanghai.json");
        block.put("stateRoot", "0x1234");
        assertEquals("block 18722845: stateRoot is 2 bytes, expected 32",
                assertThrows(ProofInputException.class, () -> EthHeader.fromJson(block)).getMessage());
        block.put("stateRoot", "0xzz");
        assertEquals("block 18722845: stateRoot is not hex: 0xzz",
                assertThrows(ProofInputException.class, () -> EthHeader.fromJson(block)).getMessage());
        block.remove("stateRoot");
        assertEquals("block 18722845 has no stateRoot",
                assertThrows(ProofInputException.class, () -> EthHeader.fromJson(block)).getMessage());
    }
}
