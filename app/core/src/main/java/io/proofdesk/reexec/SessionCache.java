package io.proofdesk.reexec;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ONNX Runtime sessions kept per model SHA-256, least recently used evicted beyond {@code capacity}. Callers
 * {@link #acquire} a {@link Lease} and close it when done; a session evicted while leased is closed when its last
 * lease is. Every model passes {@link OnnxModelFile#parse} before ORT sees it, and the output shapes ONNX Runtime's
 * own shape inference gives are held to the same per-tensor limit before the session is used. Runs are watched by
 * one {@link RunGuard} for the cache's {@link ModelLimits}.
 */
public final class SessionCache implements AutoCloseable {

    private final OrtEnvironment env;
    private final SessionSettings settings;
    private final ModelLimits limits;
    private final int capacity;
    private final RunGuard guard;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long hits;
    private long misses;
    private boolean closed;

    public SessionCache(OrtEnvironment env, SessionSettings settings, ModelLimits limits, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.env = env;
        this.settings = settings;
        this.limits = limits;
        this.capacity = capacity;
        this.guard = new RunGuard(limits);
    }

    /** Deterministic settings, default limits, 8 sessions. */
    public static SessionCache withDefaults() {
        return withLimits(ModelLimits.DEFAULT);
    }

    /** Deterministic settings, these limits, 8 sessions. */
    public static SessionCache withLimits(ModelLimits limits) {
        return new SessionCache(OrtRuntime.environment(), SessionSettings.DETERMINISTIC, limits, 8);
    }

    public ModelLimits limits() {
        return limits;
    }

    RunGuard guard() {
        return guard;
    }

    public OrtEnvironment environment() {
        return env;
    }

    /** Number of sessions served from the cache and created, since this cache was made. */
    public synchronized Stats stats() {
        return new Stats(hits, misses, entries.size());
    }

    public record Stats(long hits, long misses, int size) {
    }

    public Lease acquire(byte[] modelBytes) {
        return acquire(OnnxModelFile.sha256Hex(modelBytes), modelBytes);
    }

    /**
     * As {@link #acquire(byte[])} for a caller that already hashed these exact bytes (a verifier hashes each model
     * file once per run), so a cache hit costs no pass over the file.
     */
    public Lease acquire(String sha, byte[] modelBytes) {
        synchronized (this) {
            ensureOpen();
            Entry e = entries.get(sha);
            if (e != null) {
                hits++;
                e.leases++;
                return new Lease(e, true);
            }
        }
        // parse and create outside the lock: a large model takes a while and other models need not wait
        OnnxModelFile.Checked checked = OnnxModelFile.check(modelBytes, limits);
        Entry fresh = create(checked, modelBytes);
        synchronized (this) {
            if (closed) {
                fresh.close();
                ensureOpen();
            }
            Entry e = entries.get(sha);
            if (e != null) {  // another thread made it meanwhile
                fresh.close();
                hits++;
                e.leases++;
                return new Lease(e, true);
            }
            misses++;
            fresh.leases = 1;
            entries.put(sha, fresh);
            evictBeyondCapacity();
            return new Lease(fresh, false);
        }
    }

    private Entry create(OnnxModelFile.Checked checked, byte[] modelBytes) {
        OnnxModelFile model = checked.file();
        Entry entry;
        try {
            OrtSession.SessionOptions options = settings.toOptions();
            try {
                entry = new Entry(model, checked.sizes(), env.createSession(modelBytes, options), options);
            } catch (OrtException | RuntimeException e) {
                options.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new ModelFileInvalidException(model.sha256(), "ONNX Runtime refused the model: "
                    + firstLine(e.getMessage()), e);
        }
        try {
            checkInferredOutputs(entry);
            return entry;
        } catch (RuntimeException e) {
            entry.close();
            throw e;
        }
    }

    /**
     * ONNX Runtime runs ONNX's shape inference when it loads a model; for the graph's outputs its session metadata
     * says what it found (-1 for a dimension it leaves open), which covers operators {@link TensorSizeCheck} does not.
     */
    private void checkInferredOutputs(Entry entry) {
        Map<String, ai.onnxruntime.NodeInfo> outputs;
        try {
            outputs = entry.session.getOutputInfo();
        } catch (OrtException e) {
            throw new ModelFileInvalidException(entry.model.sha256(), "ONNX Runtime cannot describe its outputs: "
                    + firstLine(e.getMessage()), e);
        }
        for (ai.onnxruntime.NodeInfo info : outputs.values()) {
            if (info.getInfo() instanceof ai.onnxruntime.TensorInfo t) {
                KnownValue v = KnownValue.shape(onnxCode(t.onnxType), t.getShape());
                TensorSizeCheck.refuseIfTooLarge(entry.model.sha256(), limits.maxTensorBytes(), v,
                        "ONNX Runtime's shape inference gives output '" + info.getName() + "'");
            }
        }
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            Entry eldest = it.next().getValue();
            it.remove();
            eldest.evicted = true;
            if (eldest.leases == 0) {
                eldest.close();
            }
        }
    }

    private synchronized void release(Entry e) {
        e.leases--;
        if (e.evicted && e.leases == 0) {
            e.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("session cache is closed");
        }
    }

    /** ONNX's element type code of ORT's Java enum (whose own numbers differ); 0 if Proofdesk has no such type. */
    private static int onnxCode(ai.onnxruntime.TensorInfo.OnnxTensorType type) {
        try {
            return io.proofdesk.domain.DType.valueOf(type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "")).onnxCode();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** Drops a session whose run was stopped: its memory arena may hold what the run took. */
    private synchronized void discard(Entry e) {
        if (entries.get(e.model.sha256()) == e) {
            entries.remove(e.model.sha256());
            e.evicted = true;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        guard.close();
        for (Entry e : entries.values()) {
            e.evicted = true;
            if (e.leases == 0) {
                e.close();
            }
        }
        entries.clear();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final class Entry {
        final OnnxModelFile model;
        final TensorSizeCheck sizes;
        final OrtSession session;
        final OrtSession.SessionOptions options;
        int leases;
        boolean evicted;

        Entry(OnnxModelFile model, TensorSizeCheck sizes, OrtSession session, OrtSession.SessionOptions options) {
            this.model = model;
            this.sizes = sizes;
            this.session = session;
            this.options = options;
        }

        void close() {
            try {
                session.close();
            } catch (OrtException e) {
                // nothing useful to do: the native session is gone either way
            } finally {
                options.close();
            }
        }
    }

    /** A session on loan; close it when the run is over. Sessions may be used by several threads at once. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private final boolean cacheHit;
        private boolean released;

        private Lease(Entry entry, boolean cacheHit) {
            this.entry = entry;
            this.cacheHit = cacheHit;
        }

        public OrtSession session() {
            return entry.session;
        }

        public OnnxModelFile model() {
            return entry.model;
        }

        TensorSizeCheck sizes() {
            return entry.sizes;
        }

        /** Takes the session out of the cache; it is closed when its last lease is. */
        void discard() {
            SessionCache.this.discard(entry);
        }

        public boolean cacheHit() {
            return cacheHit;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(entry);
            }
        }
    }
}
