package io.proofdesk.devnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.chain.ChainDeployer;
import io.proofdesk.devnet.chain.ChainSession;
import io.proofdesk.devnet.chain.DevAccounts;
import io.proofdesk.devnet.chain.DevnetContracts;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceJsons;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.devnet.contracts.TEERegistry;
import io.proofdesk.devnet.hub.HostedModelFile;
import io.proofdesk.devnet.hub.ModelHubService;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.TeeRecordHashes;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.OutputTensorJson;
import io.proofdesk.node.wire.SettledBlobJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A small history on a real anvil for sync tests: the demo contracts, a hub with the model zoo, a blob store, and
 * emitters for registry events, individual and batch settlements and on-chain inference records (both layouts). Each
 * emitter returns the record ids it created, so tests compare what the sync stored with what was emitted.
 */
final class SyncFixture implements AutoCloseable {

    static final BigInteger TEE_TYPE = BigInteger.ONE;
    static final String TEE_ENDPOINT_1 = "https://127.0.0.1:9101";
    static final String TEE_ENDPOINT_2 = "https://127.0.0.1:9102";

    final AnvilProcess anvil;
    final ChainSession session;
    final DevnetContracts contracts;
    final BlobStoreService blobs;
    final ModelHubService hub;
    final ModelZoo zoo = ModelZoo.standard();
    final ZooModel credit;
    final ObjectMapper json = new ObjectMapper();
    String tee1;
    String tee2;
    private int seed;

