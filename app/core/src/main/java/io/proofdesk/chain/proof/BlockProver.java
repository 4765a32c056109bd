package io.proofdesk.chain.proof;

import io.proofdesk.domain.EvidenceLevel;
import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.network.HeaderFormat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Proves blocks the way the network's header format allows (the profile's {@code headerFormat}, never what an
 * endpoint claims): on {@link HeaderFormat#ETHEREUM} chains the header, transactions and receipts are proved; on
 * {@link HeaderFormat#COSMOS_EVM} chains the header is CometBFT's, whose hash is not keccak of an Ethereum header and
 * whose receiptsRoot is always the empty root, so nothing can be proved from it (see docs/CHAIN-EVIDENCE.md).
 */
public final class BlockProver {
    private final HeaderFormat format;

    public BlockProver(HeaderFormat format) {
        this.format = format;
    }

    /** A block's outcome, and the proved block when there is one. */
    public record Outcome(ProofVerdict verdict, Optional<ProvedBlock> block) {
    }

    /** The strongest evidence this chain's records can have: PROVED on Ethereum headers, AGREED at best otherwise. */
    public EvidenceLevel ceiling() {
        return format == HeaderFormat.ETHEREUM ? EvidenceLevel.PROVED : EvidenceLevel.AGREED;
    }

    /**
     * @param block    {@code eth_getBlockByNumber(N, true)}
     * @param receipts the block's receipts in order ({@code eth_getBlockReceipts})
     */
    public Outcome prove(JsonNode block, List<JsonNode> receipts) {
        if (format == HeaderFormat.COSMOS_EVM) {
            return new Outcome(ProofVerdict.notProvable(cosmosReason(block)), Optional.empty());
        }
        try {
            ProvedBlock proved = ProvedBlock.prove(block, receipts);
            return new Outcome(ProofVerdict.proved("block " + proved.header().number() + " (" + proved.header()
                    .hashHex() + "): header hash, " + proved.transactions().size() + " transactions and "
                    + proved.receipts().size() + " receipts proved against its roots"), Optional.of(proved));
        } catch (HeaderHashMismatchException e) {
            return new Outcome(ProofVerdict.failed(e.getMessage() + cosmosHint(block)), Optional.empty());
        } catch (ChainProofException e) {
            return new Outcome(ProofVerdict.failed(e.getMessage()), Optional.empty());
        }
    }

    /** The header alone: its hash on Ethereum chains; on cosmos-evm chains, why it cannot be checked. */
    public ProofVerdict checkHeader(JsonNode block) {
        if (format == HeaderFormat.COSMOS_EVM) {
            return ProofVerdict.notProvable(cosmosReason(block));
        }
        try {
            EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
            return ProofVerdict.proved("block " + header.number() + ": keccak256(RLP(header)) is its hash "
                    + header.hashHex() + " (" + header.layout().name().toLowerCase(java.util.Locale.ROOT) + " layout)");
        } catch (HeaderHashMismatchException e) {
            return ProofVerdict.failed(e.getMessage() + cosmosHint(block));
        } catch (ChainProofException e) {
            return ProofVerdict.failed(e.getMessage());
        }
    }

    private static String cosmosReason(JsonNode block) {
        String where = block != null && block.hasNonNull("number") ? "block " + Long.decode(block.get("number")
                .asText()) + ": " : "";
        StringBuilder why = new StringBuilder(where).append("cosmos-evm chain: the block hash is CometBFT's, not "
                + "keccak256 of an Ethereum header, and the header does not commit to receipts");
        if (emptyReceiptsRootWithTransactions(block)) {
            why.append(" (its receiptsRoot is the empty root although it has ")
                    .append(block.get("transactions").size()).append(" transactions)");
        }
        return why.append("; records can be AGREED by several sources or TRUSTED, not PROVED").toString();
    }

    private static String cosmosHint(JsonNode block) {
        return emptyReceiptsRootWithTransactions(block)
                ? " (its receiptsRoot is the empty root although it has transactions: if this is a cosmos-evm chain, "
                        + "its network profile should say headerFormat cosmos-evm)"
                : "";
    }

    private static boolean emptyReceiptsRootWithTransactions(JsonNode block) {
        if (block == null || !block.hasNonNull("receiptsRoot") || !block.has("transactions")
                || block.get("transactions").isEmpty()) {
            return false;
        }
        try {
            return Arrays.equals(MerklePatriciaTrie.EMPTY_ROOT,
                    RpcFields.parseHex(block.get("receiptsRoot").asText(), "receiptsRoot"));
        } catch (ProofInputException e) {
            return false;
        }
    }
}
