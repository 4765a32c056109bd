package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.bench.SyntheticReceiptBlocks;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Receipt and transaction proofs as bundles carry them: checked offline, and forged ones refused. */
class InclusionProofTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EthHeader syntheticHeader(SyntheticReceiptBlocks.Block b) {
        return EthHeader.fromJson(b.header()).requireClaimedHash();
    }

    private static InclusionProof receiptProof(SyntheticReceiptBlocks.Block b, int index) {
        EthHeader header = syntheticHeader(b);
        BlockReceipts receipts = BlockReceipts.fromJson(header, b.receipts());
        return InclusionProof.of(ProvedItem.RECEIPT, header, index, receipts.proofNodes(index));
    }

    @Test
    void everyReceiptOfABlockIsProvedOffline() {
        SyntheticReceiptBlocks.Block b = new SyntheticReceiptBlocks(9).block(77, 130, 3);
        EthHeader header = syntheticHeader(b);
        BlockReceipts receipts = BlockReceipts.fromJson(header, b.receipts());
        for (int i = 0; i < 130; i++) {
            ConsensusReceipt proved = InclusionProof.of(ProvedItem.RECEIPT, header, i, receipts.proofNodes(i))
                    .verifyReceipt();
            assertEquals(ConsensusReceipt.fromJson(b.receipts().get(i), "r").logs(), proved.logs());
        }
    }

    @Test
    void aProofSurvivesJackson() throws Exception {
        SyntheticReceiptBlocks.Block b = new SyntheticReceiptBlocks(9).block(77, 20, 2);
        InclusionProof proof = receiptProof(b, 12);
        String text = JSON.writeValueAsString(proof);
        InclusionProof read = JSON.readValue(text, InclusionProof.class);
        assertEquals(proof, read);
        assertArrayEquals(proof.verify(), read.verify());
        assertTrue(text.contains("\"item\":\"RECEIPT\""), text);
    }

    @Test
    void aTransactionProofGivesItsCalldata() {
        JsonNode block = MainnetBlocks.load("mainnet-14151203-london.json");
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        BlockTransactions txs = BlockTransactions.fromBlock(header, block);
        InclusionProof proof = InclusionProof.of(ProvedItem.TRANSACTION, header, 5, txs.proofNodes(5));
        JsonNode tx = block.get("transactions").get(5);
        assertEquals(tx.get("hash").asText(), proof.verifiedTransactionHash());
        assertArrayEquals(Numeric.hexStringToByteArray(tx.get("input").asText()), proof.verifyTransaction().input());
        assertThrows(InvalidProofException.class, proof::verifyReceipt);
    }

    @Test
    void anAlteredNodeIsRefused() {
        InclusionProof proof = receiptProof(new SyntheticReceiptBlocks(9).block(77, 50, 3), 33);
        List<String> nodes = new ArrayList<>(proof.nodes());
        String last = nodes.getLast();
        nodes.set(nodes.size() - 1, last.substring(0, last.length() - 2) + (last.endsWith("00") ? "01" : "00"));
        InclusionProof forged = new InclusionProof(proof.item(), proof.block(), proof.blockHash(), proof.header(),
                proof.index(), nodes);
        InvalidProofException e = assertThrows(InvalidProofException.class, forged::verify);
        assertTrue(e.getMessage().startsWith("the proof has no node for node 0x"), e.getMessage());
    }

    @Test
    void aMissingNodeIsRefused() {
        InclusionProof proof = receiptProof(new SyntheticReceiptBlocks(9).block(77, 50, 3), 20);
        InclusionProof forged = new InclusionProof(proof.item(), proof.block(), proof.blockHash(), proof.header(),
                proof.index(), proof.nodes().subList(0, proof.nodes().size() - 1));
        assertThrows(InvalidProofException.class, forged::verify);
    }

    @Test
    void aProofForAnotherIndexDoesNotProveThisOne() {
        InclusionProof proof = receiptProof(new SyntheticReceiptBlocks(9).block(77, 50, 3), 20);
        InclusionProof moved = new InclusionProof(proof.item(), proof.block(), proof.blockHash(), proof.header(),
                21, proof.nodes());
        assertThrows(InvalidProofException.class, moved::verify);
        InclusionProof beyond = new InclusionProof(proof.item(), proof.block(), proof.blockHash(), proof.header(),
                500, proof.nodes());
        assertThrows(InvalidProofException.class, beyond::verify);
    }

    @Test
    void aProofUnderAnotherHeaderIsRefused() {
        SyntheticReceiptBlocks gen = new SyntheticReceiptBlocks(9);
        InclusionProof proof = receiptProof(gen.block(77, 50, 3), 20);
        SyntheticReceiptBlocks.Block other = gen.block(78, 50, 3);
        EthHeader otherHeader = syntheticHeader(other);
        InclusionProof swapped = new InclusionProof(proof.item(), 78, otherHeader.hashHex(),
                Numeric.toHexString(otherHeader.rlp()), proof.index(), proof.nodes());
        assertTrue(assertThrows(InvalidProofException.class, swapped::verify).getMessage()
                .startsWith("the proof has no node for the root"));
        InclusionProof lyingHash = new InclusionProof(proof.item(), proof.block(), otherHeader.hashHex(),
                proof.header(), proof.index(), proof.nodes());
        assertTrue(assertThrows(InvalidProofException.class, lyingHash::verify).getMessage()
                .startsWith("proof header hashes to "));
        InclusionProof wrongNumber = new InclusionProof(proof.item(), 78, proof.blockHash(), proof.header(),
                proof.index(), proof.nodes());
        assertEquals("proof header is block 77, the proof says 78",
                assertThrows(InvalidProofException.class, wrongNumber::verify).getMessage());
    }

    @Test
    void garbageIsAnInvalidProofNotACrash() {
        InclusionProof garbage = new InclusionProof(ProvedItem.RECEIPT, 1, "0x" + "00".repeat(32), "0xzz", 0,
                List.of("0x00"));
        assertThrows(InvalidProofException.class, garbage::verify);
        InclusionProof empty = new InclusionProof(null, 1, null, null, 0, List.of());
        assertThrows(InvalidProofException.class, empty::verify);
    }
}
