package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.proofdesk.bench.SyntheticReceiptBlocks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receipts root of generated blocks (SyntheticReceiptBlocks), and what a tampered receipt list does to it. */
class ReceiptsTrieTest {

    private static SyntheticReceiptBlocks.Block block(int receipts) {
        return new SyntheticReceiptBlocks(3).block(4242, receipts, 3);
    }

    private static List<JsonNode> copies(List<JsonNode> receipts) {
        List<JsonNode> out = new ArrayList<>();
        receipts.forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    private static BlockReceipts check(SyntheticReceiptBlocks.Block b, List<JsonNode> receipts) {
        return BlockReceipts.fromJson(EthHeader.fromJson(b.header()).requireClaimedHash(), receipts);
    }

    @Test
    void untouchedReceiptsRebuildTheRootAndKeepLogPositions() {
        SyntheticReceiptBlocks.Block b = block(40);
        BlockReceipts proved = SyntheticReceiptBlocks.check(b);
        assertEquals(40, proved.size());
        assertEquals(120, proved.logCount());
        assertEquals(0, proved.receiptOfLog(0));
        assertEquals(39, proved.receiptOfLog(119));
        assertEquals(-1, proved.receiptOfLog(120));
        assertEquals(3 * 7, proved.firstLogIndex(7));
    }

    @Test
    void oneByteChangedInALogsDataIsARootMismatch() {
        SyntheticReceiptBlocks.Block b = block(40);
        List<JsonNode> receipts = copies(b.receipts());
        ObjectNode log = (ObjectNode) receipts.get(17).get("logs").get(1);
        String data = log.get("data").asText();
        log.put("data", data.substring(0, 10) + (data.charAt(10) == 'a' ? 'b' : 'a') + data.substring(11));
        TrieRootMismatchException e = assertThrows(TrieRootMismatchException.class, () -> check(b, receipts));
        assertTrue(e.getMessage().startsWith("receipts root mismatch: block 4242, header has "
                + b.header().get("receiptsRoot").asText() + ", the 40 receipts given rebuild 0x"), e.getMessage());
    }

    @Test
    void aChangedTopicBreaksTheReceiptsBloomFirst() {
        SyntheticReceiptBlocks.Block b = block(10);
        List<JsonNode> receipts = copies(b.receipts());
        ObjectNode log = (ObjectNode) receipts.get(3).get("logs").get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) log.get("topics")).set(0, TextNode.valueOf("0x" + "ab".repeat(32)));
        BloomMismatchException e = assertThrows(BloomMismatchException.class, () -> check(b, receipts));
        assertEquals("receipt 3 of block 4242: its logsBloom is not the bloom of its 3 logs", e.getMessage());
    }

    @Test
    void aDroppedReceiptIsARootMismatch() {
        SyntheticReceiptBlocks.Block b = block(40);
        List<JsonNode> receipts = copies(b.receipts());
        receipts.remove(39);
        assertThrows(TrieRootMismatchException.class, () -> check(b, receipts));
    }

    @Test
    void aDroppedLogWithItsBloomBitsIsARootMismatch() {
        SyntheticReceiptBlocks.Block b = block(5);
        List<JsonNode> receipts = copies(b.receipts());
        ObjectNode r = (ObjectNode) receipts.get(2);
        ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("logs")).remove(0);
        List<ReceiptLog> rest = ConsensusReceipt.fromJson(r.deepCopy().put("logsBloom", LogsBloom.empty().hex()), "x")
                .logs();
        r.put("logsBloom", LogsBloom.of(rest).hex());
        assertThrows(TrieRootMismatchException.class, () -> check(b, receipts));
    }

    @Test
    void swappedReceiptsAreARootMismatch() {
        SyntheticReceiptBlocks.Block b = block(40);
        List<JsonNode> receipts = copies(b.receipts());
        Collections.swap(receipts, 5, 6);
        assertThrows(TrieRootMismatchException.class, () -> check(b, receipts));
    }

    @Test
    void aWrongPositionFieldIsCaughtAfterTheRootHolds() {
        SyntheticReceiptBlocks.Block b = block(4);
        List<JsonNode> receipts = copies(b.receipts());
        ((ObjectNode) receipts.get(2)).put("transactionIndex", "0x3");
        assertEquals("receipt 2 of block 4242 says it is at transactionIndex 3",
                assertThrows(ProofInputException.class, () -> check(b, receipts)).getMessage());
    }

    @Test
    void aHeaderBloomThatIsNotTheUnionIsRefused() {
        SyntheticReceiptBlocks.Block b = block(4);
        ObjectNode header = b.header().deepCopy();
        header.put("logsBloom", LogsBloom.empty().hex());
        header.put("hash", EthHeader.fromJson(header).hashHex());
        assertThrows(BloomMismatchException.class, () -> BlockReceipts.fromJson(EthHeader.fromJson(header)
                .requireClaimedHash(), b.receipts()));
    }

    @Test
    void malformedReceiptsSayWhereTheyAre() {
        SyntheticReceiptBlocks.Block b = block(3);
        List<JsonNode> receipts = copies(b.receipts());
        ((ObjectNode) receipts.get(1)).put("type", "0x7e");
        assertEquals("receipt 1 of block 4242: receipt type 0x7e is not an Ethereum type (0-4); unsupported",
                assertThrows(ProofInputException.class, () -> check(b, receipts)).getMessage());
        ((ObjectNode) receipts.get(1)).put("type", "0x2");
        ((ObjectNode) receipts.get(1).get("logs").get(0)).put("address", "0x1234");
        assertEquals("receipt 1 of block 4242, log 0: address is 2 bytes, expected 20",
                assertThrows(ProofInputException.class, () -> check(b, receipts)).getMessage());
    }

    @Test
    void consensusEncodingRoundTrips() {
        SyntheticReceiptBlocks.Block b = block(3);
        ConsensusReceipt r = ConsensusReceipt.fromJson(b.receipts().get(1), "r");
        ConsensusReceipt again = ConsensusReceipt.decode(r.encode());
        assertEquals(r.type(), again.type());
        assertEquals(r.logs(), again.logs());
        assertEquals(r.bloom(), again.bloom());
        assertEquals(r.cumulativeGasUsed(), again.cumulativeGasUsed());
        assertTrue(again.succeeded());
    }

    @Test
    void preByzantiumReceiptsCommitToTheirPostStateRoot() {
        ObjectNode json = (ObjectNode) block(1).receipts().getFirst().deepCopy();
        json.remove("status");
        json.remove("type");
        json.put("root", "0x" + "5a".repeat(32));
        ConsensusReceipt r = ConsensusReceipt.fromJson(json, "receipt 0 of block 1000000");
        assertEquals(0, r.type());
        byte[] encoded = r.encode();
        assertTrue((encoded[0] & 0xff) >= 0xc0, "a legacy receipt is a bare RLP list");
        ConsensusReceipt again = ConsensusReceipt.decode(encoded);
        assertEquals(32, again.outcome().length);
        assertEquals(r.logs(), again.logs());
        json.remove("root");
        assertEquals("receipt 0 of block 1000000 has neither status nor root",
                assertThrows(ProofInputException.class, () -> ConsensusReceipt.fromJson(json,
                        "receipt 0 of block 1000000")).getMessage());
    }

    @Test
    void absurdNumbersAreBadInputNotArithmeticErrors() {
        ObjectNode header = block(1).header().deepCopy();
        header.put("number", "0x" + "f".repeat(40));
        assertThrows(ProofInputException.class, () -> EthHeader.fromJson(header));
        ObjectNode tx = (ObjectNode) MainnetBlocks.load("mainnet-14151203-london.json").get("transactions").get(0);
        tx.put("type", "0x" + "1".repeat(30));
        assertTrue(assertThrows(ProofInputException.class, () -> TransactionBytes.fromJson(tx, "tx"))
                .getMessage().contains("unsupported"));
    }
}
