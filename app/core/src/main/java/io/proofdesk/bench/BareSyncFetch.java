package io.proofdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.chain.AdaptiveChunker;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.chain.contracts.ITEERegistry;
import io.proofdesk.chain.sync.InferenceResultLogs;
import io.proofdesk.chain.sync.RangeRefusedException;
import io.proofdesk.chain.sync.RpcEndpoint;
import io.proofdesk.chain.sync.SyncBlobReader;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.chain.sync.SyncTopics;
import io.proofdesk.node.HubClient;
import io.proofdesk.node.HubModel;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Okio;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The sync benchmark's same-data baseline: moves every byte a sync moves and does nothing with it. First what a sync
 * asks before its first chunk: the chain probes ({@code eth_chainId}, the genesis header, {@code eth_blockNumber}) and
 * the hub's model listing (the models, then each version's files). Then per chunk of blocks (the sync's
 * {@link AdaptiveChunker} settings), over plain okhttp: for every chunk after the first, the header of the chunk
 * before's last block (the sync's check that it is still on the chain); the same {@code eth_getLogs} query; one
 * JSON-RPC batch of {@code eth_getBlockByNumber} for the chunk's last block and every block with a log; one
 * {@code eth_call} of the registry's {@code getTEE} at the chunk's last block for each TEE a registry event of the
 * chunk names, one after the other as the sync reads them; the distinct blobs of the chunk's settlements as
 * {@code GET <blobStore>/v1/blobs/<id>} on a pool of the sync's blob concurrency, started before and awaited after the
 * calldata; and the inference transactions in JSON-RPC batches of the sync's size
 * ({@link RpcEndpoint#TRANSACTIONS_PER_BATCH}). Every answer is read to its end and only its bytes are counted: no
 * JSON decoding, no ABI, no tensors, no store.
 *
 * <p>Which transactions, blobs and TEEs a chunk needs can only be known by decoding its logs, which this baseline
 * must not pay for; so a {@link Plan} is made once, untimed, by decoding every log with the generated wrappers (and
 * reading the hub's listing). Left out: the TEEs a PCR revocation disables (the sync finds them in its store) and the
 * registry reads of TEEs a record names that no registry event of the sync named (the demo network has neither).
 */
final class BareSyncFetch implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final String INDIVIDUAL = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
    private static final String BATCH = EventEncoder.encode(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);

    /**
     * What one log makes the sync fetch: the transaction of an inference result, the blob of a settlement, or the
     * registry's record of the TEE a registry event names.
     */
    record PlannedLog(long block, String txHash, String blobId, String teeId) {
    }

    /** Every log of blocks 0..head (ascending block order) with what it makes the sync fetch; the hub's listing. */
    record Plan(long head, List<PlannedLog> logs, List<HttpUrl> hubListing) {
        long transactions() {
            return logs.stream().map(PlannedLog::txHash).filter(h -> h != null).distinct().count();
        }

        long blobs() {
            return logs.stream().map(PlannedLog::blobId).filter(b -> b != null).distinct().count();
        }
    }

    /** One timed fetch: logs seen, transactions and blobs fetched, bytes read. */
    record Totals(long logs, long transactions, long blobs, long bytes) {
    }

    /** No call timeout (each would be one more entry in okio's shared watchdog queue), only a read timeout. */
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final BareLogFetch logFetch = new BareLogFetch();
    private final ExecutorService blobPool;

    BareSyncFetch(int blobConcurrency) {
        blobPool = Executors.newFixedThreadPool(blobConcurrency, r -> {
            Thread t = new Thread(r, "bench-bare-blob");
            t.setDaemon(true);
            return t;
        });
    }

    /** Untimed: reads and decodes every log once to learn which transactions and blobs the sync will fetch. */
    static Plan plan(SyncConfig config, long head) {
        var contracts = config.contracts();
        List<String> addresses = contracts.all();
        List<String> topics = SyncTopics.of(contracts);
        SyncLimits l = config.limits();
        AdaptiveChunker chunker = new AdaptiveChunker(l.initialSpan(), l.minSpan(), l.maxSpan(), l.targetLogs());
        List<PlannedLog> out = new ArrayList<>();
        try (RpcEndpoint rpc = RpcEndpoint.open(config.rpcUrls().getFirst(), l)) {
            long next = 0;
            while (next <= head) {
                BlockRange r = chunker.next(next, head);
                List<Log> logs;
                try {
                    logs = new ArrayList<>(rpc.logs(r, addresses, topics));
                } catch (RangeRefusedException refused) {
                    if (!chunker.refused()) {
                        throw refused.asFailure();
                    }
                    continue;
                }
                logs.sort((a, b) -> a.getBlockNumber().equals(b.getBlockNumber())
                        ? a.getLogIndex().compareTo(b.getLogIndex()) : a.getBlockNumber().compareTo(b.getBlockNumber()));
                for (Log log : logs) {
                    out.add(planned(contracts, log));
                }
                chunker.succeeded(r, logs.size());
                next = r.to() + 1;
            }
        }
        return new Plan(head, List.copyOf(out), hubListing(config));
    }

    /** The hub listing a sync reads: the models, then each model version's files. */
    private static List<HttpUrl> hubListing(SyncConfig config) {
        if (config.hubUrl() == null) {
            return List.of();
        }
        SyncLimits l = config.limits();
        HttpUrl hub = HttpUrl.parse(config.hubUrl());
        List<HttpUrl> urls = new ArrayList<>();
        urls.add(hub.newBuilder().addPathSegments("api/v0/models").addPathSegment("").build());
        HubClient client = HubClient.open(config.hubUrl(), null, l.maxHubBytes(), l.maxModelBytes(), l.rpcTimeout(),
                l.modelTimeout());
        for (HubModel m : client.models()) {
            for (String v : m.versions()) {
                urls.add(hub.newBuilder().addPathSegments("api/v0/models").addPathSegment(m.name())
                        .addPathSegment("versions").addPathSegment(v).addPathSegment("files").build());
            }
        }
        return List.copyOf(urls);
    }

    private static PlannedLog planned(io.proofdesk.chain.sync.ContractAddresses contracts, Log log) {
        long block = log.getBlockNumber().longValueExact();
        String address = log.getAddress().toLowerCase(Locale.ROOT);
        String topic = log.getTopics().isEmpty() ? "" : log.getTopics().getFirst().toLowerCase(Locale.ROOT);
        if (contracts.isInference(address) && InferenceResultLogs.isKnown(topic)) {
            return new PlannedLog(block, log.getTransactionHash().toLowerCase(Locale.ROOT), null, null);
        }
        if (address.equals(contracts.relay()) && topic.equals(INDIVIDUAL)) {
            return new PlannedLog(block, null, blobId(
                    IInferenceSettlementRelay.getIndividualSettlementEventFromLog(log).walrusBlobId), null);
        }
        if (address.equals(contracts.relay()) && topic.equals(BATCH)) {
            return new PlannedLog(block, null, blobId(
                    IInferenceSettlementRelay.getBatchSettlementEventFromLog(log).walrusBlobId), null);
        }
        if (address.equals(contracts.registry())) {
            return new PlannedLog(block, null, null, teeOf(topic, log));
        }
        return new PlannedLog(block, null, null, null);
    }

    /** The TEE a registry event makes the sync read ({@code getTEE}), or null. */
    private static String teeOf(String topic, Log log) {
        byte[] id = null;
        if (topic.equals(EventEncoder.encode(ITEERegistry.TEEREGISTERED_EVENT))) {
            id = ITEERegistry.getTEERegisteredEventFromLog(log).teeId;
        } else if (topic.equals(EventEncoder.encode(ITEERegistry.TEEENABLED_EVENT))) {
            id = ITEERegistry.getTEEEnabledEventFromLog(log).teeId;
        } else if (topic.equals(EventEncoder.encode(ITEERegistry.TEEDISABLED_EVENT))) {
            id = ITEERegistry.getTEEDisabledEventFromLog(log).teeId;
        } else if (topic.equals(EventEncoder.encode(ITEERegistry.HEARTBEATRECEIVED_EVENT))) {
            id = ITEERegistry.getHeartbeatReceivedEventFromLog(log).teeId;
        }
        return id == null ? null : Numeric.toHexString(id);
    }

    private static String blobId(byte[] walrusBlobId) {
        String id = new String(walrusBlobId, StandardCharsets.UTF_8);
        return SyncBlobReader.isBlobId(id) ? id : null; // the sync does not fetch an id that is not one
    }

    /** Timed: fetches, chunk by chunk, every byte a sync of blocks 0..head fetches. */
    Totals fetchAll(SyncConfig config, Plan plan) throws IOException {
        String rpcUrl = config.rpcUrls().getFirst();
        List<String> addresses = config.contracts().all();
        List<String> topics = SyncTopics.of(config.contracts());
        SyncLimits l = config.limits();
        AdaptiveChunker chunker = new AdaptiveChunker(l.initialSpan(), l.minSpan(), l.maxSpan(), l.targetLogs());
        HttpUrl blobBase = config.blobStoreUrl() == null ? null : HttpUrl.parse(config.blobStoreUrl());
        long logs = 0;
        long txs = 0;
        long blobs = 0;
        long bytes = 0;
        // before the first chunk: the chain probes and the hub's listing
        bytes += rpc(rpcUrl, "eth_chainId", List.of());
        bytes += rpc(rpcUrl, "eth_getBlockByNumber", List.of("0x0", false));
        bytes += rpc(rpcUrl, "eth_blockNumber", List.of());
        for (HttpUrl url : plan.hubListing()) {
            bytes += get(url);
        }
        int at = 0; // first planned log of the next chunk
        long next = 0;
        while (next <= plan.head()) {
            if (next > 0) {
                // the sync checks that the chunk before's last block is still on the chain
                bytes += rpc(rpcUrl, "eth_getBlockByNumber", List.of("0x" + Long.toHexString(next - 1), false));
            }
            BlockRange asked = chunker.next(next, plan.head());
            BareLogFetch.Answer answer = logFetch.fetchRange(client, rpcUrl, addresses, topics, asked);
            bytes += answer.bytes();
            // the sync narrows a crowded range to about the target number of logs; so does the baseline
            List<Long> blocksOfLogs = new ArrayList<>();
            for (int i = at; i < plan.logs().size() && plan.logs().get(i).block() <= asked.to(); i++) {
                blocksOfLogs.add(plan.logs().get(i).block());
            }
            BlockRange range = chunker.fit(asked, blocksOfLogs);
            Set<Long> headerBlocks = new TreeSet<>();
            headerBlocks.add(range.to());
            Set<String> chunkTxs = new LinkedHashSet<>();
            Set<String> chunkBlobs = new LinkedHashSet<>();
            Set<String> chunkTees = new LinkedHashSet<>();
            int n = 0;
            for (; at < plan.logs().size() && plan.logs().get(at).block() <= range.to(); at++) {
                PlannedLog p = plan.logs().get(at);
                n++;
                headerBlocks.add(p.block());
                if (p.txHash() != null) {
                    chunkTxs.add(p.txHash());
                }
                if (p.blobId() != null) {
                    chunkBlobs.add(p.blobId());
                }
                if (p.teeId() != null) {
                    chunkTees.add(p.teeId());
                }
            }
            logs += n;
            // what a proving sync reads: every header of the range (linking and bloom), the blocks with logs whole
            // (their transactions: the calldata) and their receipts
            Set<Long> withLogs = new TreeSet<>(headerBlocks);
            if (n == 0 || plan.logs().get(at - 1).block() != range.to()) {
                withLogs.remove(range.to());
            }
            List<Long> bare = new ArrayList<>();
            for (long b = range.from() - (range.from() > 0 ? 1 : 0); b <= range.to(); b++) {
                if (!withLogs.contains(b)) {
                    bare.add(b);
                }
            }
            List<Long> full = new ArrayList<>(withLogs);
            for (String tee : chunkTees) {
                bytes += rpc(rpcUrl, "eth_call", List.of(Map.of("to", config.contracts().registry(), "data",
                        FunctionEncoder.encode(new Function(ITEERegistry.FUNC_GETTEE,
                                List.of(new Bytes32(Numeric.hexStringToByteArray(tee))), List.of()))),
                        "0x" + Long.toHexString(range.to())));
            }
            List<Future<Long>> pending = new ArrayList<>();
            if (blobBase != null) {
                for (String id : chunkBlobs) {
                    HttpUrl url = blobBase.newBuilder().addPathSegments("v1/blobs").addPathSegment(id).build();
                    pending.add(blobPool.submit(() -> get(url)));
                }
            }
            bytes += batches(rpcUrl, "eth_getBlockByNumber", bare, 100, b -> List.of("0x" + Long.toHexString(b), false));
            bytes += batches(rpcUrl, "eth_getBlockByNumber", full, 16, b -> List.of("0x" + Long.toHexString(b), true));
            bytes += batches(rpcUrl, "eth_getBlockReceipts", full, 16, b -> List.of("0x" + Long.toHexString(b)));
            for (Future<Long> f : pending) {
                try {
                    bytes += f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new IOException("blob fetch failed", e.getCause());
                }
            }
            txs += chunkTxs.size(); // in their blocks, read whole
            blobs += pending.size();
            chunker.succeeded(range, n);
            next = range.to() + 1;
        }
        return new Totals(logs, txs, blobs, bytes);
    }

    /** One JSON-RPC call; returns the bytes of the answer. */
    private long rpc(String rpcUrl, String method, List<Object> params) throws IOException {
        ObjectNode req = json.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        req.set("params", json.valueToTree(params));
        Request request = new Request.Builder().url(rpcUrl)
                .post(RequestBody.create(json.writeValueAsBytes(req), JSON)).build();
        try (Response resp = client.newCall(request).execute()) {
            if (!resp.isSuccessful()) {
                throw new IOException(method + ": HTTP " + resp.code());
            }
            return drain(resp.body());
        }
    }

    private long batches(String rpcUrl, String method, List<Long> blocks, int per,
                         java.util.function.Function<Long, Object> params) throws IOException {
        long bytes = 0;
        for (int i = 0; i < blocks.size(); i += per) {
            bytes += rpcBatch(rpcUrl, method, blocks.subList(i, Math.min(blocks.size(), i + per)).stream()
                    .map(params).toList());
        }
        return bytes;
    }

    /** One JSON-RPC batch of {@code method} with each of {@code params}; returns the bytes of the answer. */
    private long rpcBatch(String rpcUrl, String method, List<Object> params) throws IOException {
        if (params.isEmpty()) {
            return 0;
        }
        ArrayNode batch = json.createArrayNode();
        int id = 0;
        for (Object p : params) {
            ObjectNode req = batch.addObject().put("jsonrpc", "2.0").put("id", ++id).put("method", method);
            req.set("params", json.valueToTree(p));
        }
        Request request = new Request.Builder().url(rpcUrl)
                .post(RequestBody.create(json.writeValueAsBytes(batch), JSON)).build();
        try (Response resp = client.newCall(request).execute()) {
            if (!resp.isSuccessful()) {
                throw new IOException(method + " batch: HTTP " + resp.code());
            }
            return drain(resp.body());
        }
    }

    private long get(HttpUrl url) {
        try (Response resp = client.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (!resp.isSuccessful()) {
                throw new IOException("GET " + url + ": HTTP " + resp.code());
            }
            return drain(resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a body to its end, moving okio's segments to nowhere (no copy into arrays); returns its bytes. */
    static long drain(okhttp3.ResponseBody body) throws IOException {
        return body.source().readAll(Okio.blackhole());
    }

    static long drain(InputStream in) throws IOException {
        return in.transferTo(OutputStream.nullOutputStream());
    }

    @Override
    public void close() {
        blobPool.shutdownNow();
    }
}
