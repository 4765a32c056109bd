package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.node.ModelInputsCodec;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import io.proofdesk.node.wire.ModelInputsJson;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Makes the planned history real: every record is an actual {@code /infer} call to a demo node (ONNX Runtime runs,
 * the node signs), then settled or recorded on chain in batched transactions. Works through the plan in windows so
 * memory stays flat for 100,000 records, and overlaps the two stages: while one thread settles window k, the
 * producing threads call the nodes for window k+1 (at most one window waits, so at most two are in memory).
 * Returns the ground truth with the ids the chain gave each record.
 */
public final class Seeder {

    private final ModelZoo zoo;
    private final Function<PlannedRecord, String> cidOf;
    private final List<DemoNode> nodes;
    private final SettlementPreparer preparer;
    private final WindowSettler settler;
    private final int threads;
    private final SeedWindows windows;
    private final InferenceCaller caller = new InferenceCaller();
    private final ModelInputsCodec inputs = new ModelInputsCodec();
    private final ObjectMapper json = new ObjectMapper();

    Seeder(ModelZoo zoo, Function<PlannedRecord, String> cidOf, List<DemoNode> nodes, SettlementPreparer preparer,
           WindowSettler settler, int threads, SeedWindows windows) {
        this.zoo = zoo;
        this.cidOf = cidOf;
        this.nodes = List.copyOf(nodes);
        this.preparer = preparer;
        this.settler = settler;
        this.threads = threads;
        this.windows = windows;
    }

    GroundTruth seed(List<PlannedRecord> plan, SeedProgress progress) throws Exception {
        return seed(plan, List.of(), progress);
    }

    /** As {@link #seed(List, SeedProgress)}, then settles {@code extra} records already produced (the LLM ones). */
    GroundTruth seed(List<PlannedRecord> plan, List<ProducedRecord> extra, SeedProgress progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("devnet-seed-", 0).daemon().factory());
        // one settling thread: the settlement account's nonces and the chain order come from its single sequence
        ExecutorService settling = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("devnet-settle").daemon().factory());
        try {
            Future<?> previous = CompletableFuture.completedFuture(null);
            for (int start = 0; start < plan.size(); start += windows.size()) {
                int end = Math.min(plan.size(), start + windows.size());
                List<ProducedRecord> produced = produce(pool, plan.subList(start, end));
                get(previous);
                previous = settling.submit(() -> {
                    settler.settle(produced);
                    progress.update("seeding inferences", end, plan.size());
                    return null;
                });
                if (!windows.overlap()) {
                    get(previous);
                }
            }
            get(previous);
            if (!extra.isEmpty()) {
                settler.settle(extra);
            }
            return settler.finish();
        } finally {
            pool.shutdownNow();
            settling.shutdownNow();
        }
    }

    private List<ProducedRecord> produce(ExecutorService pool, List<PlannedRecord> records) throws Exception {
        List<Future<ProducedRecord>> futures = new ArrayList<>(records.size());
        for (PlannedRecord p : records) {
            futures.add(pool.submit(() -> produce(p)));
        }
        List<ProducedRecord> out = new ArrayList<>(records.size());
        for (Future<ProducedRecord> f : futures) {
            out.add(get(f));
        }
        return out;
    }

    private ProducedRecord produce(PlannedRecord p) throws Exception {
        ZooModel model = zoo.get(p.model(), p.version().equals(DevnetModels.TAMPERED_VERSION)
                ? DevnetModels.TAMPERED_BASE_VERSION : p.version());
        ModelInputsJson modelInputs = inputs.encode(zoo.sampleInput(model, p.inputSeed()).values());
        String cid = cidOf.apply(p);
        InferRequestJson request = new InferRequestJson(cid, json.writeValueAsString(modelInputs));
        InferResponseJson response = caller.infer(nodes.get(p.nodeIndex()).url(), request);
        return new ProducedRecord(p, preparer.prepare(p, cid, request, modelInputs, response));
    }

    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
