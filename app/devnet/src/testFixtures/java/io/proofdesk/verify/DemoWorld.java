package io.proofdesk.verify;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.hub.HostedModelFile;
import io.proofdesk.devnet.hub.ModelHubService;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.devnet.node.FileStoreModelSource;
import io.proofdesk.devnet.node.InferenceRunner;
import io.proofdesk.devnet.node.NodeBehaviour;
import io.proofdesk.devnet.node.NodeIdentity;
import io.proofdesk.devnet.node.TeeNodeService;
import io.proofdesk.devnet.tee.DemoAttestationAuthority;
import io.proofdesk.devnet.tee.DemoMeasurements;
import io.proofdesk.devnet.tee.NitroDocumentIssuer;
import io.proofdesk.devnet.tee.NitroDocumentRequest;
import io.proofdesk.devnet.tee.NodeAttestation;
import io.proofdesk.devnet.tee.NodeTlsCertificate;
import io.proofdesk.devnet.tee.SeededRandom;
import io.proofdesk.devnet.tee.TeeSigner;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.BlobStoreClient;
import io.proofdesk.node.FileStoreClient;
import io.proofdesk.node.NodeClient;
import io.proofdesk.node.cid.Cid;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.SettledBlobJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.Store;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A small demo network for verifier tests, built from the devnet's real parts: a hub + file store, a blob store,
 * TEE nodes that really run ONNX Runtime and sign (one per behaviour), a SQLite store holding the registry and the
 * records, and {@link RecordedChain} for receipts. Each {@code honest...}/{@code faulty...} method makes one record
 * the way the network would, with exactly one labelled fault.
 */
public final class DemoWorld implements AutoCloseable {

    static final String PAYER = "0x70997970c51812dc3a010c7d01b50e0dec17c79c";
    static final DemoMeasurements APPROVED = DemoMeasurements.of("enclave-1.0");
    static final DemoMeasurements ROGUE = DemoMeasurements.of("enclave-rogue");

    public final ModelZoo zoo = ModelZoo.standard();
    public final ZooModel credit1 = zoo.get("credit-mlp", "1.00");
    public final ZooModel credit2 = zoo.get("credit-mlp", "2.00");
    public final ZooModel tamperedModel = zoo.get("price-regressor", "1.00");
    final DemoAttestationAuthority authority = DemoAttestationAuthority.create(SeededRandom.of("verify-test-ca"));
    final ModelHubService hub = new ModelHubService();
    final BlobStoreService blobs;
    final RecordedChain chain = new RecordedChain();
    private final OnChainRecords onChain = new OnChainRecords();
    public final Store store;
    final SessionCache nodeSessions = SessionCache.withDefaults();
    final Map<NodeBehaviour, TeeNodeService> nodes = new EnumMap<>(NodeBehaviour.class);
    private final ObjectMapper json = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient();
    private long block = 10;

    public DemoWorld(Path dir) throws IOException {
        this.blobs = new BlobStoreService(dir.resolve("blobs")).start();
        this.store = Store.open(dir.resolve("proofdesk.db"), dir.resolve("proofdesk.lock"), Clock.systemUTC());
        publish(credit1, credit1.bytes());
        publish(credit2, credit2.bytes());
        publish(tamperedModel, tampered(tamperedModel.bytes()));
        hub.start();
        NitroDocumentIssuer issuer = new NitroDocumentIssuer(authority, SeededRandom.of("verify-test-issuer"));
        store.inTransaction(tx -> tx.pcrApprovals().approve(new PcrApproval(Numeric.toHexString(APPROVED.pcrHash()),
                0, "1.0", 1, null)));
        for (NodeBehaviour b : NodeBehaviour.values()) {
            nodes.put(b, startNode(b, issuer));
        }
    }

    public VerificationSources sources() {
        NodeClient nodeClient = new NodeClient();
        return new VerificationSources(chain, new BlobStoreClient(blobs.baseUrl())::fetch,
                new FileStoreClient(hub.baseUrl())::fetch, nodeClient::attestation,
                TrustedRoots.awsNitro().with(authority.trustedRoot()));
    }

    /** The model's bytes with a changed doc string: still a runnable model, but not the file its CID names. */
    static byte[] tampered(byte[] model) throws IOException {
        return OnnxMl.ModelProto.parseFrom(model).toBuilder().setDocString("tampered copy").build().toByteArray();
    }

