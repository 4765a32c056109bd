package io.proofdesk.devnet.seed;

import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.domain.RecordId;
import io.proofdesk.node.ModelInputsCodec;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Makes the planned history real: every record is an actual {@code /infer} call to a demo node (ONNX Runtime runs,
 * the node signs), then settled or recorded on chain in batched transactions. Works through the plan in windows so
 * memory stays flat for 100,000 records; returns the ground truth with the ids the chain gave each record.
 */
public final class Seeder {

    private static final int WINDOW = 2000;

    private final ModelZoo zoo;
    private final Function<PlannedRecord, String> cidOf;
    private final List<DemoNode> nodes;
    private final SettlementWriter writer;
    private final int threads;
    private final InferenceCaller caller = new InferenceCaller();
    private final ModelInputsCodec inputs = new ModelInputsCodec();
    private final ObjectMapper json = new ObjectMapper();

    private final List<ProducedRecord> pendingIndividual = new ArrayList<>();
    private final List<ProducedRecord> pendingBatch = new ArrayList<>();
    private final List<ProducedRecord> pendingOnChain = new ArrayList<>();
    private final List<IndexedEntry> entries = new ArrayList<>();

    private record IndexedEntry(int index, GroundTruth.Entry entry) {}

    Seeder(ModelZoo zoo, Function<PlannedRecord, String> cidOf, List<DemoNode> nodes, SettlementWriter writer, int threads) {
        this.zoo = zoo;
        this.cidOf = cidOf;
        this.nodes = List.copyOf(nodes);
        this.writer = writer;
        this.threads = threads;
    }

    GroundTruth seed(List<PlannedRecord> plan, SeedProgress progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("devnet-seed-", 0).daemon().factory());
        try {
            for (int start = 0; start < plan.size(); start += WINDOW) {
                List<PlannedRecord> window = plan.subList(start, Math.min(plan.size(), start + WINDOW));
                List<Future<ProducedRecord>> futures = new ArrayList<>(window.size());
                for (PlannedRecord p : window) {
                    futures.add(pool.submit(() -> produce(p)));
                }
                for (Future<ProducedRecord> f : futures) {
                    queue(get(f));
                }
                flush(false);
                progress.update("seeding inferences", Math.min(plan.size(), start + WINDOW), plan.size());
            }
            flush(true);
        } finally {
            pool.shutdownNow();
        }
        entries.sort(Comparator.comparingInt(IndexedEntry::index));
        return new GroundTruth(entries.stream().map(IndexedEntry::entry).toList());
    }

    private ProducedRecord produce(PlannedRecord p) throws Exception {
        ZooModel model = zoo.get(p.model(), p.version().equals(DevnetModels.TAMPERED_VERSION)
                ? DevnetModels.TAMPERED_BASE_VERSION : p.version());
        String modelInputs = json.writeValueAsString(inputs.encode(zoo.sampleInput(model, p.inputSeed()).values()));
        String cid = cidOf.apply(p);
        InferRequestJson request = new InferRequestJson(cid, modelInputs);
        InferResponseJson response = caller.infer(nodes.get(p.nodeIndex()).url(), request);
        return new ProducedRecord(p, cid, request, response);
    }

    private static ProducedRecord get(Future<ProducedRecord> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private void queue(ProducedRecord r) {
        switch (r.plan().settlement()) {
            case INDIVIDUAL -> pendingIndividual.add(r);
            case BATCH -> pendingBatch.add(r);
            case ONCHAIN -> pendingOnChain.add(r);
        }
    }

    private void flush(boolean last) throws Exception {
        while (pendingIndividual.size() >= SettlementWriter.INDIVIDUAL_PER_TX || (last && !pendingIndividual.isEmpty())) {
            List<ProducedRecord> chunk = take(pendingIndividual, SettlementWriter.INDIVIDUAL_PER_TX);
            record(chunk, writer.settleIndividually(chunk));
        }
        while (!pendingOnChain.isEmpty()) {
            int n = SettlementWriter.onChainChunk(pendingOnChain);
            if (n == pendingOnChain.size() && !last && n < SettlementWriter.ONCHAIN_PER_TX) {
                break; // not a full transaction yet; wait for more
            }
            List<ProducedRecord> chunk = take(pendingOnChain, n);
            record(chunk, writer.recordOnChain(chunk));
        }
        while (pendingBatch.size() >= SettlementWriter.BATCH_SIZE || (last && !pendingBatch.isEmpty())) {
            List<ProducedRecord> chunk = take(pendingBatch, SettlementWriter.BATCH_SIZE);
            if (chunk.stream().allMatch(r -> r.plan().fault() == Fault.MERKLE_MISSING)) {
                // a tree needs a leaf: wait for more batch records (the planner guarantees some will come)
                pendingBatch.addAll(0, chunk);
                if (last) {
                    throw new IllegalStateException("every remaining batch record is left out of its tree");
                }
                break;
            }
            record(chunk, writer.settleBatch(chunk));
        }
    }

    private static List<ProducedRecord> take(List<ProducedRecord> from, int n) {
        List<ProducedRecord> head = new ArrayList<>(from.subList(0, Math.min(n, from.size())));
        from.subList(0, head.size()).clear();
        return head;
    }

    private void record(List<ProducedRecord> chunk, List<RecordId> ids) {
        for (int i = 0; i < chunk.size(); i++) {
            PlannedRecord p = chunk.get(i).plan();
            entries.add(new IndexedEntry(p.index(), new GroundTruth.Entry(ids.get(i).toString(), p.honest(), p.fault())));
        }
    }
}
