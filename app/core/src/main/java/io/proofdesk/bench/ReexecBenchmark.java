package io.proofdesk.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.proofdesk.domain.DType;
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

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-inference cost of the whole re-execution check (model gate, input checks, run, decode, comparison, verdict
 * line) against a bare ONNX Runtime loop on the same model, input and session, same thread, same run.
 *
 * <p>The baseline ({@code bare_us}, the ratio's denominator) is the least any re-execution of a recorded inference
 * does with ORT: copy the recorded input values into a direct buffer (reused, as the engine reuses its own), wrap it
 * in an {@code OnnxTensor}, {@code session.run}, copy output 0's values into a Java array, close the result and the
 * tensor. {@code run_only_us} is the older, narrower loop kept for comparison: one input tensor built once and
 * reused forever, {@code session.run} and {@code result.get(0)} without reading any value; {@code run_only_ratio}
 * is the check against it.
 *
 * <p>The loops run interleaved in {@link #ROUNDS} rounds, each after its own warm-up (see {@link #warmUp}: until the
 * JIT has compiled it and it runs at its steady speed), and each reported number is the median over the rounds: a
 * helper building on the same two cores then slows all three alike instead of whichever one it happened to overlap.
 * Warming the three up interleaved as well was tried and made the check about three times slower in every round
 * (presumably the JIT compiled the shared ORT calls for the mixed profile), so they are warmed up one after the
 * other.
 */
public final class ReexecBenchmark {

    static final int ROUNDS = 10;
    static final long WARM_UP_NANOS = 1_000_000_000L;
    static final long WARM_UP_LIMIT_NANOS = 30_000_000_000L;
    static final int SETTLED_BLOCKS = 5;
    /** The JIT's compilation time only grows when a compilation ends, and a starved compiler takes a while. */
    static final long JIT_QUIET_NANOS = 500_000_000L;

    private final byte[] model;
    private final Map<String, Tensor> input;
    /** Written by the bare loop so the JIT cannot drop the copy of the output it measures. */
    private long sink;

    public ReexecBenchmark(byte[] model, Map<String, Tensor> input) {
        this.model = model.clone();
        this.input = new LinkedHashMap<>(input);
    }

    public BenchResult run(int iterations) throws OrtException {
        Timing bare = new Timing();
        Timing runOnly = new Timing();
        Timing check = new Timing();
        try (SessionCache sessions = SessionCache.withDefaults()) {
            OrtEnvironment env = sessions.environment();
            ReexecEngine engine = new ReexecEngine(sessions);
            LocalWorkload workload = new LocalWorkload(model, List.of(input), engine);
            Inference record = workload.records().getFirst();
            StoredFacts facts = new StoredFacts(record, Optional.empty(), List.of(), null, Optional.empty(),
                    Optional.empty(), List.of());
            ReexecutionCheck reexecution = new ReexecutionCheck(new ModelFiles(workload), engine, null);
            ReexecutionOutcome first = reexecution.outcome(new RecordEvidence(facts, id -> new byte[0]));
            if (!first.comparison().map(c -> c.matches()).orElse(false)) {
                throw new IllegalStateException("the benchmark's own record does not verify: " + first.line().reason());
            }
            // the bare loops run the very session the check leases, so only the check's own work differs
            BareInputs inputs = new BareInputs(env, input);
            TensorCodec codec = new TensorCodec(env);
            Map<String, OnnxTensor> builtOnce = new LinkedHashMap<>();
            try (SessionCache.Lease lease = sessions.acquire(model)) {
                for (Map.Entry<String, Tensor> e : input.entrySet()) {
                    builtOnce.put(e.getKey(), codec.toOnnx(e.getValue()));
                }
                OrtSession session = lease.session();
                Body bareBody = () -> {
                    try (Feed feed = inputs.feed(); OrtSession.Result r = session.run(feed.tensors())) {
                        sink += ((OnnxTensor) r.get(0)).getByteBuffer().array().length;
                    }
                };
                Body runOnlyBody = () -> {
                    try (OrtSession.Result r = session.run(builtOnce)) {
                        r.get(0);
                    }
                };
                Body checkBody = () -> reexecution.outcome(new RecordEvidence(facts, id -> new byte[0]));
                warmUp(iterations, bareBody);
                warmUp(iterations, runOnlyBody);
                warmUp(iterations, checkBody);
                int perRound = Math.max(1, iterations / ROUNDS);
                for (int round = 0; round < ROUNDS; round++) {
                    bare.add(perRound, bareBody);
                    runOnly.add(perRound, runOnlyBody);
                    check.add(perRound, checkBody);
                }
            } finally {
                builtOnce.values().forEach(OnnxTensor::close);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bare_us", BenchResult.fmt(bare.wallUs()));
        values.put("check_us", BenchResult.fmt(check.wallUs()));
        // CPU time of this thread per call (ORT runs on the calling thread: one intra-op thread): unlike the wall
        // clock of the ratio, it does not count the time other processes of a shared machine held the core
        values.put("bare_cpu_us", BenchResult.fmt(bare.cpuUs()));
        values.put("check_cpu_us", BenchResult.fmt(check.cpuUs()));
        values.put("cpu_ratio", BenchResult.fmt(check.cpuUs() / bare.cpuUs()));
        values.put("run_only_us", BenchResult.fmt(runOnly.wallUs()));
        values.put("run_only_cpu_us", BenchResult.fmt(runOnly.cpuUs()));
        values.put("run_only_ratio", BenchResult.fmt(check.wallUs() / runOnly.wallUs()));
        values.put("run_only_cpu_ratio", BenchResult.fmt(check.cpuUs() / runOnly.cpuUs()));
        values.put("iterations", Integer.toString(iterations));
        values.put("rounds", Integer.toString(ROUNDS));
        values.put("goal", "<=1.3");
        return new BenchResult("reexec", check.wallUs() / bare.wallUs(), values);
    }

    interface Body {
        void run() throws OrtException;
    }

    /**
     * Calls {@code body} until it runs at its steady speed: at least a fifth of the iterations and
     * {@link #WARM_UP_NANOS}, then until {@link #SETTLED_BLOCKS} blocks of calls in a row were no faster (in this
     * thread's CPU time) than the best block so far and the JIT finished no compilation for
     * {@link #JIT_QUIET_NANOS}, or {@link #WARM_UP_LIMIT_NANOS} passed. On a busy machine the JIT's compiler threads get little of the cores, and a fixed number of calls
     * would time the check half-compiled.
     */
    static void warmUp(int iterations, Body body) throws OrtException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        int block = Math.max(500, iterations / 20);
        long start = System.nanoTime();
        long calls = 0;
        double best = Double.MAX_VALUE;
        int settled = 0;
        long compiled = jitTimed ? jit.getTotalCompilationTime() : 0;
        long lastCompile = start;
        while (System.nanoTime() - start < WARM_UP_LIMIT_NANOS) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < block; i++) {
                body.run();
            }
            calls += block;
            double perCall = (double) (threads.getCurrentThreadCpuTime() - cpuStart) / block;
            long compiledNow = jitTimed ? jit.getTotalCompilationTime() : 0;
            if (compiledNow != compiled) {
                compiled = compiledNow;
                lastCompile = System.nanoTime();
            }
            if (perCall < best * 0.99) {
                best = perCall;
                settled = 0;
            } else {
                settled++;
            }
            if (calls >= iterations / 5 && System.nanoTime() - start >= WARM_UP_NANOS && settled >= SETTLED_BLOCKS
                    && System.nanoTime() - lastCompile >= JIT_QUIET_NANOS) {
                return;
            }
        }
    }

    /** Per-call wall and CPU microseconds of a phase's rounds; the medians are reported. */
    static final class Timing {
        private final double[] wall = new double[ROUNDS];
        private final double[] cpu = new double[ROUNDS];
        private int rounds;

        void add(int calls, Body body) throws OrtException {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                body.run();
            }
            wall[rounds] = (System.nanoTime() - start) / 1000.0 / calls;
            cpu[rounds] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / calls;
            rounds++;
        }

        double wallUs() {
            return median(wall, rounds);
        }

        double cpuUs() {
            return median(cpu, rounds);
        }

        private static double median(double[] values, int n) {
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** One call's input tensors; closing closes them. */
    record Feed(Map<String, OnnxTensor> tensors) implements AutoCloseable {
        @Override
        public void close() {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * The bare loop's inputs: the recorded values in native byte order and a direct buffer per input, filled and
     * wrapped again on every call as a re-execution of a record must.
     */
    static final class BareInputs {
        private final OrtEnvironment env;
        private final String[] names;
        private final long[][] shapes;
        private final DType[] types;
        private final byte[][] values;
        private final List<String>[] strings;
        private final ByteBuffer[] direct;

        @SuppressWarnings("unchecked")
        BareInputs(OrtEnvironment env, Map<String, Tensor> input) {
            this.env = env;
            int n = input.size();
            names = new String[n];
            shapes = new long[n][];
            types = new DType[n];
            values = new byte[n][];
            strings = new List[n];
            direct = new ByteBuffer[n];
            int i = 0;
            for (Map.Entry<String, Tensor> e : input.entrySet()) {
                Tensor t = e.getValue();
                names[i] = e.getKey();
                shapes[i] = t.shape();
                types[i] = t.type();
                strings[i] = t.strings();
                ByteBuffer nativeOrder = ByteBuffer.allocate(t.data().length).order(ByteOrder.nativeOrder());
                copyElements(t.buffer(), nativeOrder, t.type());
                values[i] = nativeOrder.array();
                direct[i] = ByteBuffer.allocateDirect(Math.max(1, values[i].length)).order(ByteOrder.nativeOrder());
                i++;
            }
        }

        Feed feed() throws OrtException {
            if (names.length == 1) {
                return new Feed(Map.of(names[0], tensor(0)));
            }
            Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
            try {
                for (int i = 0; i < names.length; i++) {
                    tensors.put(names[i], tensor(i));
                }
            } catch (OrtException | RuntimeException e) {
                tensors.values().forEach(OnnxTensor::close);
                throw e;
            }
            return new Feed(tensors);
        }

        private OnnxTensor tensor(int i) throws OrtException {
            if (types[i] == DType.STRING) {
                return OnnxTensor.createTensor(env, strings[i].toArray(String[]::new), shapes[i]);
            }
            ByteBuffer b = direct[i];
            b.clear();
            b.put(values[i]);
            b.flip();
            return OnnxTensor.createTensor(env, b, shapes[i], TensorCodec.javaType(names[i], types[i]));
        }

        private static void copyElements(ByteBuffer little, ByteBuffer nativeOrder, DType type) {
            switch (type == DType.STRING ? 1 : type.byteSize()) {
                case 2 -> nativeOrder.asShortBuffer().put(little.asShortBuffer());
                case 4 -> nativeOrder.asIntBuffer().put(little.asIntBuffer());
                case 8 -> nativeOrder.asLongBuffer().put(little.asLongBuffer());
                default -> nativeOrder.put(little);
            }
        }
    }
}