    /** Serves a model file on the hub (as {@code served}) and registers it in the store. */
    public void publish(ZooModel m, byte[] served) {
        hub.publish(new HostedModelFile(m.name(), m.description(), m.version(), "model.onnx", m.cid().toString(),
                m.sha256(), m.size(), served));
        store.inTransaction(tx -> {
            tx.models().upsert(new Model(m.name(), null, m.description(), null, 1L));
            tx.modelVersions().upsert(new ModelVersion(m.name(), m.version(), m.cid().toString(), null, 1L, null));
            tx.modelFiles().upsert(new ModelFile(m.name(), m.version(), "model.onnx", m.cid().toString(), m.sha256(),
                    m.size(), null, null, 1L));
        });
    }

    private TeeNodeService startNode(NodeBehaviour b, NitroDocumentIssuer issuer) throws IOException {
        String name = "node-" + b.label();
        TeeSigner key = TeeSigner.generate(SeededRandom.of("key-" + name));
        TeeSigner signing = b == NodeBehaviour.BAD_SIGNATURE ? TeeSigner.generate(SeededRandom.of("rogue-" + name)) : key;
        NodeTlsCertificate tls = NodeTlsCertificate.selfSigned(name, SeededRandom.of("tls-" + name),
                Instant.parse("2020-01-01T00:00:00Z"), Duration.ofDays(365L * 30));
        NitroDocumentRequest template = NitroDocumentRequest.forNode(name, Instant.now(), APPROVED, key.publicKeyDer(),
                tls.der(), null);
        NodeAttestation attestation = new NodeAttestation(issuer, template, b.attestation(), ROGUE);
        TeeNodeService node = new TeeNodeService(new NodeIdentity(name, key, signing, tls, attestation), b,
                new FileStoreModelSource(hub.baseUrl()), cid -> credit2.cid().toString(),
                new InferenceRunner(new ReexecEngine(nodeSessions)), Clock.systemUTC()).start();
        DemoMeasurements registered = b == NodeBehaviour.UNAPPROVED_PCR ? ROGUE : APPROVED;
        String teeId = key.teeId().hex();
        store.inTransaction(tx -> {
            tx.tees().upsert(new Tee(teeId, PAYER, null, node.baseUrl(), Bytes.of(key.publicKeyDer()),
                    Bytes.of(tls.der()), Numeric.toHexString(registered.pcrHash()), 0, true, Instant.now(), null));
            tx.teeEvents().insertAll(List.of(new TeeEvent(2, nodes.size(), chain.nextTxHash(), TeeEventKind.REGISTERED,
                    teeId, Numeric.toHexString(registered.pcrHash()), 0, null, null)));
        });
        return node;
    }

    public String teeId(NodeBehaviour b) {
        return nodes.get(b).identity().registeredKey().teeId().hex();
    }

    /** One /infer call: the request sent and the node's answer. */
    public record Inferred(InferRequestJson request, InferResponseJson response, String teeId, String nodeUrl) {
        JsonNode blobJson(ObjectMapper json) {
            return json.valueToTree(new SettledBlobJson(json.valueToTree(request), json.valueToTree(response.output()),
                    response.teeSignature(), response.teeId(), response.teeTimestamp(), PAYER,
                    response.teeRequestHash(), response.teeOutputHash()));
        }

        public TeeSettlementLeaf leaf() {
            return new TeeSettlementLeaf(Numeric.hexStringToByteArray(teeId),
                    Numeric.hexStringToByteArray(response.teeRequestHash()),
                    Numeric.hexStringToByteArray(response.teeOutputHash()),
                    java.util.Base64.getDecoder().decode(response.teeSignature()), BigInteger.valueOf(response.teeTimestamp()));
        }
    }

