package io.proofdesk.reexec;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.proofdesk.domain.Tensor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a model file on given inputs with ONNX Runtime on this machine. Inputs are checked against the model's
 * signature first, so a wrong name, type or shape is reported as such rather than as an ORT error; then, if the file
 * leaves sizes open, the tensor sizes these inputs make are held to the per-tensor limit; and the run itself is
 * watched by the cache's {@link RunGuard} (time and memory).
 */
public final class ReexecEngine {

    private final SessionCache sessions;
    private final TensorCodec codec;
    private final ThreadLocal<InputScratch> scratch = ThreadLocal.withInitial(InputScratch::new);

    public ReexecEngine(SessionCache sessions) {
        this.sessions = sessions;
        this.codec = new TensorCodec(sessions.environment());
    }

    /** Outputs in the model's declared order. */
    public List<Tensor> run(byte[] modelBytes, Map<String, Tensor> inputs) {
        return execute(modelBytes, inputs).outputs();
    }

    /** Inputs keyed by their own names. */
    public List<Tensor> run(byte[] modelBytes, List<Tensor> inputs) {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (Tensor t : inputs) {
            if (byName.put(t.name(), t) != null) {
                throw new InputMismatchException(List.of("input '" + t.name() + "' given twice"));
            }
        }
        return run(modelBytes, byName);
    }

    /** The validated description of a model file (signature, opsets, SHA-256), loading it if needed. */
    public OnnxModelFile describe(byte[] modelBytes) {
        return describe(OnnxModelFile.sha256Hex(modelBytes), modelBytes);
    }

    /** As {@link #describe(byte[])} for bytes whose SHA-256 (lower-case hex) the caller already computed. */
    public OnnxModelFile describe(String modelSha256, byte[] modelBytes) {
        try (Loaded loaded = load(modelSha256, modelBytes)) {
            return loaded.model();
        }
    }

    public ReexecResult execute(byte[] modelBytes, Map<String, Tensor> inputs) {
        return execute(OnnxModelFile.sha256Hex(modelBytes), modelBytes, inputs);
    }

    /** As {@link #execute(byte[], Map)} for bytes whose SHA-256 (lower-case hex) the caller already computed. */
    public ReexecResult execute(String modelSha256, byte[] modelBytes, Map<String, Tensor> inputs) {
        try (Loaded loaded = load(modelSha256, modelBytes)) {
            return loaded.execute(inputs);
        }
    }

    /**
     * The model's session on loan, for a caller that reads the signature before it runs the model (the
     * re-execution check builds its inputs and claims from it): one cache look-up for both. Throws
     * {@link ModelFileInvalidException} for a file that fails the gate or that ONNX Runtime refuses. Close it when
     * done; the bytes must hash to {@code modelSha256} (lower-case hex).
     */
    public Loaded load(String modelSha256, byte[] modelBytes) {
        return new Loaded(sessions.acquire(modelSha256, modelBytes));
    }

    /** A loaded model: its description and its session, held until {@link #close}. */
    public final class Loaded implements AutoCloseable {
        private final SessionCache.Lease lease;

        private Loaded(SessionCache.Lease lease) {
            this.lease = lease;
        }

        public OnnxModelFile model() {
            return lease.model();
        }

        public ModelSignature signature() {
            return lease.model().signature();
        }

        /**
         * Runs the model on {@code inputs} after checking them against its signature and the tensor sizes they
         * make. Throws {@link ModelTooLargeException} before the run, {@link RunLimitExceededException} if the
         * guard stopped it.
         */
        public ReexecResult execute(Map<String, Tensor> inputs) {
            OnnxModelFile model = lease.model();
            model.signature().checkInputs(inputs);
            if (lease.sizes().inputsMatter()) {
                lease.sizes().checkRun(model.sha256(), sessions.limits().maxTensorBytes(), inputs);
            }
            InputScratch memory = scratch.get();
            memory.reset();
            Map<String, OnnxTensor> ortInputs = new LinkedHashMap<>();
            RunGuard.Ticket ticket = null;
            try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
                for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                    ortInputs.put(e.getKey(), codec.toOnnx(e.getValue(), memory::take));
                }
                ticket = sessions.guard().start(options);
                long start = System.nanoTime();
                try (RunGuard.Ticket watched = ticket;
                     OrtSession.Result result = lease.session().run(ortInputs, options)) {
                    watched.close();
                    if (watched.stopReason() != null) {
                        lease.discard();  // finished despite the stop: keep the answer, not the grown arena
                    }
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                    List<TensorSpec> specs = model.signature().outputs();
                    Tensor[] outputs = new Tensor[specs.size()];
                    for (int i = 0; i < outputs.length; i++) {
                        String name = specs.get(i).name();
                        Optional<OnnxValue> value = result.get(name);
                        if (value.isEmpty()) {
                            throw new InferenceFailedException(model.sha256(), "no value for output '" + name + "'",
                                    null);
                        }
                        outputs[i] = codec.fromOnnx(name, value.get());
                    }
                    return new ReexecResult(model.sha256(), List.of(outputs), elapsed, lease.cacheHit());
                }
            } catch (OrtException e) {
                String stopped = ticket == null ? null : ticket.stopReason();
                if (stopped != null) {
                    lease.discard();
                    throw new RunLimitExceededException(model.sha256(), stopped, e);
                }
                throw new InferenceFailedException(model.sha256(), e.getMessage(), e);
            } finally {
                ortInputs.values().forEach(OnnxTensor::close);
            }
        }

        @Override
        public void close() {
            lease.close();
        }
    }
}
