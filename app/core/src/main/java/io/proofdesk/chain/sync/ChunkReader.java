package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.attest.MerkleTreeFormatException;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.chain.contracts.ITEERegistry;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.UnknownEvent;
import io.proofdesk.node.wire.SettledBlobJson;
import io.proofdesk.store.Store;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Turns the logs of one block range into {@link ChunkData}: decodes each log through the generated wrappers, reads the
 * headers (timestamps, hashes), the inference transactions' calldata, the settled blobs (bounded concurrency) and the
 * registry's TEE records, and builds the inference records. A record whose blob, model or input cannot be had is
 * still built, without that part, with a note saying why. A log the wrappers cannot decode means the endpoint lied:
 * {@link RpcAnswerMalformedException}.
 */
final class ChunkReader implements AutoCloseable {

    static final String TEE_REGISTERED = EventEncoder.encode(ITEERegistry.TEEREGISTERED_EVENT);
    static final String TEE_ENABLED = EventEncoder.encode(ITEERegistry.TEEENABLED_EVENT);
    static final String TEE_DISABLED = EventEncoder.encode(ITEERegistry.TEEDISABLED_EVENT);
    static final String HEARTBEAT = EventEncoder.encode(ITEERegistry.HEARTBEATRECEIVED_EVENT);
    static final String PCR_APPROVED = EventEncoder.encode(ITEERegistry.PCRAPPROVED_EVENT);
    static final String PCR_REVOKED = EventEncoder.encode(ITEERegistry.PCRREVOKED_EVENT);
    static final String INDIVIDUAL = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
    static final String BATCH = EventEncoder.encode(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);

    /** Placeholders made for a batch whose blob is missing; a larger declared size is not trusted. */
    static final int MAX_PLACEHOLDERS = 10_000;
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L; // 9999-12-31
    private static final String UNKNOWN_MODEL = "unknown";

