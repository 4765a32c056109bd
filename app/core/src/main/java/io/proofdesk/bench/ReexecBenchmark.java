package io.proofdesk.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorCodec;
import io.proofdesk.verify.ModelFiles;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.StoredFacts;
import io.proofdesk.verify.checks.ReexecutionCheck;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-inference cost of the whole re-execution check (model gate, input checks, run, decode, comparison, verdict
 * line) against a bare {@code OrtSession.run} loop on the same model and input, same thread, same run.
 */
public final class ReexecBenchmark {

    private final byte[] model;
    private final Map<String, Tensor> input;

    public ReexecBenchmark(byte[] model, Map<String, Tensor> input) {
        this.model = model.clone();
        this.input = new LinkedHashMap<>(input);
    }

    public BenchResult run(int iterations) throws OrtException {
        double bareUs;
        double checkUs;
        double[] bareCpuUs = new double[1];
        double[] checkCpuUs = new double[1];
        try (SessionCache sessions = SessionCache.withDefaults()) {
            OrtEnvironment env = sessions.environment();
            // the bare loop runs the very session the check leases, so only the check's own work differs
            try (SessionCache.Lease lease = sessions.acquire(model)) {
                OrtSession session = lease.session();
                TensorCodec codec = new TensorCodec(env);
                Map<String, OnnxTensor> ort = new LinkedHashMap<>();
                for (Map.Entry<String, Tensor> e : input.entrySet()) {
                    ort.put(e.getKey(), codec.toOnnx(e.getValue()));
                }
                try {
                    bareUs = time(iterations, () -> {
                        try (OrtSession.Result r = session.run(ort)) {
                            r.get(0);
                        }
                    }, bareCpuUs);
                } finally {
                    ort.values().forEach(OnnxTensor::close);
                }
            }
            ReexecEngine engine = new ReexecEngine(sessions);
            LocalWorkload workload = new LocalWorkload(model, List.of(input), engine);
            Inference record = workload.records().getFirst();
            StoredFacts facts = new StoredFacts(record, Optional.empty(), List.of(), null, Optional.empty(),
                    Optional.empty(), List.of());
            ReexecutionCheck check = new ReexecutionCheck(new ModelFiles(workload), engine, null);
            ReexecutionOutcome first = check.outcome(new RecordEvidence(facts, id -> new byte[0]));
            if (!first.comparison().map(c -> c.matches()).orElse(false)) {
                throw new IllegalStateException("the benchmark's own record does not verify: " + first.line().reason());
            }
            checkUs = time(iterations, () -> check.outcome(new RecordEvidence(facts, id -> new byte[0])), checkCpuUs);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bare_us", BenchResult.fmt(bareUs));
        values.put("check_us", BenchResult.fmt(checkUs));
        // CPU time of this thread per call (ORT runs on the calling thread: one intra-op thread): unlike the wall
        // clock of the ratio, it does not count the time other processes of a shared machine held the core
        values.put("bare_cpu_us", BenchResult.fmt(bareCpuUs[0]));
        values.put("check_cpu_us", BenchResult.fmt(checkCpuUs[0]));
        values.put("cpu_ratio", BenchResult.fmt(checkCpuUs[0] / bareCpuUs[0]));
        values.put("iterations", Integer.toString(iterations));
        values.put("goal", "<=1.3");
        return new BenchResult("reexec", checkUs / bareUs, values);
    }

    interface Body {
        void run() throws OrtException;
    }

    /**
     * Mean wall-clock microseconds per call after a warm-up of a fifth of the iterations; {@code cpuUs[0]} gets the
     * mean CPU microseconds of this thread per call over the same calls.
     */
    static double time(int iterations, Body body, double[] cpuUs) throws OrtException {
        for (int i = 0; i < Math.max(1, iterations / 5); i++) {
            body.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            body.run();
        }
        double wall = (System.nanoTime() - start) / 1000.0 / iterations;
        cpuUs[0] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / iterations;
        return wall;
    }
}
