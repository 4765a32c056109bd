package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.web3j.utils.Numeric;

import java.util.IdentityHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactions root of real mainnet blocks, rebuilt from their JSON transactions with web3j's encoders. */
class TransactionsTrieTest {

    static final String[] BLOCKS = MainnetBlocks.WITH_FULL_TRANSACTIONS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("BLOCKS")
    void jsonTransactionsRebuildTheTransactionsRoot(String file) {
        JsonNode block = MainnetBlocks.load(file);
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        BlockTransactions txs = BlockTransactions.fromBlock(header, block);
        assertEquals(block.get("transactions").size(), txs.size());
        for (int i = 0; i < txs.size(); i++) {
            JsonNode tx = block.get("transactions").get(i);
            assertEquals(i, txs.indexOf(tx.get("hash").asText()).orElseThrow());
            assertArrayEquals(Numeric.hexStringToByteArray(tx.get("input").asText()), txs.transaction(i).input());
        }
    }

    /**
     * The sync takes a proved transaction's fields from the JSON it rebuilt the encoding from, not by decoding the
     * encoding again: both must say the same for every transaction type of these blocks.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("BLOCKS")
    void fieldsFromJsonAreWhatTheEncodingSays(String file) {
        JsonNode block = MainnetBlocks.load(file);
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        BlockTransactions txs = BlockTransactions.fromBlock(header, block);
        for (int i = 0; i < txs.size(); i++) {
            SignedTransaction fromJson = txs.transaction(i);
            SignedTransaction decoded = SignedTransaction.decode(txs.encoded(i));
            assertEquals(decoded.type(), fromJson.type(), "type of " + i);
            assertEquals(decoded.hash(), fromJson.hash(), "hash of " + i);
            assertEquals(decoded.to(), fromJson.to(), "recipient of " + i);
            assertArrayEquals(decoded.input(), fromJson.input(), "calldata of " + i);
            assertEquals(decoded.value(), fromJson.value(), "value of " + i);
            assertEquals(decoded.nonce(), fromJson.nonce(), "nonce of " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BLOCKS")
    void everyTransactionHasAnOfflineProof(String file) {
        JsonNode block = MainnetBlocks.load(file);
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        BlockTransactions txs = BlockTransactions.fromBlock(header, block);
        for (int i = 0; i < txs.size(); i++) {
            InclusionProof proof = InclusionProof.of(ProvedItem.TRANSACTION, header, i, txs.proofNodes(i));
            SignedTransaction proved = proof.verifyTransaction();
            JsonNode tx = block.get("transactions").get(i);
            assertEquals(tx.get("hash").asText(), proved.hash());
            assertArrayEquals(Numeric.hexStringToByteArray(tx.get("input").asText()), proved.input());
        }
    }

    @Test
    void alteredCalldataDoesNotHashToTheTransaction() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-14151203-london.json");
        ObjectNode tx = (ObjectNode) block.get("transactions").get(0);
        String input = tx.get("input").asText();
        tx.put("input", input.substring(0, input.length() - 1) + (input.endsWith("0") ? "1" : "0"));
        EthHeader header = EthHeader.fromJson(block);
        TransactionHashMismatchException e = assertThrows(TransactionHashMismatchException.class,
                () -> BlockTransactions.fromBlock(header, block));
        assertTrue(e.getMessage().startsWith("transaction hash mismatch: transaction 0 of block 14151203, endpoint "
                + "says 0xcc9fd40f0158a5cdd2e5e0765c1abbb0d15f69d88f561499a79e57dd0c97839a"), e.getMessage());
    }

    /**
     * The sync hands the proof calldata it decoded earlier from the same text node: those bytes are what is encoded
     * and hashed, so bytes that are not that node's calldata cannot pass.
     */
    @Test
    void calldataDecodedEarlierIsHashedLikeTheJson() {
        JsonNode block = MainnetBlocks.load("mainnet-14151203-london.json");
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        JsonNode text = block.get("transactions").get(0).get("input");
        byte[] right = Numeric.hexStringToByteArray(text.asText());
        Map<JsonNode, byte[]> decoded = new IdentityHashMap<>();
        decoded.put(text, right);
        BlockTransactions txs = BlockTransactions.fromBlock(header, block, decoded);
        assertArrayEquals(right, txs.transaction(0).input());

        byte[] wrong = right.clone();
        wrong[wrong.length - 1] ^= 1;
        decoded.put(text, wrong);
        assertThrows(TransactionHashMismatchException.class, () -> BlockTransactions.fromBlock(header, block, decoded));
    }

    @Test
    void aDroppedTransactionIsARootMismatch() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-15571241-london.json");
        ((ArrayNode) block.get("transactions")).remove(7);
        EthHeader header = EthHeader.fromJson(block);
        TrieRootMismatchException e = assertThrows(TrieRootMismatchException.class,
                () -> BlockTransactions.fromBlock(header, block));
        assertEquals(15571241, e.block());
        assertTrue(e.getMessage().startsWith("transactions root mismatch: block 15571241, header has "
                + block.get("transactionsRoot").asText() + ", the 57 transactions given rebuild 0x"), e.getMessage());
    }

    @Test
    void swappedTransactionsAreARootMismatch() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-2000004-frontier.json");
        ArrayNode txs = (ArrayNode) block.get("transactions");
        JsonNode first = txs.get(0);
        txs.set(0, txs.get(1));
        txs.set(1, first);
        EthHeader header = EthHeader.fromJson(block);
        assertThrows(TrieRootMismatchException.class, () -> BlockTransactions.fromBlock(header, block));
    }

    @Test
    void transactionHashesOnlyAreNotEnough() {
        JsonNode block = MainnetBlocks.load("mainnet-20013091-cancun.json");
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        assertEquals("block 20013091 lists transaction 0 as a hash; ask for full transactions "
                + "(eth_getBlockByNumber with true)", assertThrows(ProofInputException.class,
                        () -> BlockTransactions.fromBlock(header, block)).getMessage());
    }
}
