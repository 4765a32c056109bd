package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Manual tool (not a test): times building the settled records of a running demo network from its real blobs, the
 * work {@link SettledRecordBuilder} does on the sync's decoding threads, on one thread and without any I/O in the
 * clock. Args: DEVNET_DIR DATA_DIR [rounds] [warm-up rounds] [before]; {@code before} times
 * {@link SettledRecordBuilderBefore} (the databind reading) instead, for a comparison under the same load. DATA_DIR is a store synced from that network (its
 * models and TEEs are what the sync's catalog and registry reader hold). Prints each round's time, ms per 1,000 blobs,
 * and a SHA-256 over every built record (tensor bytes and notes included) that must not change between builds.
 */
public final class SettledBlobsBenchMain {

    private SettledBlobsBenchMain() {
    }

    private record Settlement(IInferenceSettlementRelay.IndividualSettlementEventResponse single,
                              IInferenceSettlementRelay.BatchSettlementEventResponse batch, BlobFetch blob) {
    }

    public static void main(String[] args) throws Exception {
        Path devnetDir = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        boolean old = args.length > 4 && args[4].equals("before");
        JsonNode devnet = new ObjectMapper().readTree(Files.readAllBytes(devnetDir.resolve("devnet.json")));
        String relay = devnet.path("contracts").path("InferenceSettlementRelay").asText();
        List<Settlement> settlements = settlements(devnet.path("rpcUrl").asText(), relay,
                devnet.path("blobStoreUrl").asText());
        long bytes = settlements.stream().mapToLong(s -> s.blob() instanceof BlobFetch.Fetched f ? f.bytes().length
                : 0).sum();
        System.out.printf("%d settlements (%d batches), %.1f MB of blobs%n", settlements.size(),
                settlements.stream().filter(s -> s.batch() != null).count(), bytes / 1e6);
        try (Store store = Store.openReadOnly(new DataDirectory(dataDir.toAbsolutePath())).orElseThrow()) {
            ModelCatalog catalog = new ModelCatalog(null, ModelLimits.DEFAULT);
            store.read(tx -> {
                catalog.load(tx);
                return null;
            });
            TeeRegistryReader tees = new TeeRegistryReader(new ContractAddresses(null, relay, null, null), store);
            Builder builder;
            if (old) {
                SettledRecordBuilderBefore b = new SettledRecordBuilderBefore(catalog, tees);
                builder = new Builder(b::individualRecord, b::batchRecords);
            } else {
                SettledRecordBuilder b = new SettledRecordBuilder(catalog, tees);
                builder = new Builder(b::individualRecord, b::batchRecords);
            }
            List<BuiltRecord> first = buildAll(builder, settlements);
            System.out.printf("%d records, %d with a note, digest %s%n", first.size(),
                    first.stream().filter(r -> !r.problems().isEmpty()).count(), RecordDigest.sha256(first));
            for (int i = 0; i < warmUp; i++) {
                buildAll(builder, settlements);
            }
            // the thread's CPU time as well as the wall clock: on a shared machine the wall clock mostly measures
            // the other processes (GC and JIT threads are in neither)
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] msPer1000 = new double[rounds];
            double[] cpuMsPer1000 = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                List<BuiltRecord> built = buildAll(builder, settlements);
                double ms = (System.nanoTime() - t0) / 1e6;
                double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
                if (built.size() != first.size()) {
                    throw new IllegalStateException("round " + i + " built " + built.size() + " records");
                }
                msPer1000[i] = ms * 1000 / settlements.size();
                cpuMsPer1000[i] = cpuMs * 1000 / settlements.size();
                System.out.printf("round %d: %.1f ms (%.1f ms CPU), %.1f ms per 1,000 blobs (%.1f CPU)%n", i, ms,
                        cpuMs, msPer1000[i], cpuMsPer1000[i]);
            }
            Arrays.sort(msPer1000);
            Arrays.sort(cpuMsPer1000);
            System.out.printf("RESULT settled-blobs best_cpu_ms_per_1000=%.1f median_cpu_ms_per_1000=%.1f "
                    + "best_ms_per_1000=%.1f median_ms_per_1000=%.1f blobs=%d records=%d builder=%s%n",
                    cpuMsPer1000[0], cpuMsPer1000[rounds / 2], msPer1000[0], msPer1000[rounds / 2],
                    settlements.size(), first.size(), old ? "before" : "current");
        }
    }

    private interface Single {
        BuiltRecord build(RpcEndpoint rpc, IInferenceSettlementRelay.IndividualSettlementEventResponse e,
                          BlobFetch blob, long block);
    }

    private interface Batch {
        List<BuiltRecord> build(RpcEndpoint rpc, IInferenceSettlementRelay.BatchSettlementEventResponse e,
                                BlobFetch blob, long block);
    }

    private record Builder(Single single, Batch batch) {
    }

    private static List<BuiltRecord> buildAll(Builder builder, List<Settlement> settlements) {
        List<BuiltRecord> out = new ArrayList<>();
        for (Settlement s : settlements) {
            if (s.single() != null) {
                out.add(builder.single().build(null, s.single(), s.blob(), 0));
            } else {
                out.addAll(builder.batch().build(null, s.batch(), s.blob(), 0));
            }
        }
        return out;
    }

    private static List<Settlement> settlements(String rpcUrl, String relay, String blobStore) throws IOException {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        OkHttpClient http = new OkHttpClient();
        try {
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO),
                    DefaultBlockParameterName.LATEST, relay);
            EthLog answer = web3j.ethGetLogs(filter).send();
            String single = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
            String batch = EventEncoder.encode(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);
            List<Settlement> out = new ArrayList<>();
            for (EthLog.LogResult<?> r : answer.getLogs()) {
                Log l = (Log) r.get();
                String topic = l.getTopics().getFirst();
                if (topic.equals(single)) {
                    var e = IInferenceSettlementRelay.getIndividualSettlementEventFromLog(l);
                    out.add(new Settlement(e, null, blob(http, blobStore, ChunkReader.blobId(e.walrusBlobId))));
                } else if (topic.equals(batch)) {
                    var e = IInferenceSettlementRelay.getBatchSettlementEventFromLog(l);
                    out.add(new Settlement(null, e, blob(http, blobStore, ChunkReader.blobId(e.walrusBlobId))));
                }
            }
            return out;
        } finally {
            web3j.shutdown();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static BlobFetch blob(OkHttpClient http, String base, String id) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(base + "/v1/blobs/" + id).build()).execute()) {
            if (!r.isSuccessful()) {
                return new BlobFetch.Failed(id, "HTTP " + r.code());
            }
            return new BlobFetch.Fetched(id, r.body().bytes());
        }
    }
}