    SyncFixture(Path dir) throws IOException {
        anvil = AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), dir.resolve("anvil")));
        session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer());
        contracts = new ChainDeployer(session).deployAll();
        blobs = new BlobStoreService(dir.resolve("blobs")).start();
        hub = new ModelHubService();
        for (ZooModel m : zoo.models()) {
            hub.publish(new HostedModelFile(m.name(), m.description(), m.version(), "model.onnx", m.cid().toString(),
                    m.sha256(), m.size(), m.bytes()));
        }
        hub.start();
        credit = zoo.get("credit-mlp", "1.00");
    }

    ContractAddresses addresses() {
        Map<String, String> a = contracts.addresses();
        return new ContractAddresses(a.get("TEERegistry"), a.get("InferenceSettlementRelay"), a.get("Inference"),
                a.get("InferenceJsons"));
    }

    SyncConfig config() {
        return config(anvil.rpcUrl());
    }

    SyncConfig config(String rpcUrl) {
        return new SyncConfig(List.of(rpcUrl), anvil.chainId(), addresses(), hub.baseUrl(), hub.baseUrl(),
                blobs.baseUrl(), 0, false, 50, 256, SyncLimits.DEFAULT.withRpc(4L << 20, Duration.ofSeconds(3))
                .withSpans(4, 1, 64, 50));
    }

    long head() throws IOException {
        return session.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    /** Registers two TEEs on two PCR sets, disables and re-enables the first, heartbeats, revokes the second set. */
    void registry() throws Exception {
        TEERegistry r = contracts.teeRegistry();
        r.addTEEType(TEE_TYPE, "ONNX").send();
        TEERegistry.PCRMeasurements a = pcrs("image-a");
        TEERegistry.PCRMeasurements b = pcrs("image-b");
        r.approvePCR(a, "v1", TEE_TYPE).send();
        r.approvePCR(b, "v2", TEE_TYPE).send();
        byte[] hashA = r.computePCRHash(a).send();
        byte[] hashB = r.computePCRHash(b).send();
        byte[] key1 = rsaDer();
        byte[] key2 = rsaDer();
        r.registerTEE("doc1".getBytes(StandardCharsets.US_ASCII), key1, "tls1".getBytes(StandardCharsets.US_ASCII),
                DevAccounts.other().getAddress(), TEE_ENDPOINT_1, TEE_TYPE, hashA).send();
        r.registerTEE("doc2".getBytes(StandardCharsets.US_ASCII), key2, "tls2".getBytes(StandardCharsets.US_ASCII),
                DevAccounts.other().getAddress(), TEE_ENDPOINT_2, TEE_TYPE, hashB).send();
        tee1 = Numeric.toHexString(Hash.sha3(key1));
        tee2 = Numeric.toHexString(Hash.sha3(key2));
        r.disableTEE(Hash.sha3(key1)).send();
        r.enableTEE(Hash.sha3(key1)).send();
        BigInteger now = session.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp();
        r.heartbeat(Hash.sha3(key1), now, new byte[256]).send();
        r.revokePCR(hashB, TEE_TYPE).send();
    }

    /** What one TEE record settles: its blob JSON and the hashes/signature. */
    record Settled(ObjectNode blob, byte[] inputHash, byte[] outputHash, byte[] signature, long timestamp,
                   Tensor input, double[] output) {
    }

    Settled settledRecord(String teeId) {
        int s = seed++;
        Map<String, Tensor> sample = zoo.sampleInput(credit, 1000 + s);
        Tensor features = sample.get("features");
        FixedPointTensor fp = new FixedPointCodec().encode(features);
        String modelInputs = write(new ModelInputsJson(List.of(new NumberTensorJson("features",
                fp.values().stream().map(v -> new FixedPointValue(v.value(), v.decimals())).toList(),
                java.util.Arrays.stream(fp.shape()).boxed().toList())), List.of()));
        String cid = credit.cid().toString();
        double[] probs = {0.125 + s * 0.001, 0.5, 0.375 - s * 0.001};
        ArrayNode result = json.createArrayNode();
        for (double p : probs) {
            result.add(p);
        }
        List<OutputTensorJson> output = List.of(new OutputTensorJson("probabilities", List.of(1L, 3L), result, "number"));
        byte[] inputHash = TeeRecordHashes.inputHash(new InferRequestJson(cid, modelInputs));
        byte[] outputHash = TeeRecordHashes.outputHash(output);
        byte[] signature = Hash.sha3(("sig" + s).getBytes(StandardCharsets.UTF_8));
        long timestamp = 1_764_000_000L + s;
        JsonNode input = json.valueToTree(new InferRequestJson(cid, modelInputs));
        ObjectNode blob = json.valueToTree(new SettledBlobJson(input, json.valueToTree(output),
                Base64.getEncoder().encodeToString(signature), teeId, timestamp, DevAccounts.other().getAddress(),
                Numeric.toHexString(inputHash), Numeric.toHexString(outputHash)));
        return new Settled(blob, inputHash, outputHash, signature, timestamp, features, probs);
    }

    /** Settles records individually in one transaction; returns (tx hash, settled records). */
    record Individual(TransactionReceipt receipt, List<Settled> records, List<String> blobIds) {
    }

    Individual settleIndividually(int n, boolean lastBlobMissing) throws Exception {
        List<Settled> records = new ArrayList<>();
        List<InferenceSettlementRelay.Settlement> structs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Settled r = settledRecord(tee1);
            records.add(r);
            byte[] bytes = json.writeValueAsBytes(r.blob());
            String id = lastBlobMissing && i == n - 1 ? BlobStoreService.idOf("never stored".getBytes()) : blobs.put(bytes);
            ids.add(id);
            structs.add(new InferenceSettlementRelay.Settlement(Numeric.hexStringToByteArray(tee1), r.inputHash(),
                    r.outputHash(), BigInteger.valueOf(r.timestamp()), DevAccounts.other().getAddress(),
                    id.getBytes(StandardCharsets.UTF_8), r.signature()));
        }
        TransactionReceipt receipt = contracts.settlementRelay().settleIndividualMany(structs).send();
        return new Individual(receipt, records, ids);
    }

    /** A batch of n leaves with full records, plus (if asked) one extra record whose leaf is not in the tree. */
    record Batch(TransactionReceipt receipt, List<Settled> records, String root) {
    }

    Batch settleBatch(int n, boolean extraMissingLeaf, boolean withRecords) throws Exception {
        List<Settled> records = new ArrayList<>();
        List<TeeSettlementLeaf> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Settled r = settledRecord(tee1);
            records.add(r);
            leaves.add(new TeeSettlementLeaf(Numeric.hexStringToByteArray(tee1), r.inputHash(), r.outputHash(),
                    r.signature(), BigInteger.valueOf(r.timestamp())));
        }
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(leaves);
        ObjectNode dump = (ObjectNode) json.readTree(tree.dump());
        if (extraMissingLeaf) {
            records.add(settledRecord(tee1));
        }
        if (withRecords) {
            ArrayNode arr = dump.putArray("records");
            records.forEach(r -> arr.add(r.blob()));
        }
        String id = blobs.put(json.writeValueAsBytes(dump));
        TransactionReceipt receipt = contracts.settlementRelay().batchSettle(tree.root(), BigInteger.valueOf(n),
                id.getBytes(StandardCharsets.UTF_8)).send();
        return new Batch(receipt, records, tree.rootHex());
    }

    /** On-chain records of the original layout in one runManyWithResults transaction. */
    record OnChain(TransactionReceipt receipt, List<Tensor> inputs, List<FixedPointTensor> outputs, List<BigInteger> modes) {
    }

    OnChain runMany(List<BigInteger> modes) throws Exception {
        List<Inference.InferenceRecord> records = new ArrayList<>();
        List<Tensor> inputs = new ArrayList<>();
        List<FixedPointTensor> outputs = new ArrayList<>();
        for (BigInteger mode : modes) {
            int s = seed++;
            Tensor features = zoo.sampleInput(credit, 5000 + s).get("features");
            inputs.add(features);
            FixedPointTensor in = new FixedPointCodec().encode(features);
            FixedPointTensor out = new FixedPointTensor("probabilities", List.of(FixedPointNumber.of(8120, 4),
                    FixedPointNumber.of(15, 2), FixedPointNumber.of(s, 3)), new long[] {1, 3});
            outputs.add(out);
            records.add(new Inference.InferenceRecord(credit.cid().toString(), mode,
                    new Inference.ModelInput(List.of(tensor(in)), List.of()),
                    new Inference.ModelOutput(List.of(tensor(out)), List.of(), false)));
        }
        return new OnChain(contracts.inference().runManyWithResults(records).send(), inputs, outputs, modes);
    }

    /** One record in the newer layout (jsons), with a string and a JSON output. */
    TransactionReceipt runJsons() throws Exception {
        Tensor features = zoo.sampleInput(credit, 9000 + seed++).get("features");
        FixedPointTensor in = new FixedPointCodec().encode(features);
        InferenceJsons.ModelInput input = new InferenceJsons.ModelInput(List.of(new InferenceJsons.MultiDimensionalNumberTensor(
                "features", in.values().stream().map(v -> new InferenceJsons.Number(v.value(), v.decimals())).toList(),
                java.util.Arrays.stream(in.shape()).mapToObj(BigInteger::valueOf).toList())), List.of());
        InferenceJsons.ModelOutput output = new InferenceJsons.ModelOutput(
                List.of(new InferenceJsons.MultiDimensionalNumberTensor("probabilities",
                        List.of(new InferenceJsons.Number(BigInteger.valueOf(-5), BigInteger.ONE)), List.of(BigInteger.ONE))),
                List.of(new InferenceJsons.StringTensor("label", List.of("negative"))),
                List.of(new InferenceJsons.JsonTensor("meta", "{\"score\":-0.5}")), false);
        return contracts.inferenceJsons().runWithResult(credit.cid().toString(), BigInteger.TWO, input, output).send();
    }

    private static Inference.MultiDimensionalNumberTensor tensor(FixedPointTensor t) {
        return new Inference.MultiDimensionalNumberTensor(t.name(),
                t.values().stream().map(v -> new Inference.Number(v.value(), v.decimals())).toList(),
                java.util.Arrays.stream(t.shape()).mapToObj(BigInteger::valueOf).toList());
    }

    /** anvil's evm_snapshot / evm_revert / evm_mine through web3j's JSON-RPC client. */
    String snapshot() throws IOException {
        return new Request<>("evm_snapshot", List.of(), service(), StringResponse.class).send().getResult();
    }

    void revert(String id) throws IOException {
        Request<?, BooleanResponse> r = new Request<>("evm_revert", List.of(id), service(), BooleanResponse.class);
        if (!Boolean.TRUE.equals(r.send().getResult())) {
            throw new IOException("evm_revert " + id + " failed");
        }
    }

    void mine(int blocks) throws IOException {
        for (int i = 0; i < blocks; i++) {
            new Request<>("evm_mine", List.of(), service(), StringResponse.class).send();
        }
    }

    private org.web3j.protocol.http.HttpService service() {
        return new org.web3j.protocol.http.HttpService(anvil.rpcUrl());
    }

    public static final class StringResponse extends Response<String> {
    }

    public static final class BooleanResponse extends Response<Boolean> {
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TEERegistry.PCRMeasurements pcrs(String label) {
        return new TEERegistry.PCRMeasurements(pcr(label + "/0"), pcr(label + "/1"), pcr(label + "/2"));
    }

    private static byte[] pcr(String seed) {
        byte[] out = new byte[48];
        byte[] h1 = Hash.sha3(seed.getBytes(StandardCharsets.UTF_8));
        System.arraycopy(h1, 0, out, 0, 32);
        System.arraycopy(Hash.sha3(h1), 0, out, 32, 16);
        return out;
    }

    private static byte[] rsaDer() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair().getPublic().getEncoded();
    }

    static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        hub.close();
        blobs.close();
        session.close();
        anvil.close();
    }
}