    public Inferred infer(NodeBehaviour b, ZooModel model, long seed) throws IOException {
        TeeNodeService node = nodes.get(b);
        InferRequestJson request = new InferRequestJson(model.cid().toString(), modelInputs(model, seed));
        Request post = new Request.Builder().url(node.baseUrl() + "/infer")
                .post(RequestBody.create(json.writeValueAsBytes(request), MediaType.get("application/json"))).build();
        try (Response r = http.newCall(post).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException("node " + b + " answered " + r.code() + ": " + r.body().string());
            }
            return new Inferred(request, json.readValue(r.body().bytes(), InferResponseJson.class),
                    node.identity().registeredKey().teeId().hex(), node.baseUrl());
        }
    }

    String modelInputs(ZooModel model, long seed) throws IOException {
        List<NumberTensorJson> numbers = new ArrayList<>();
        FixedPointCodec codec = new FixedPointCodec();
        for (Tensor t : zoo.sampleInput(model, seed).values()) {
            FixedPointTensor fp = codec.encode(t);
            List<Long> shape = new ArrayList<>();
            for (long d : fp.shape()) {
                shape.add(d);
            }
            numbers.add(new NumberTensorJson(t.name(), fp.values().stream()
                    .map(v -> new FixedPointValue(v.value(), v.decimals())).toList(), shape));
        }
        return json.writeValueAsString(new ModelInputsJson(numbers, List.of()));
    }

    /** Settles one inference individually: blob on the blob store (optionally altered), event on the chain. */
    public RecordId settleIndividually(Inferred inferred, boolean alterBlob) throws IOException {
        return settle(inferred, alterBlob, false);
    }

    /**
     * As {@link #settleIndividually} without a fault, stored as the sync stores it: with the copy of the blob it
     * fetched and the tensors it decoded from that copy (inputs in the model's types, claimed outputs as float64).
     */
    public RecordId settleSynced(Inferred inferred) throws IOException {
        return settle(inferred, false, true);
    }

    private RecordId settle(Inferred inferred, boolean alterBlob, boolean synced) throws IOException {
        JsonNode blob = inferred.blobJson(json);
        byte[] honestBytes = json.writeValueAsBytes(blob);
        String blobId = BlobStoreService.idOf(honestBytes);
        if (alterBlob) {
            ObjectNode changed = blob.deepCopy();
            ArrayNode result = (ArrayNode) changed.get("output").get(0).get("result");
            result.set(0, result.numberNode(result.get(0).asDouble() + 0.25));
            blobs.putAs(blobId, json.writeValueAsBytes(changed));
        } else {
            blobs.put(honestBytes);
        }
        InferResponseJson r = inferred.response();
        String tx = chain.nextTxHash();
        long b = ++block;
        byte[] signature = java.util.Base64.getDecoder().decode(r.teeSignature());
        chain.addIndividual(tx, b, 0, Numeric.hexStringToByteArray(inferred.teeId()), PAYER,
                Numeric.hexStringToByteArray(r.teeRequestHash()), Numeric.hexStringToByteArray(r.teeOutputHash()),
                r.teeTimestamp(), blobId, signature);
        RecordId id = RecordId.of(tx, 0);
        List<Tensor> inputs = List.of();
        List<Tensor> outputs = List.of();
        if (synced) {
            String cid = inferred.request().ipfsHash();
            ZooModel model = zoo.models().stream().filter(m -> m.cid().toString().equals(cid)).findFirst().orElseThrow();
            try {
                inputs = new io.proofdesk.chain.sync.SettledTensors().blobInputs(inferred.request().modelInputs(),
                        io.proofdesk.reexec.OnnxModelFile.parse(model.bytes(), io.proofdesk.reexec.ModelLimits.DEFAULT)
                                .signature().inputs());
                outputs = new io.proofdesk.chain.sync.SettledTensors().blobOutputs(blob.get("output"));
            } catch (io.proofdesk.chain.sync.RecordProblem e) {
                throw new IllegalStateException(e);
            }
        }
        Inference record = new Inference(id, InferenceMode.TEE, inferred.request().ipfsHash(), null, inferred.teeId(),
                inferred.nodeUrl(), SettlementKind.INDIVIDUAL, b, Instant.ofEpochSecond(r.teeTimestamp()), PAYER,
                r.teeRequestHash(), r.teeOutputHash(), Bytes.of(signature), blobId, null, List.of(), inputs, outputs,
                null);
        store.inTransaction(tx2 -> {
            tx2.saveInferences(List.of(record));
            if (synced) {
                tx2.blobs().put(blobId, Bytes.of(honestBytes), Instant.now());
            }
        });
        return id;
    }

    /**
     * Settles leaves as one batch: the tree dump (with the leaves' content) on the blob store and a BatchSettlement
     * whose root is {@code settledRoot}, or the dump's own root when null.
     */
    public List<RecordId> settleBatch(List<Inferred> leaves, byte[] settledRoot) throws IOException {
        StandardMerkleTree tree = StandardMerkleTree.ofSettlements(leaves.stream().map(Inferred::leaf).toList());
        ObjectNode dump = (ObjectNode) json.readTree(tree.dump());
        ArrayNode records = dump.putArray("records");
        leaves.forEach(l -> records.add(l.blobJson(json)));
        String blobId = blobs.put(json.writeValueAsBytes(dump));
        byte[] root = settledRoot == null ? tree.root() : settledRoot;
        String tx = chain.nextTxHash();
        long b = ++block;
        chain.addBatch(tx, b, 3, root, leaves.size(), blobId);
        List<Inference> stored = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            InferResponseJson r = leaves.get(i).response();
            stored.add(new Inference(RecordId.leaf(tx, 3, i), InferenceMode.TEE, leaves.get(i).request().ipfsHash(),
                    null, leaves.get(i).teeId(), leaves.get(i).nodeUrl(), SettlementKind.BATCH, b,
                    Instant.ofEpochSecond(r.teeTimestamp()), null, r.teeRequestHash(), r.teeOutputHash(),
                    Bytes.of(java.util.Base64.getDecoder().decode(r.teeSignature())), blobId, Numeric.toHexString(root),
                    List.of(), List.of(), List.of(), null));
        }
        store.inTransaction(tx2 -> {
            tx2.saveInferences(stored);
        });
        return stored.stream().map(Inference::id).toList();
    }

    /** A VANILLA record: the inference contract's log, input and output tensors stored by the sync. */
    public RecordId vanilla(ZooModel model, long seed, boolean forge) {
        Map<String, Tensor> inputs = zoo.sampleInput(model, seed);
        List<Tensor> outputs = new ReexecEngine(nodeSessions).run(model.bytes(), inputs);
        if (forge) {
            Tensor first = outputs.getFirst();
            float[] v = first.toFloats();
            v[0] = v[0] + 1.0f;
            outputs = new ArrayList<>(outputs);
            outputs.set(0, Tensor.ofFloats(first.name(), first.shape(), v));
        }
        String tx = chain.nextTxHash();
        long b = ++block;
        chain.addInferenceResult(tx, b, 1);
        RecordId id = RecordId.of(tx, 1);
        Inference record = new Inference(id, InferenceMode.VANILLA, model.cid().toString(), model.version(), null, null,
                SettlementKind.ONCHAIN, b, Instant.now(), PAYER, null, null, null, null, null, List.of(),
                new ArrayList<>(inputs.values()), outputs, null);
        store.inTransaction(tx2 -> {
            tx2.saveInferences(List.of(record));
        });
        return id;
    }

    /**
     * A VANILLA record as the inference contract records it ({@link OnChainRecords}): its input in the calldata of a
     * signed transaction, its output in the log, its tensors stored as the sync stores them.
     */
    public RecordId onChain(ZooModel model, long seed, boolean forge) {
        Map<String, Tensor> inputs = zoo.sampleInput(model, seed);
        List<Tensor> outputs = new ReexecEngine(nodeSessions).run(model.bytes(), inputs);
        if (forge) {
            Tensor first = outputs.getFirst();
            float[] v = first.toFloats();
            v[0] = v[0] + 1.0f;
            outputs = new ArrayList<>(outputs);
            outputs.set(0, Tensor.ofFloats(first.name(), first.shape(), v));
        }
        io.proofdesk.reexec.ModelSignature signature = io.proofdesk.reexec.OnnxModelFile.parse(model.bytes(),
                io.proofdesk.reexec.ModelLimits.DEFAULT).signature();
        OnChainRecords.Made made = onChain.make(model.cid().toString(), signature, inputs.values(), outputs, 1);
        long b = ++block;
        chain.addInferenceResult(made.rawTransaction(), b, made.log());
        RecordId id = RecordId.of(Numeric.toHexString(org.web3j.crypto.Hash.sha3(made.rawTransaction())), 1);
        Inference record = new Inference(id, InferenceMode.VANILLA, model.cid().toString(), model.version(), null, null,
                SettlementKind.ONCHAIN, b, Instant.now(), null, null, null, null, null, null, List.of(),
                made.inputs(), made.outputs(), null);
        store.inTransaction(tx2 -> {
            tx2.saveInferences(List.of(record));
        });
        return id;
    }

    static String cidOf(byte[] bytes) {
        return Cid.v0(bytes).toString();
    }

    static String sha(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    @Override
    public void close() {
        nodes.values().forEach(TeeNodeService::close);
        hub.close();
        blobs.close();
        store.close();
        nodeSessions.close();
    }
}
