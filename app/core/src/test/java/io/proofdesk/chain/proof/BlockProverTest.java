package io.proofdesk.chain.proof;

import io.proofdesk.domain.EvidenceLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.bench.SyntheticReceiptBlocks;
import io.proofdesk.network.HeaderFormat;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockProverTest {

    /**
     * A block as a cosmos-evm node serves it (docs/CHAIN-EVIDENCE.md): made from a real mainnet block by giving it
     * the empty receiptsRoot and a hash that is not keccak of its fields, which is what og-evm's RPC does.
     */
    private static ObjectNode cosmosLikeBlock() {
        ObjectNode block = (ObjectNode) MainnetBlocks.load("mainnet-14151203-london.json");
        block.put("receiptsRoot", Numeric.toHexString(MerklePatriciaTrie.EMPTY_ROOT));
        block.put("hash", "0x" + "c0".repeat(32));
        return block;
    }

    @Test
    void ethereumBlocksAreProvedWithWhatWasChecked() {
        SyntheticReceiptBlocks.Block b = new SyntheticReceiptBlocks(1).block(9, 3, 2);
        ObjectNode block = b.header().deepCopy();
        block.putArray("transactions");
        // the synthetic header's transactionsRoot is random, so only its header is proved here
        BlockProver prover = new BlockProver(HeaderFormat.ETHEREUM);
        assertEquals(EvidenceLevel.PROVED, prover.ceiling());
        ProofVerdict header = prover.checkHeader(block);
        assertTrue(header.isProved(), header.reason());
        assertTrue(header.reason().endsWith("(prague layout)"), header.reason());
        BlockProver.Outcome outcome = prover.prove(block, b.receipts());
        assertEquals(ProofVerdict.Status.FAILED, outcome.verdict().status());
        assertTrue(outcome.verdict().reason().startsWith("transactions root mismatch: block 9"));
        assertTrue(outcome.block().isEmpty());
    }

    @Test
    void aMainnetBlockWithItsTransactionsProvesItsHeaderAndTransactions() {
        JsonNode block = MainnetBlocks.load("mainnet-2000004-frontier.json");
        ProofVerdict verdict = new BlockProver(HeaderFormat.ETHEREUM).checkHeader(block);
        assertEquals("block 2000004: keccak256(RLP(header)) is its hash "
                + "0x7250d1dc6c4b7c1a51f13fb02a92cc60ab1b9592e457ad60813356c656593cc2 (frontier layout)",
                verdict.reason());
    }

    @Test
    void cosmosEvmBlocksAreNotProvableAndSayWhy() {
        BlockProver prover = new BlockProver(HeaderFormat.COSMOS_EVM);
        assertEquals(EvidenceLevel.AGREED, prover.ceiling());
        BlockProver.Outcome outcome = prover.prove(cosmosLikeBlock(), List.of());
        assertEquals(ProofVerdict.Status.NOT_PROVABLE, outcome.verdict().status());
        assertEquals("block 14151203: cosmos-evm chain: the block hash is CometBFT's, not keccak256 of an Ethereum "
                + "header, and the header does not commit to receipts (its receiptsRoot is the empty root although "
                + "it has 12 transactions); records can be AGREED by several sources or TRUSTED, not PROVED",
                outcome.verdict().reason());
        assertEquals(ProofVerdict.Status.NOT_PROVABLE, prover.checkHeader(cosmosLikeBlock()).status());
    }

    @Test
    void aCosmosBlockOnANetworkSaidToBeEthereumFailsWithAHint() {
        ProofVerdict verdict = new BlockProver(HeaderFormat.ETHEREUM).checkHeader(cosmosLikeBlock());
        assertEquals(ProofVerdict.Status.FAILED, verdict.status());
        assertTrue(verdict.reason().startsWith("header hash mismatch: block 14151203, endpoint says 0xc0c0"));
        assertTrue(verdict.reason().endsWith("if this is a cosmos-evm chain, its network profile should say "
                + "headerFormat cosmos-evm)"), verdict.reason());
    }
}
