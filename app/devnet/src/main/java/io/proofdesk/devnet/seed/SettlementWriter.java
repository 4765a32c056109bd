package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import org.web3j.abi.EventEncoder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts prepared records on chain the way the network does — individual settlements (many per transaction),
 * Merkle batch settlements with their tree dump on the blob store, and inference-contract records. It only sends:
 * the contract wrappers are bound to a transaction manager that does not wait for receipts, and the caller reads
 * each {@link SentTransaction}'s receipt later. The leaf-left-out-of-the-tree fault is committed here.
 */
final class SettlementWriter {

    /** Individual settlements per transaction: ~19k gas each, well under the 16M per-transaction cap. */
    static final int INDIVIDUAL_PER_TX = 400;
    static final int BATCH_SIZE = 64;
    /** Inference-contract records per transaction, at most (~42k gas each for small tensors). */
    static final int ONCHAIN_PER_TX = 100;
    /**
     * Calldata budget of one inference-contract transaction: every fixed-point number costs 64 bytes of calldata
     * (~1,000 gas), so an image model's 784 inputs make one record weigh 50 KB; a transaction stays under ~256 KB.
     */
    static final int ONCHAIN_CALLDATA_BUDGET = 256 * 1024;

    private static final String INDIVIDUAL_TOPIC = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
    private static final String BATCH_TOPIC = EventEncoder.encode(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);
    private static final String RESULT_TOPIC = EventEncoder.encode(IInference.INFERENCERESULT_EVENT);

    private final InferenceSettlementRelay relay;
    private final Inference inference;
    private final BlobStoreService blobs;
    private final ObjectMapper json = new ObjectMapper();

    SettlementWriter(InferenceSettlementRelay relay, Inference inference, BlobStoreService blobs) {
        this.relay = relay;
        this.inference = inference;
        this.blobs = blobs;
    }

    /** Sends one transaction's worth of individual settlements (their blobs are already stored). */
    SentTransaction settleIndividually(List<ProducedRecord> records) throws Exception {
        List<InferenceSettlementRelay.Settlement> settlements = new ArrayList<>(records.size());
        for (ProducedRecord r : records) {
            settlements.add(((PreparedSettlement.Individual) r.prepared()).settlement());
        }
        String tx = relay.settleIndividualMany(settlements).send().getTransactionHash();
        return new SentTransaction(tx, records, relay.getContractAddress(), INDIVIDUAL_TOPIC, false);
    }

    /**
     * Settles one Merkle batch: the tree holds every record's leaf except MERKLE_MISSING ones, while the blob's
     * {@code records} list names them all; ids follow list order ({@code #i} = position in {@code records}).
     */
    SentTransaction settleBatch(List<ProducedRecord> records) throws Exception {
        List<TeeSettlementLeaf> leaves = new ArrayList<>();
        ArrayNode published = json.createArrayNode();
        for (ProducedRecord r : records) {
            PreparedSettlement.BatchEntry entry = (PreparedSettlement.BatchEntry) r.prepared();
            published.add(entry.published());
            if (entry.leaf() != null) {
                leaves.add(entry.leaf());
            }
        }
        if (leaves.isEmpty()) {
            throw new IllegalStateException("a batch needs at least one leaf in its tree");
        }
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(leaves);
        ObjectNode dump = (ObjectNode) json.readTree(tree.dump());
        dump.set("records", published);
        String blobId = blobs.put(json.writeValueAsBytes(dump));
        String tx = relay.batchSettle(tree.root(), BigInteger.valueOf(leaves.size()), blobId.getBytes(StandardCharsets.UTF_8))
                .send().getTransactionHash();
        return new SentTransaction(tx, records, relay.getContractAddress(), BATCH_TOPIC, true);
    }

    /** Records VANILLA/ZKML results on the inference contract, many per transaction. */
    SentTransaction recordOnChain(List<ProducedRecord> records) throws Exception {
        List<Inference.InferenceRecord> batch = new ArrayList<>(records.size());
        for (ProducedRecord r : records) {
            batch.add(((PreparedSettlement.OnChain) r.prepared()).record());
        }
        String tx = inference.runManyWithResults(batch).send().getTransactionHash();
        return new SentTransaction(tx, records, inference.getContractAddress(), RESULT_TOPIC, false);
    }

    /** How many of the pending records (from the front) fit one inference-contract transaction; at least one. */
    static int onChainChunk(List<ProducedRecord> pending) {
        long bytes = 0;
        int n = 0;
        for (ProducedRecord r : pending) {
            long weight = ((PreparedSettlement.OnChain) r.prepared()).calldataWeight();
            if (n > 0 && (bytes + weight > ONCHAIN_CALLDATA_BUDGET || n == ONCHAIN_PER_TX)) {
                break;
            }
            bytes += weight;
            n++;
        }
        return n;
    }
}
