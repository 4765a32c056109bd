package io.proofdesk.chain.sync;

import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.LegacySettlementEvents;
import io.proofdesk.chain.TeeRegistryEvents;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.store.Store;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Turns the logs of one block range into {@link ChunkData}, in two steps so that the sync reads the next chunk while
 * this one decodes: {@link #start} sorts the logs out by contract and event, starts the settled records' blobs (bounded
 * concurrency), reads the headers (timestamps, hashes) and the registry's TEE records ({@link TeeRegistryReader}), and
 * starts building each settled record as its blob arrives ({@link SettledRecordBuilder}) and the InferenceResult
 * records as their transactions' calldata arrives ({@link OnchainRecordReader}), both on the decoding threads;
 * {@link Started#finish} waits for them. A record whose blob, model or input cannot be had is still built, without
 * that part, with a note saying why. A log the wrappers cannot decode means the endpoint lied:
 * {@link RpcAnswerMalformedException}.
 */
final class ChunkReader implements AutoCloseable {

    static final String INDIVIDUAL = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
    static final String BATCH = EventEncoder.encode(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);
    static final String UNKNOWN_MODEL = "unknown";
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L; // 9999-12-31

    private final ContractAddresses contracts;
    private final SyncBlobReader blobReader;
    private final TeeRegistryReader registry;
    private final SettledRecordBuilder settled;
    private final OnchainRecordReader onchain;
    private final PrecompileRecordBuilder precompiles;
    /** The chunk started last: a chunk that reads the registry waits until this one is finished. */
    private volatile Started previous;
    /** Builds records (blob JSON, calldata, tensors) as their data arrives; made on first use, ended by close. */
    private ExecutorService decoding;
    private final Object decodingLock = new Object();

    ChunkReader(ContractAddresses contracts, SyncBlobReader blobReader, ModelCatalog catalog, Store store) {
        this(contracts, blobReader, catalog, store, null);
    }

    /** {@code nodeApi}: where results the precompile's events do not hold are fetched; null when none is known. */
    ChunkReader(ContractAddresses contracts, SyncBlobReader blobReader, ModelCatalog catalog, Store store,
                io.proofdesk.node.NodeApiClient nodeApi) {
        this.precompiles = new PrecompileRecordBuilder(catalog, nodeApi);
        this.contracts = contracts;
        this.blobReader = blobReader;
        this.registry = new TeeRegistryReader(contracts, store);
        this.settled = new SettledRecordBuilder(catalog, registry);
        this.onchain = new OnchainRecordReader(catalog);
    }

    /**
     * The topic0 values the sync asks eth_getLogs for; empty (every event) when an inference contract is watched: its
     * event versions changed over time, and a version Proofdesk does not know must reach the sync to be stored as
     * such, not be filtered out by the node unseen.
     */
    List<String> topics() {
        // no topic filter: an event version of a watched contract that Proofdesk does not know must still reach the
        // sync, to be stored as such (SortedLogs); the housekeeping events this also brings are few
        return List.of();
    }

    /** Forgets cached TEE records (after a reorg they are read again). */
    void forgetTees() {
        registry.forget();
    }

    /** Current registry records (at {@code block}) of these TEEs; unknown ones are left out. */
    List<Tee> readTees(RpcEndpoint rpc, Set<String> ids, long block) {
        return registry.readTees(rpc, ids, block);
    }

    /**
     * A chunk's logs sorted out and its blobs started, before the logs are proved: blobs are the slowest part of a
     * chunk, so they download while the chunk's headers, blocks and receipts are read and proved. Nothing of it is
     * stored unless {@link #start} is given the proved logs; a chunk whose proof fails {@link #cancel}s it.
     */
    final class Prefetch {
        private final List<Log> served;
        private final Map<Log, Object> decoded;
        private final SyncBlobReader.Pending blobs;
        /** The transactions of the served InferenceResult logs, with the inference contract each log came from. */
        private final Map<String, String> calls = new java.util.HashMap<>();
        private volatile Map<String, OnchainRecordReader.EarlyCall> early = Map.of();

        private Prefetch(List<Log> served, Map<Log, Object> decoded, SyncBlobReader.Pending blobs,
                         List<Log> results) {
            this.served = served;
            this.decoded = decoded;
            this.blobs = blobs;
            results.forEach(l -> calls.putIfAbsent(l.getTransactionHash().toLowerCase(Locale.ROOT),
                    l.getAddress().toLowerCase(Locale.ROOT)));
        }

        /**
         * The chunk's blocks as the proofs read them (full transactions): the calldata of the served logs'
         * transactions starts decoding now, while the receipts are read and the blocks proved; only what the proofs
         * then prove is used. Answers the calldata decoded from hex for that, by its text node (identity), which the
         * proofs take instead of decoding the same hex again.
         */
        Map<com.fasterxml.jackson.databind.JsonNode, byte[]> blocksRead(
                Map<Long, com.fasterxml.jackson.databind.JsonNode> blocks) {
            Map<com.fasterxml.jackson.databind.JsonNode, byte[]> decoded = new java.util.IdentityHashMap<>();
            if (!calls.isEmpty()) {
                early = onchain.decodeEarly(blocks, calls, decoding(), decoded);
            }
            return decoded;
        }

        /** Abandons the blob downloads and early decodes (the chunk failed its proof or was dropped). */
        void cancel() {
            if (blobs != null) {
                blobs.cancel();
            }
            early.values().forEach(e -> e.call().cancel(false));
        }
    }

    /**
     * Sorts the served logs out and starts every distinct blob their settlements name; the settlement logs holding
     * the blob ids are decoded on every core (headlong first, {@link StrictSettlementEvents}; the wrapper's web3j
     * decoding, some 100 us a log, for what headlong refuses).
     */
    Prefetch prefetch(RpcEndpoint rpc, List<Log> served) {
        SortedLogs sorted = new SortedLogs(contracts, sortedCopy(served));
        Map<Log, Object> decoded = decodeSettlements(rpc, sorted);
        List<String> blobIds = new ArrayList<>();
        decoded.values().forEach(e -> blobIds.add(blobId(walrusBlobId(e))));
        return new Prefetch(List.copyOf(served), decoded, blobIds.isEmpty() ? null : blobReader.start(blobIds),
                sorted.results);
    }

    /**
     * Reads what a chunk's records need and starts building them: sorts the logs out, starts the blobs, reads the
     * headers (checking each log's block hash) and the registry's TEE records, schedules each settled record's build
     * for when its blob arrives, and fetches the InferenceResult transactions, scheduling their records' builds as
     * each batch arrives. Returns with the builds under way, so that the next chunk's reads overlap this chunk's
     * decoding; {@link Started#finish} waits for them. On a failure nothing of the chunk is left running.
     */
    Started start(RpcEndpoint rpc, BlockRange range, List<Log> unsorted) throws ChainChangedException {
        return start(rpc, range, prefetch(rpc, unsorted), null);
    }

    /**
     * With the {@link #prefetch} of the served logs and, with {@code proved}, the proved logs (the served ones and
     * any recovered from receipts, whose settlements are decoded and blobs started now), calldata from the proved
     * transactions, and each record's evidence from its block.
     */
    Started start(RpcEndpoint rpc, BlockRange range, Prefetch prefetch, ChunkProver.Proved proved)
            throws ChainChangedException {
        List<Log> logs = sortedCopy(proved == null ? prefetch.served : proved.logs());
        SortedLogs sorted = new SortedLogs(contracts, logs);
        SyncBlobReader.Pending pending = prefetch.blobs;
        // logs recovered from proved receipts (or given by another source): their settlements and blobs were not
        // known before the proof
        Map<Log, Object> decoded = new java.util.IdentityHashMap<>(prefetch.decoded);
        Map<Log, Object> more = decodeSettlements(rpc, sorted, decoded);
        decoded.putAll(more);
        List<String> moreIds = new ArrayList<>();
        more.values().forEach(e -> moreIds.add(blobId(walrusBlobId(e))));
        if (!moreIds.isEmpty()) {
            pending = pending == null ? blobReader.start(moreIds) : pending.with(moreIds);
        }
        List<IInferenceSettlementRelay.IndividualSettlementEventResponse> singles = new ArrayList<>();
        List<IInferenceSettlementRelay.BatchSettlementEventResponse> batches = new ArrayList<>();
        for (Log l : sorted.individual) {
            singles.add((IInferenceSettlementRelay.IndividualSettlementEventResponse) decoded.get(l));
        }
        for (Log l : sorted.batch) {
            batches.add((IInferenceSettlementRelay.BatchSettlementEventResponse) decoded.get(l));
        }
        Set<String> named = new java.util.HashSet<>();
        singles.forEach(e -> named.add(blobId(e.walrusBlobId)));
        batches.forEach(e -> named.add(blobId(e.walrusBlobId)));
        Started chunk = new Started(rpc, range, logs.size(), sorted, pending, named, onchain.builds(sorted.results));
        Started before = previous;
        previous = chunk;
        boolean started = false;
        try {
            // headers: the range's end (the checkpoint) and every block with a log (timestamps, hash cross-check)
            Set<Long> blockNumbers = new LinkedHashSet<>();
            blockNumbers.add(range.to());
            logs.forEach(l -> blockNumbers.add(l.getBlockNumber().longValueExact()));
            if (proved != null && proved.headers() != null) {
                chunk.headers = new LinkedHashMap<>(); // read and hash-checked with the proofs
                for (long n : blockNumbers) {
                    chunk.headers.put(n, proved.headers().get(n));
                }
            } else {
                chunk.headers = rpc.headers(blockNumbers);
            }
            for (Log l : logs) {
                BlockRef h = chunk.headers.get(l.getBlockNumber().longValueExact());
                if (!h.hash().equalsIgnoreCase(l.getBlockHash())) {
                    throw new ChainChangedException("block " + h.number() + " changed while its logs were read");
                }
            }
            if (!sorted.registryLogs.isEmpty() && before != null) {
                // the chunk before still builds records with the TEE records as they were; these reads change them
                before.awaitFinished();
            }
            Set<String> teesToRead = new LinkedHashSet<>();
            registry.readEvents(rpc, sorted.registryLogs, chunk.headers, chunk.teeEvents, chunk.ops, teesToRead);
            chunk.tees = registry.readTees(rpc, teesToRead, range.to());
            // from here the TEE records of this chunk are known, so each settled record is built (blob JSON, tensors)
            // on the decoding threads as soon as its blob is here, and the InferenceResult records as soon as their
            // transactions are here
            for (var e : singles) {
                chunk.built.add(chunk.blobOf(e.walrusBlobId).thenApplyAsync(
                        blob -> List.of(settled.individualRecord(rpc, e, blob, range.to())), decoding()));
            }
            for (var e : batches) {
                chunk.built.add(chunk.blobOf(e.walrusBlobId).thenApplyAsync(
                        blob -> settled.batchRecords(rpc, e, blob, range.to()), decoding()));
            }
            for (Log l : sorted.legacy) {
                // the Dec 2025 relay's events carry everything they say: nothing to fetch, built here
                chunk.built.add(CompletableFuture.completedFuture(LegacySettledRecords.of(rpc.url(), l,
                        chunk.headers.get(l.getBlockNumber().longValueExact()).timestamp())));
            }
            for (Log l : sorted.precompile) {
                // the node API (when asked) answers on the decoding threads, beside the records' decoding
                chunk.built.add(CompletableFuture.supplyAsync(
                        () -> List.of(precompiles.build(rpc.url(), l, chunk.headers)), decoding()));
            }
            chunk.onchain.start(rpc, chunk.headers, decoding(), proved == null ? null : proved.transactions(),
                    proved == null ? Map.of() : prefetch.early);
            chunk.proved = proved;
            started = true;
            return chunk;
        } finally {
            if (!started) {
                chunk.abandon();
            }
        }
    }

    private static List<Log> sortedCopy(List<Log> unsorted) {
        List<Log> logs = new ArrayList<>(unsorted);
        logs.sort((a, b) -> a.getBlockNumber().equals(b.getBlockNumber())
                ? a.getLogIndex().compareTo(b.getLogIndex()) : a.getBlockNumber().compareTo(b.getBlockNumber()));
        return logs;
    }

    /** The settlement events of {@code sorted}'s settlement logs not in {@code known}, by log (identity). */
    private Map<Log, Object> decodeSettlements(RpcEndpoint rpc, SortedLogs sorted, Map<Log, Object> known) {
        Map<Log, Object> out = new java.util.IdentityHashMap<>();
        List<Log> singles = sorted.individual.stream().filter(l -> !known.containsKey(l)).toList();
        List<Log> batches = sorted.batch.stream().filter(l -> !known.containsKey(l)).toList();
        List<Object> s = singles.parallelStream().map(l -> (Object) decodeLog(rpc.url(), l, "IndividualSettlement",
                () -> StrictSettlementEvents.individual(l)
                        .orElseGet(() -> IInferenceSettlementRelay.getIndividualSettlementEventFromLog(l)))).toList();
        List<Object> b = batches.parallelStream().map(l -> (Object) decodeLog(rpc.url(), l, "BatchSettlement",
                () -> StrictSettlementEvents.batch(l)
                        .orElseGet(() -> IInferenceSettlementRelay.getBatchSettlementEventFromLog(l)))).toList();
        for (int i = 0; i < singles.size(); i++) {
            out.put(singles.get(i), s.get(i));
        }
        for (int i = 0; i < batches.size(); i++) {
            out.put(batches.get(i), b.get(i));
        }
        return out;
    }

    private Map<Log, Object> decodeSettlements(RpcEndpoint rpc, SortedLogs sorted) {
        return decodeSettlements(rpc, sorted, Map.of());
    }

    private static byte[] walrusBlobId(Object settlement) {
        return settlement instanceof IInferenceSettlementRelay.IndividualSettlementEventResponse e ? e.walrusBlobId
                : ((IInferenceSettlementRelay.BatchSettlementEventResponse) settlement).walrusBlobId;
    }

    /** A chunk whose reads are done and whose records are being built. */
    final class Started {
        private final RpcEndpoint rpc;
        private final BlockRange range;
        private final int logs;
        private final SortedLogs sorted;
        private final SyncBlobReader.Pending blobs;
        /** The blobs the chunk's proved settlements name: only these are stored. */
        private final Set<String> blobIds;
        private final OnchainRecordReader.Builds onchain;
        private final List<CompletableFuture<List<BuiltRecord>>> built = new ArrayList<>();
        private final List<TeeEvent> teeEvents = new ArrayList<>();
        private final List<ChunkData.RegistryOp> ops = new ArrayList<>();
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private Map<Long, BlockRef> headers;
        private List<Tee> tees;
        private ChunkProver.Proved proved;

        private Started(RpcEndpoint rpc, BlockRange range, int logs, SortedLogs sorted, SyncBlobReader.Pending blobs,
                        Set<String> blobIds, OnchainRecordReader.Builds onchain) {
            this.blobIds = blobIds;
            this.rpc = rpc;
            this.range = range;
            this.logs = logs;
            this.sorted = sorted;
            this.blobs = blobs;
            this.onchain = onchain;
        }

        /** The chunk's last block: its checkpoint. */
        BlockRef end() {
            return headers.get(range.to());
        }

        private CompletableFuture<BlobFetch> blobOf(byte[] walrusBlobId) {
            return blobs.fetchOf(blobId(walrusBlobId));
        }

        /** Waits for every record of the chunk and returns what is to be stored; on a failure abandons the rest. */
        ChunkData finish() {
            Map<String, BlobFetch> fetched;
            List<BuiltRecord> records = new ArrayList<>();
            boolean done = false;
            try {
                fetched = blobs == null ? Map.of() : blobs.await();
                for (CompletableFuture<List<BuiltRecord>> f : built) {
                    records.addAll(joined(f, rpc));
                }
                records.addAll(onchain.join(rpc));
                records = PrecompileRecordBuilder.noteAsyncResults(records, sorted.precompile);
                done = true;
            } finally {
                if (!done) {
                    abandon();
                }
            }
            teeEvents.replaceAll(ev -> ev.kind() == TeeEventKind.REGISTERED && registry.pcrHashOf(ev.teeId()) != null
                    ? new TeeEvent(ev.blockNumber(), ev.logIndex(), ev.txHash(), ev.kind(), ev.teeId(),
                            registry.pcrHashOf(ev.teeId()), ev.teeType(), ev.pcrVersion(), ev.timestamp())
                    : ev);
            finished.complete(null);
            Map<String, byte[]> keptBlobs = new LinkedHashMap<>();
            int blobsFailed = 0;
            for (BlobFetch f : fetched.values()) {
                if (!blobIds.contains(f.blobId())) {
                    continue; // started for a served log that the proved logs do not hold
                }
                if (f instanceof BlobFetch.Fetched ok) {
                    keptBlobs.put(ok.blobId(), ok.bytes());
                } else {
                    blobsFailed++;
                }
            }
            List<Inference> inferences = new ArrayList<>(records.size());
            Map<RecordId, String> notes = new LinkedHashMap<>();
            for (BuiltRecord b : records) {
                Inference i = proved == null ? b.inference()
                        : b.inference().withEvidence(proved.of(b.inference().blockNumber()));
                inferences.add(proved == null || b.nodeApiOutput() == null ? i
                        : i.withEvidence(PrecompileRecordBuilder.fromNodeApi(i.evidence(), b.nodeApiOutput())));
                if (!b.problems().isEmpty()) {
                    notes.put(b.inference().id(), String.join("; ", b.problems()));
                }
            }
            return new ChunkData(range, end(), logs, inferences, notes, teeEvents, ops, tees,
                    new ArrayList<>(headers.values()), keptBlobs, blobsFailed, sorted.unknown, sorted.unused);
        }

        /**
         * Stops the chunk's downloads and waits for its builds (those whose blob was cancelled end at once, those
         * under way run out), so that none still touches the TEE cache when the next read starts.
         */
        void abandon() {
            if (blobs != null) {
                blobs.cancel();
            }
            settle(built);
            settle(onchain.started());
            finished.complete(null);
        }

        private void awaitFinished() {
            try {
                finished.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncCancelledException(rpc.url(), "interrupted while the chunk before was decoded", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a chunk's end cannot fail", e);
            }
        }
    }

    /**
     * Waits for the builds of a failed chunk: those whose blob was cancelled end at once, those under way run out.
     * Stops waiting when interrupted (the flag stays set).
     */
    private static void settle(List<? extends CompletableFuture<?>> builds) {
        for (CompletableFuture<?> f : builds) {
            try {
                f.get();
            } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                // the chunk failed already; this is only waiting for it to be over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The decoding threads (one per core), made on first use. */
    private ExecutorService decoding() {
        synchronized (decodingLock) {
            if (decoding != null) {
                return decoding;
            }
            decoding = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "proofdesk-sync-decode");
                t.setDaemon(true);
                return t;
            });
            return decoding;
        }
    }

    /** A record build's result; its failure is rethrown as it was thrown. */
    static <T> T joined(CompletableFuture<T> f, RpcEndpoint rpc) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new SyncCancelledException(rpc.url(), "interrupted while decoding records", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException("decoding a record failed", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        synchronized (decodingLock) {
            if (decoding != null) {
                decoding.shutdownNow();
            }
        }
    }

    /** A log through a generated wrapper; whatever the wrapper cannot decode is the endpoint's malformed answer. */
    static <T> T decodeLog(String endpoint, Log l, String event, java.util.function.Supplier<T> decoder) {
        try {
            T t = decoder.get();
            if (t == null) {
                throw new IllegalStateException("nothing decoded");
            }
            return t;
        } catch (RuntimeException | OutOfMemoryError e) {
            // web3j sizes a dynamic array by the length the data declares before reading any element (new
            // ArrayList<>(length)), so a log of a few bytes declaring 2^31 elements fails that one allocation
            throw new RpcAnswerMalformedException(endpoint, "the log at block " + l.getBlockNumber() + " index "
                    + l.getLogIndex() + " of " + l.getAddress() + " cannot be decoded as " + event + " ("
                    + (e instanceof OutOfMemoryError ? InferenceCalls.TOO_LARGE : shortMessage(e)) + ")", e);
        }
    }

    /** Seconds since the epoch as an instant, or {@code fallback} when they are no date (negative or past 9999). */
    static Instant instant(BigInteger seconds, Instant fallback) {
        if (seconds == null || seconds.signum() < 0 || seconds.compareTo(BigInteger.valueOf(MAX_EPOCH_SECONDS)) > 0) {
            return fallback;
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    static String blobId(byte[] walrusBlobId) {
        return new String(walrusBlobId, StandardCharsets.UTF_8);
    }

    static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }

    static String shortMessage(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