    private final ContractAddresses contracts;
    private final SyncBlobReader blobReader;
    private final ModelCatalog catalog;
    private final Store store;
    private final TensorDecoder tensors = new TensorDecoder();
    private final InferenceCalls calls = new InferenceCalls();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);
    /** teeId -> endpoint URL (null when the registry does not know the TEE); filled lazily, kept across chunks. */
    private final Map<String, Tee> teeCache = new HashMap<>();
    private final Set<String> unknownTees = new java.util.HashSet<>();
    /** Builds settled records (blob JSON, tensors) as their blobs arrive; made on first use, ended by close. */
    private ExecutorService decoding;
    private final Object decodingLock = new Object();

    ChunkReader(ContractAddresses contracts, SyncBlobReader blobReader, ModelCatalog catalog, Store store) {
        this.contracts = contracts;
        this.blobReader = blobReader;
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * The topic0 values the sync asks eth_getLogs for; empty (every event) when an inference contract is watched: its
     * event versions changed over time, and a version Proofdesk does not know must reach the sync to be stored as
     * such, not be filtered out by the node unseen.
     */
    List<String> topics() {
        if (contracts.inference() != null || contracts.inferenceJsons() != null) {
            return List.of();
        }
        List<String> t = new ArrayList<>();
        if (contracts.registry() != null) {
            t.addAll(List.of(TEE_REGISTERED, TEE_ENABLED, TEE_DISABLED, HEARTBEAT, PCR_APPROVED, PCR_REVOKED));
        }
        if (contracts.relay() != null) {
            t.addAll(List.of(INDIVIDUAL, BATCH));
        }
        return t;
    }

    /** Forgets cached TEE records (after a reorg they are read again). */
    void forgetTees() {
        teeCache.clear();
        unknownTees.clear();
    }

    ChunkData read(RpcEndpoint rpc, BlockRange range, List<Log> unsorted) throws ChainChangedException {
        List<Log> logs = new ArrayList<>(unsorted);
        logs.sort((a, b) -> a.getBlockNumber().equals(b.getBlockNumber())
                ? a.getLogIndex().compareTo(b.getLogIndex()) : a.getBlockNumber().compareTo(b.getBlockNumber()));

        List<Log> registry = new ArrayList<>();
        List<Log> individual = new ArrayList<>();
        List<Log> batch = new ArrayList<>();
        List<Log> results = new ArrayList<>();
        List<UnknownEvent> unknown = new ArrayList<>();
        int unused = 0;
        for (Log l : logs) {
            String address = l.getAddress().toLowerCase(Locale.ROOT);
            // an anonymous event (LOG0) has no topic0; it is no event Proofdesk knows
            String topic = l.getTopics().isEmpty() ? "" : l.getTopics().getFirst().toLowerCase(Locale.ROOT);
            if (address.equals(contracts.registry()) && isRegistryTopic(topic)) {
                registry.add(l);
            } else if (address.equals(contracts.relay()) && topic.equals(INDIVIDUAL)) {
                individual.add(l);
            } else if (address.equals(contracts.relay()) && topic.equals(BATCH)) {
                batch.add(l);
            } else if (contracts.isInference(address) && InferenceResultLogs.isKnown(topic)) {
                results.add(l);
            } else if (contracts.isInference(address)) {
                unknown.add(new UnknownEvent(l.getBlockNumber().longValueExact(), l.getLogIndex().longValueExact(),
                        l.getTransactionHash().toLowerCase(Locale.ROOT), address,
                        l.getTopics().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                        l.getData().toLowerCase(Locale.ROOT)));
            } else {
                unused++; // a known event of the registry or relay that the sync does not keep
            }
        }

        // settled records need their blobs, the slowest part of a chunk: start every distinct blob of the chunk
        // first, and do everything else (headers, registry, calldata) while they download
        List<IInferenceSettlementRelay.IndividualSettlementEventResponse> singles = individual.stream()
                .map(l -> decode(rpc, l, "IndividualSettlement",
                        () -> IInferenceSettlementRelay.getIndividualSettlementEventFromLog(l))).toList();
        List<IInferenceSettlementRelay.BatchSettlementEventResponse> batches = new ArrayList<>();
        for (Log l : batch) {
            batches.add(decode(rpc, l, "BatchSettlement",
                    () -> IInferenceSettlementRelay.getBatchSettlementEventFromLog(l)));
        }
        List<String> blobIds = new ArrayList<>();
        singles.forEach(e -> blobIds.add(blobId(e.walrusBlobId)));
        batches.forEach(e -> blobIds.add(blobId(e.walrusBlobId)));
        SyncBlobReader.Pending pending = blobIds.isEmpty() ? null : blobReader.start(blobIds);
        Map<Long, BlockRef> headers;
        List<TeeEvent> teeEvents = new ArrayList<>();
        List<ChunkData.RegistryOp> ops = new ArrayList<>();
        Map<String, BlobFetch> blobs;
        List<Tee> tees;
        List<Inference> onchain = new ArrayList<>();
        Map<RecordId, String> onchainNotes = new LinkedHashMap<>();
        List<Inference> inferences = new ArrayList<>();
        Map<RecordId, String> notes = new LinkedHashMap<>();
        List<CompletableFuture<List<Built>>> built = new ArrayList<>();
        boolean read = false;
        try {
            // headers: the range's end (the checkpoint) and every block with a log (timestamps, hash cross-check)
            Set<Long> blockNumbers = new LinkedHashSet<>();
            blockNumbers.add(range.to());
            logs.forEach(l -> blockNumbers.add(l.getBlockNumber().longValueExact()));
            headers = rpc.headers(blockNumbers);
            for (Log l : logs) {
                BlockRef h = headers.get(l.getBlockNumber().longValueExact());
                if (!h.hash().equalsIgnoreCase(l.getBlockHash())) {
                    throw new ChainChangedException("block " + h.number() + " changed while its logs were read");
                }
            }
            Set<String> teesToRead = new LinkedHashSet<>();
            readRegistry(rpc, registry, headers, teeEvents, ops, teesToRead);
            tees = readTees(rpc, teesToRead, range.to());
            // from here the TEE records of this chunk are known, so each settled record is built (blob JSON, tensors)
            // on the decoding threads as soon as its blob is here, while the calldata below is fetched and decoded
            for (var e : singles) {
                built.add(blobOf(pending, e.walrusBlobId).thenApplyAsync(
                        blob -> List.of(individualRecord(rpc, e, blob, range.to())), decoding()));
            }
            for (var e : batches) {
                built.add(blobOf(pending, e.walrusBlobId).thenApplyAsync(blob -> {
                    List<Inference> leaves = new ArrayList<>();
                    Map<RecordId, String> leafNotes = new LinkedHashMap<>();
                    batchRecords(rpc, e, blob, leaves, leafNotes, range.to());
                    return leaves.stream().map(inf -> new Built(inf, leafNotes.containsKey(inf.id())
                            ? List.of(leafNotes.get(inf.id())) : List.of())).toList();
                }, decoding()));
            }
            onchainRecords(rpc, results, headers, onchain, onchainNotes);
            blobs = pending == null ? Map.of() : pending.await();
            for (CompletableFuture<List<Built>> f : built) {
                joined(f, rpc).forEach(b -> add(b.inference(), b.problems(), inferences, notes));
            }
            read = true;
        } finally {
            if (pending != null) {
                pending.cancel(); // a no-op once awaited; stops the downloads when the chunk failed
            }
            if (!read) {
                settle(built); // no build of a failed chunk may still touch the TEE cache when the next read starts
            }
        }
        teeEvents.replaceAll(ev -> ev.kind() == TeeEventKind.REGISTERED && teeCache.containsKey(ev.teeId())
                ? new TeeEvent(ev.blockNumber(), ev.logIndex(), ev.txHash(), ev.kind(), ev.teeId(),
                        teeCache.get(ev.teeId()).pcrHash(), ev.teeType(), ev.pcrVersion(), ev.timestamp())
                : ev);
        Map<String, byte[]> keptBlobs = new LinkedHashMap<>();
        int blobsFailed = 0;
        for (BlobFetch f : blobs.values()) {
            if (f instanceof BlobFetch.Fetched ok) {
                keptBlobs.put(ok.blobId(), ok.bytes());
            } else {
                blobsFailed++;
            }
        }
        inferences.addAll(onchain);
        notes.putAll(onchainNotes);

        List<BlockRef> blocks = new ArrayList<>(headers.values());
        return new ChunkData(range, headers.get(range.to()), logs.size(), inferences, notes, teeEvents, ops, tees,
                blocks, keptBlobs, blobsFailed, unknown, unused);
    }

    private static CompletableFuture<BlobFetch> blobOf(SyncBlobReader.Pending pending, byte[] walrusBlobId) {
        return pending.fetchOf(blobId(walrusBlobId));
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
    private static <T> T joined(CompletableFuture<T> f, RpcEndpoint rpc) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new SyncCancelledException(rpc.url(), "interrupted while decoding settled records", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException("decoding a settled record failed", e.getCause());
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

    private static boolean isRegistryTopic(String topic) {
        return topic.equals(TEE_REGISTERED) || topic.equals(TEE_ENABLED) || topic.equals(TEE_DISABLED)
                || topic.equals(HEARTBEAT) || topic.equals(PCR_APPROVED) || topic.equals(PCR_REVOKED);
    }

    private void readRegistry(RpcEndpoint rpc, List<Log> logs, Map<Long, BlockRef> headers, List<TeeEvent> events,
                              List<ChunkData.RegistryOp> ops, Set<String> teesToRead) {
        for (Log l : logs) {
            String topic = l.getTopics().getFirst().toLowerCase(Locale.ROOT);
            long block = l.getBlockNumber().longValueExact();
            long index = l.getLogIndex().longValueExact();
            String tx = l.getTransactionHash().toLowerCase(Locale.ROOT);
            Instant time = headers.get(block).timestamp();
            if (topic.equals(TEE_REGISTERED)) {
                var e = decode(rpc, l, "TEERegistered", () -> ITEERegistry.getTEERegisteredEventFromLog(l));
                String id = hex(e.teeId);
                teesToRead.add(id);
                events.add(new TeeEvent(block, index, tx, TeeEventKind.REGISTERED, id, null, e.teeType.intValue(), null,
                        time));
            } else if (topic.equals(TEE_ENABLED)) {
                var e = decode(rpc, l, "TEEEnabled", () -> ITEERegistry.getTEEEnabledEventFromLog(l));
                teesToRead.add(hex(e.teeId));
                events.add(new TeeEvent(block, index, tx, TeeEventKind.ENABLED, hex(e.teeId), null, null, null, time));
            } else if (topic.equals(TEE_DISABLED)) {
                var e = decode(rpc, l, "TEEDisabled", () -> ITEERegistry.getTEEDisabledEventFromLog(l));
                teesToRead.add(hex(e.teeId));
                events.add(new TeeEvent(block, index, tx, TeeEventKind.DISABLED, hex(e.teeId), null, null, null, time));
            } else if (topic.equals(HEARTBEAT)) {
                var e = decode(rpc, l, "HeartbeatReceived", () -> ITEERegistry.getHeartbeatReceivedEventFromLog(l));
                teesToRead.add(hex(e.teeId));
                events.add(new TeeEvent(block, index, tx, TeeEventKind.HEARTBEAT, hex(e.teeId), null, null, null,
                        instant(e.timestamp, time)));
            } else if (topic.equals(PCR_APPROVED)) {
                var e = decode(rpc, l, "PCRApproved", () -> ITEERegistry.getPCRApprovedEventFromLog(l));
                String pcr = hex(e.pcrHash);
                events.add(new TeeEvent(block, index, tx, TeeEventKind.PCR_APPROVED, null, pcr, e.teeType.intValue(),
                        e.version, time));
                ops.add(new ChunkData.RegistryOp.Approve(pcr, e.teeType.intValue(), e.version, block));
            } else if (topic.equals(PCR_REVOKED)) {
                var e = decode(rpc, l, "PCRRevoked", () -> ITEERegistry.getPCRRevokedEventFromLog(l));
                String pcr = hex(e.pcrHash);
                events.add(new TeeEvent(block, index, tx, TeeEventKind.PCR_REVOKED, null, pcr, null, null, time));
                ops.add(new ChunkData.RegistryOp.Revoke(pcr, block));
                // a revocation disables the TEEs running that PCR set, without a TEEDisabled log of their own
                store.read(t -> t.tees().byPcrHash(pcr)).forEach(t -> teesToRead.add(t.teeId()));
                teeCache.values().stream().filter(t -> pcr.equals(t.pcrHash())).forEach(t -> teesToRead.add(t.teeId()));
            }
        }
    }

    /** Current registry records (at {@code block}) of these TEEs; unknown ones are left out. */
    List<Tee> readTees(RpcEndpoint rpc, Set<String> ids, long block) {
        List<Tee> out = new ArrayList<>();
        for (String id : ids) {
            Tee t = readTee(rpc, id, block);
            if (t != null) {
                out.add(t);
                teeCache.put(id, t);
                unknownTees.remove(id);
            }
        }
        return out;
    }

    private Tee readTee(RpcEndpoint rpc, String id, long block) {
        if (contracts.registry() == null) {
            return null;
        }
        ITEERegistry registry = ITEERegistry.load(contracts.registry(), rpc.web3j(),
                new ReadonlyTransactionManager(rpc.web3j(), null), new DefaultGasProvider());
        registry.setDefaultBlockParameter(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
        ITEERegistry.TEEInfo info;
        try {
            info = registry.getTEE(Numeric.hexStringToByteArray(id)).send();
        } catch (ContractCallException e) {
            return null; // the registry does not know this TEE (reverted read)
        } catch (Exception e) {
            throw rpc.translate("getTEE(" + id + ")", e);
        }
        if (info == null || info.registeredAt == null || info.registeredAt.signum() == 0) {
            return null;
        }
        return new Tee(id, info.owner.toLowerCase(Locale.ROOT), info.paymentAddress.toLowerCase(Locale.ROOT),
                info.endpoint, Bytes.of(info.publicKey), Bytes.of(info.tlsCertificate), hex(info.pcrHash),
                info.teeType.intValue(), Boolean.TRUE.equals(info.enabled), instant(info.registeredAt, null),
                instant(info.lastHeartbeatAt, null));
    }

    /** The node URL of a TEE: from this sync's reads, the store, or the registry; null if none knows it. */
    private synchronized String endpointOf(RpcEndpoint rpc, String teeId, long block) {
        if (teeId == null) {
            return null;
        }
        Tee t = teeCache.get(teeId);
        if (t == null && !unknownTees.contains(teeId)) {
            t = store.read(tx -> tx.tees().find(teeId)).orElseGet(() -> readTee(rpc, teeId, block));
            if (t == null) {
                unknownTees.add(teeId);
            } else {
                teeCache.put(teeId, t);
            }
        }
        return t == null ? null : t.endpoint();
    }

    /** A record and why parts of it are missing. */
    private record Built(Inference inference, List<String> problems) {
    }

    private Built individualRecord(RpcEndpoint rpc, IInferenceSettlementRelay.IndividualSettlementEventResponse e,
                                   BlobFetch blob, long block) {
        Log l = e.log;
        RecordId id = RecordId.of(l.getTransactionHash(), l.getLogIndex().longValueExact());
        String teeId = hex(e.teeId);
        List<String> problems = new ArrayList<>();
        Instant time = settledTime(e.timestamp, problems);
        String model = UNKNOWN_MODEL;
        String version = null;
        List<Tensor> in = List.of();
        List<Tensor> outTensors = List.of();
        if (blob instanceof BlobFetch.Fetched ok) {
            try {
                SettledBlobJson parsed = json.readValue(ok.bytes(), SettledBlobJson.class);
                Decoded d = decodeSettled(parsed);
                model = d.model;
                version = d.version;
                in = d.inputs;
                outTensors = d.outputs;
                if (d.problem != null) {
                    problems.add(d.problem);
                }
            } catch (IOException | RuntimeException ex) {
                problems.add("blob " + ok.blobId() + " is not a settled record's JSON (" + shortMessage(ex) + ")");
            }
        } else if (blob instanceof BlobFetch.Failed failed) {
            problems.add(failed.reason());
        }
        Inference inf = new Inference(id, InferenceMode.TEE, model, version, teeId, endpointOf(rpc, teeId, block),
                SettlementKind.INDIVIDUAL, l.getBlockNumber().longValueExact(), time,
                e.ethAddress.toLowerCase(Locale.ROOT), hex(e.inputHash), hex(e.outputHash), Bytes.of(e.signature),
                blobId(e.walrusBlobId), null, List.of(), in, outTensors, null);
        return new Built(inf, problems);
    }

    private void batchRecords(RpcEndpoint rpc, IInferenceSettlementRelay.BatchSettlementEventResponse e, BlobFetch blob,
                              List<Inference> out, Map<RecordId, String> notes, long block) {
        Log l = e.log;
        String tx = l.getTransactionHash();
        long index = l.getLogIndex().longValueExact();
        long blockNumber = l.getBlockNumber().longValueExact();
        String root = hex(e.merkleRoot);
        String blobId = blobId(e.walrusBlobId);
        StandardMerkleTree tree = null;
        JsonNode records = null;
        String failure = null;
        if (blob instanceof BlobFetch.Fetched ok) {
            try {
                tree = StandardMerkleTree.load(ok.bytes());
                JsonNode rootNode = json.readTree(ok.bytes());
                records = rootNode.get("records");
            } catch (MerkleTreeFormatException | IOException ex) {
                failure = "batch blob " + blobId + " is not a Merkle tree dump (" + shortMessage(ex) + ")";
            }
        } else if (blob instanceof BlobFetch.Failed f) {
            failure = f.reason();
        }
        if (failure != null) {
            int n = e.batchSize.bitLength() > 31 ? MAX_PLACEHOLDERS : Math.min(e.batchSize.intValue(), MAX_PLACEHOLDERS);
            for (int i = 0; i < n; i++) {
                Inference inf = new Inference(RecordId.leaf(tx, index, i), InferenceMode.TEE, UNKNOWN_MODEL, null, null,
                        null, SettlementKind.BATCH, blockNumber, Instant.EPOCH, null, null, null, null, blobId, root,
                        List.of(), List.of(), List.of(), null);
                add(inf, List.of(failure), out, notes);
            }
            return;
        }
        if (records != null && records.isArray()) {
            for (int i = 0; i < records.size(); i++) {
                batchLeafFromRecord(rpc, tx, index, i, blockNumber, root, blobId, tree, records.get(i), out, notes, block);
            }
        } else {
            for (int i = 0; i < tree.size(); i++) {
                List<String> problems = new ArrayList<>();
                TeeSettlementLeaf leaf;
                try {
                    leaf = TeeSettlementLeaf.fromAbiValues(tree.value(i));
                } catch (IllegalArgumentException ex) {
                    Inference inf = new Inference(RecordId.leaf(tx, index, i), InferenceMode.TEE, UNKNOWN_MODEL, null,
                            null, null, SettlementKind.BATCH, blockNumber, Instant.EPOCH, null, null, null, null,
                            blobId, root, List.of(), List.of(), List.of(), null);
                    add(inf, List.of("leaf " + i + " of the batch is not a TEE settlement leaf: " + ex.getMessage()),
                            out, notes);
                    continue;
                }
                String teeId = hex(leaf.teeId());
                problems.add("the batch blob holds only hashes (no records), so there are no tensors to re-execute");
                Inference inf = new Inference(RecordId.leaf(tx, index, i), InferenceMode.TEE, UNKNOWN_MODEL, null,
                        teeId, endpointOf(rpc, teeId, block), SettlementKind.BATCH, blockNumber,
                        settledTime(leaf.teeTimestamp(), problems), null, hex(leaf.inputHash()), hex(leaf.outputHash()),
                        Bytes.of(leaf.teeSignature()), blobId, root, proofHex(tree.proof(i)), List.of(), List.of(),
                        null);
                add(inf, problems, out, notes);
            }
        }
    }

    private void batchLeafFromRecord(RpcEndpoint rpc, String tx, long index, int i, long blockNumber, String root,
                                     String blobId, StandardMerkleTree tree, JsonNode node, List<Inference> out,
                                     Map<RecordId, String> notes, long block) {
        RecordId id = RecordId.leaf(tx, index, i);
        List<String> problems = new ArrayList<>();
        SettledBlobJson r;
        try {
            r = json.treeToValue(node, SettledBlobJson.class);
        } catch (IOException | RuntimeException ex) {
            add(new Inference(id, InferenceMode.TEE, UNKNOWN_MODEL, null, null, null, SettlementKind.BATCH, blockNumber,
                    Instant.EPOCH, null, null, null, null, blobId, root, List.of(), List.of(), List.of(), null),
                    List.of("record " + i + " of the batch blob is not a settled record (" + shortMessage(ex) + ")"),
                    out, notes);
            return;
        }
        String teeId = hex32(r.teeId());
        String inputHash = hex32(r.inputHash());
        String outputHash = hex32(r.outputHash());
        byte[] signature = base64(r.teeSignature());
        List<String> proof = List.of();
        if (teeId != null && inputHash != null && outputHash != null && signature != null && r.timestamp() >= 0) {
            TeeSettlementLeaf leaf = new TeeSettlementLeaf(Numeric.hexStringToByteArray(teeId),
                    Numeric.hexStringToByteArray(inputHash), Numeric.hexStringToByteArray(outputHash), signature,
                    BigInteger.valueOf(r.timestamp()));
            OptionalInt at = tree.indexOf(leaf.leafHash());
            if (at.isPresent()) {
                proof = proofHex(tree.proof(at.getAsInt()));
            } else {
                problems.add("this record's leaf is not in the batch's Merkle tree");
            }
        } else {
            problems.add("record " + i + " of the batch lacks a valid TEE id, hashes, signature or timestamp");
        }
        Decoded d = decodeSettled(r);
        if (d.problem != null) {
            problems.add(d.problem);
        }
        Instant time = settledTime(BigInteger.valueOf(Math.max(0, r.timestamp())), problems);
        add(new Inference(id, InferenceMode.TEE, d.model, d.version, teeId, endpointOf(rpc, teeId, block),
                SettlementKind.BATCH, blockNumber, time, lower(r.ethAddress()), inputHash, outputHash,
                signature == null ? null : Bytes.of(signature), blobId, root, proof, d.inputs, d.outputs, null),
                problems, out, notes);
    }

    /** Model, version and tensors of a settled record's JSON; a problem leaves the tensors empty. */
    private record Decoded(String model, String version, List<Tensor> inputs, List<Tensor> outputs, String problem) {
    }

    private Decoded decodeSettled(SettledBlobJson r) {
        JsonNode input = r.input();
        String cid = input == null ? null : input.path("ipfs_hash").asText(null);
        String modelInputs = input == null ? null : input.path("model_inputs").asText(null);
        if (cid == null || cid.isBlank() || modelInputs == null) {
            return new Decoded(UNKNOWN_MODEL, null, List.of(), List.of(),
                    "the blob's input lacks ipfs_hash or model_inputs");
        }
        ModelCatalog.Entry entry = catalog.resolve(cid);
        List<Tensor> outputs;
        try {
            outputs = tensors.blobOutputs(r.output());
        } catch (RecordProblem p) {
            return new Decoded(cid, entry.version(), List.of(), List.of(), p.getMessage());
        }
        if (!entry.hasSignature()) {
            return new Decoded(cid, entry.version(), List.of(), outputs, entry.problem() + "; inputs not decoded");
        }
        try {
            return new Decoded(cid, entry.version(), tensors.blobInputs(modelInputs, entry.inputs()), outputs, null);
        } catch (RecordProblem p) {
            return new Decoded(cid, entry.version(), List.of(), outputs, p.getMessage());
        }
    }

    private void onchainRecords(RpcEndpoint rpc, List<Log> logs, Map<Long, BlockRef> headers, List<Inference> out,
                                Map<RecordId, String> notes) {
        if (logs.isEmpty()) {
            return;
        }
        Set<String> hashes = new LinkedHashSet<>();
        logs.forEach(l -> hashes.add(l.getTransactionHash().toLowerCase(Locale.ROOT)));
        Map<String, Transaction> txs = rpc.transactions(hashes);
        // the k-th InferenceResult log of a contract in a transaction belongs to the k-th record of its calldata
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Object> decodedCalls = new java.util.concurrent.ConcurrentHashMap<>();
        logs.stream().map(l -> l.getTransactionHash().toLowerCase(Locale.ROOT) + "/" + l.getAddress().toLowerCase(Locale.ROOT))
                .distinct().toList().parallelStream().forEach(key -> {
                    String[] parts = key.split("/");
                    decodedCalls.put(key, decodeCall(txs.get(parts[0]), parts[1]));
                });
        List<ChainModelData> outputs = logs.parallelStream().map(l -> {
            InferenceResultLogs.Layout layout = InferenceResultLogs.layout(l.getTopics().getFirst());
            return decode(rpc, l, layout.name(), () -> layout.decoder().apply(l));
        }).toList();
        int position = 0;
        for (Log l : logs) {
            ChainModelData output = outputs.get(position++);
            String txHash = l.getTransactionHash().toLowerCase(Locale.ROOT);
            String address = l.getAddress().toLowerCase(Locale.ROOT);
            String key = txHash + "/" + address;
            int k = seen.merge(key, 1, Integer::sum) - 1;
            RecordId id = RecordId.of(txHash, l.getLogIndex().longValueExact());
            long block = l.getBlockNumber().longValueExact();
            List<String> problems = new ArrayList<>();
            Object call = decodedCalls.get(key);
            InferenceCalls.CallRecord record = null;
            if (call instanceof String reason) {
                problems.add(reason);
            } else {
                @SuppressWarnings("unchecked")
                List<InferenceCalls.CallRecord> records = (List<InferenceCalls.CallRecord>) call;
                if (k < records.size()) {
                    record = records.get(k);
                } else {
                    problems.add("the transaction's calldata has " + records.size() + " records but this is result "
                            + (k + 1));
                }
            }
            InferenceMode mode = InferenceMode.VANILLA;
            String model = UNKNOWN_MODEL;
            String version = null;
            List<Tensor> in = List.of();
            List<Tensor> outTensors = List.of();
            ModelCatalog.Entry entry = null;
            if (record != null) {
                model = record.modelId().isBlank() ? UNKNOWN_MODEL : record.modelId();
                if (record.mode().signum() >= 0 && record.mode().compareTo(BigInteger.TWO) <= 0) {
                    mode = InferenceMode.fromCode(record.mode().intValue());
                } else {
                    problems.add("unknown inference mode " + record.mode() + " (stored as VANILLA)");
                }
                entry = catalog.resolve(model);
                version = entry.version();
                if (entry.hasSignature()) {
                    try {
                        in = tensors.inputs(ChainTensor.toFixedPoint(record.input().numbers()), record.input().strings(),
                                entry.inputs());
                    } catch (RecordProblem p) {
                        problems.add(p.getMessage());
                    }
                } else {
                    problems.add(entry.problem() + "; inputs not decoded");
                }
            } else {
                problems.add("mode unknown (stored as VANILLA)");
            }
            try {
                outTensors = tensors.claimedOutputs(ChainTensor.toFixedPoint(output.numbers()), output.strings(),
                        entry == null ? null : entry.outputs());
            } catch (RecordProblem p) {
                problems.add(p.getMessage());
            }
            add(new Inference(id, mode, model, version, null, null, SettlementKind.ONCHAIN, block,
                    headers.get(block).timestamp(), null, null, null, null, null, null, List.of(), in, outTensors,
                    null), problems, out, notes);
        }
    }

    /** The records of the call, or the reason (String) they cannot be had. */
    private Object decodeCall(Transaction tx, String address) {
        if (tx.getTo() == null || !tx.getTo().equalsIgnoreCase(address)) {
            return "the transaction calls " + tx.getTo() + ", not the inference contract, so its input is not in the "
                    + "calldata";
        }
        try {
            return calls.decode(tx.getInput());
        } catch (RecordProblem p) {
            return p.getMessage();
        }
    }

    private static void add(Inference inf, List<String> problems, List<Inference> out, Map<RecordId, String> notes) {
        out.add(inf);
        if (!problems.isEmpty()) {
            notes.put(inf.id(), String.join("; ", problems));
        }
    }

    private <T> T decode(RpcEndpoint rpc, Log l, String event, java.util.function.Supplier<T> decoder) {
        return decodeLog(rpc.url(), l, event, decoder);
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

    private static Instant settledTime(BigInteger seconds, List<String> problems) {
        Instant t = instant(seconds, null);
        if (t == null) {
            problems.add("settled timestamp " + seconds + " is not a date; stored as 1970-01-01");
            return Instant.EPOCH;
        }
        return t;
    }

    private static Instant instant(BigInteger seconds, Instant fallback) {
        if (seconds == null || seconds.signum() < 0 || seconds.compareTo(BigInteger.valueOf(MAX_EPOCH_SECONDS)) > 0) {
            return fallback;
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    static String blobId(byte[] walrusBlobId) {
        return new String(walrusBlobId, StandardCharsets.UTF_8);
    }

    private static List<String> proofHex(List<byte[]> proof) {
        return proof.stream().map(ChunkReader::hex).toList();
    }

    static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }

    private static String hex32(String text) {
        if (text == null) {
            return null;
        }
        String h = text.trim().toLowerCase(Locale.ROOT);
        return h.matches("0x[0-9a-f]{64}") ? h : null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static byte[] base64(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shortMessage(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
