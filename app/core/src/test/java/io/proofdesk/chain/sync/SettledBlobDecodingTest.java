package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.ModelInputsCodec;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.reexec.Dim;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.reexec.TensorSpec;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Log;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settled records built from blobs read token by token (and batch blobs parsed once) are exactly those the databind
 * reading made ({@link SettledRecordBuilderBefore}): tensors, hashes, proofs and notes, on plain blobs as nodes write
 * them and on odd and hostile ones (coercions, nulls, repeated or unknown fields, numbers beyond int128 or a long,
 * malformed JSON, the facilitator's chat blob).
 */
class SettledBlobDecodingTest {

    private static final String CID_FLOAT = "QmFloatModel";
    private static final String CID_MIXED = "QmMixedModel";
    private static final String TEE = "0x" + "11".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Store store;
    private SettledRecordBuilder after;
    private SettledRecordBuilderBefore before;
    private int logIndex;

    @BeforeEach
    void open() {
        store = Store.open(new DataDirectory(dir.resolve("data")));
        SignatureJson signatures = new SignatureJson();
        store.inTransaction(tx -> {
            tx.models().upsert(new Model("float-model", "0xowner", "floats", null, null));
            tx.modelVersions().upsert(new ModelVersion("float-model", "1.0", CID_FLOAT, null, null, null));
            tx.modelFiles().upsert(new ModelFile("float-model", "1.0", "m.onnx", CID_FLOAT, null, 1,
                    signatures.write(List.of(spec("x", DType.FLOAT), spec("d", DType.DOUBLE))),
                    signatures.write(List.of(spec("y", DType.FLOAT))), null));
            tx.models().upsert(new Model("mixed-model", "0xowner", "integers", null, null));
            tx.modelVersions().upsert(new ModelVersion("mixed-model", "2.0", CID_MIXED, null, null, null));
            tx.modelFiles().upsert(new ModelFile("mixed-model", "2.0", "m.onnx", CID_MIXED, null, 1,
                    signatures.write(List.of(spec("i", DType.INT64), spec("b", DType.BOOL), spec("h", DType.FLOAT16),
                            spec("s", DType.STRING))),
                    signatures.write(List.of(spec("y", DType.FLOAT))), null));
            tx.tees().upsert(new Tee(TEE, "0x" + "00".repeat(20), null, "https://tee.example", Bytes.of(new byte[1]),
                    Bytes.of(new byte[1]), null, 0, true, Instant.EPOCH, Instant.EPOCH));
        });
        ModelCatalog catalog = new ModelCatalog(null, ModelLimits.DEFAULT);
        store.read(tx -> {
            catalog.load(tx);
            return null;
        });
        TeeRegistryReader tees = new TeeRegistryReader(new ContractAddresses(null, "0x" + "22".repeat(20), null,
                null), store);
        after = new SettledRecordBuilder(catalog, tees);
        before = new SettledRecordBuilderBefore(catalog, tees);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("individual blobs: plain, large, odd and hostile model_inputs and blobs give the same records and notes")
    void individualBlobs() throws Exception {
        List<String> modelInputs = new ArrayList<>(plainModelInputs());
        modelInputs.addAll(oddModelInputs());
        int decoded = 0;
        for (String mi : modelInputs) {
            for (String cid : List.of(CID_FLOAT, CID_MIXED)) {
                BuiltRecord r = assertSameIndividual(blob(cid, mi, plainOutput()));
                decoded += r.inference().inputs().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(decoded >= plainModelInputs().size(), "the plain documents decode to tensors: " + decoded);
        for (String raw : List.of("", "not json", "[]", "null", "{}", "{\"input\":null,\"output\":null}",
                "{\"input\":{\"ipfs_hash\":\"" + CID_FLOAT + "\"},\"output\":[]}",
                "{\"input\":{\"ipfs_hash\":\"QmUnknown\",\"model_inputs\":\"{}\"},\"output\":[]}",
                "{\"input\":{\"ipfs_hash\":\"" + CID_FLOAT + "\",\"model_inputs\":\"{}\"},\"output\":{}}",
                "{\"input\":{\"ipfs_hash\":\"" + CID_FLOAT + "\",\"model_inputs\":\"{}\"},\"output\":[{\"name\":\"y\","
                        + "\"shape\":[2],\"result\":[\"a\",\"b\"],\"type\":\"string\"}],\"timestamp\":\"12\"}",
                "{\"input\":{\"ipfs_hash\":\"" + CID_FLOAT + "\",\"model_inputs\":5},\"output\":[],\"timestamp\":1.5}")) {
            assertSameIndividual(raw.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = getClass().getResourceAsStream("/opengradient/settlement/individual-chat-blob.json")) {
            BuiltRecord chat = assertSameIndividual(in.readAllBytes());
            assertFalse(chat.inference().inputs().isEmpty(), "the chat blob decodes");
        }
    }

    @Test
    @DisplayName("batch blobs: records of every shape, bare dumps and broken dumps give the same leaves, proofs and notes")
    void batchBlobs() throws Exception {
        List<TeeSettlementLeaf> leaves = new ArrayList<>();
        List<ObjectNode> records = new ArrayList<>();
        Random random = new Random(7);
        List<String> inputs = plainModelInputs();
        for (int i = 0; i < 12; i++) {
            byte[] in = hash(random);
            byte[] out = hash(random);
            byte[] signature = new byte[256];
            random.nextBytes(signature);
            long timestamp = 1_790_000_000L + i;
            leaves.add(new TeeSettlementLeaf(HexFormat.of().parseHex(TEE.substring(2)), in, out, signature,
                    BigInteger.valueOf(timestamp)));
            ObjectNode r = (ObjectNode) JSON.readTree(blob(i % 2 == 0 ? CID_FLOAT : CID_MIXED,
                    inputs.get(i % inputs.size()), plainOutput()));
            r.put("teeId", TEE).put("inputHash", hex(in)).put("outputHash", hex(out))
                    .put("teeSignature", Base64.getEncoder().encodeToString(signature)).put("timestamp", timestamp)
                    .put("ethAddress", "0xAbCd000000000000000000000000000000000001");
            records.add(r);
        }
        String dump = StandardMerkleTree.ofSettlements(leaves).dump();
        BuiltRecord plain = assertSameBatch(withRecords(dump, records, r -> { })).getFirst();
        assertTrue(plain.problems().isEmpty(), plain.problems().toString());
        assertFalse(plain.inference().merkleProof().isEmpty(), "the leaf's proof is built");
        // each odd record among plain ones
        List<Consumer<ObjectNode>> odd = List.of(
                r -> r.put("timestamp", "1790000000"), r -> r.put("timestamp", 1.79e9), r -> r.remove("timestamp"),
                r -> r.putNull("timestamp"), r -> r.put("timestamp", -5), r -> r.put("timestamp", new BigInteger(
                        "123456789012345678901234567890")), r -> r.put("teeId", 7), r -> r.putNull("teeId"),
                r -> r.remove("teeId"), r -> r.putNull("input"), r -> r.remove("input"), r -> r.putNull("output"),
                r -> r.remove("output"), r -> r.put("input", "text"), r -> r.put("unknown", "ignored"),
                r -> r.put("teeSignature", "not base64!"), r -> r.put("teeSignature", true),
                r -> r.putArray("ethAddress"), r -> r.put("inputHash", hex(new byte[32])),
                r -> r.put("outputHash", "0XABC"), r -> r.putObject("teeSignature"));
        for (Consumer<ObjectNode> change : odd) {
            assertSameBatch(withRecords(dump, records, change));
        }
        ObjectNode notRecords = (ObjectNode) JSON.readTree(dump);
        notRecords.putArray("records").add(5).add("text").add(true).addArray().add(records.getFirst());
        assertSameBatch(JSON.writeValueAsBytes(notRecords));
        // a null entry stopped the databind reading with a NullPointerException (the oracle still does): now a note
        notRecords.putArray("records").add(records.getFirst()).addNull();
        List<BuiltRecord> withNull = after.batchRecords(null, batchEvent(), new BlobFetch.Fetched("batch-id",
                JSON.writeValueAsBytes(notRecords)), 1);
        assertEquals(List.of(), withNull.get(0).problems());
        assertEquals(List.of("record 1 of the batch blob is not a settled record (null)"), withNull.get(1).problems());
        notRecords.put("records", "not an array");
        assertSameBatch(JSON.writeValueAsBytes(notRecords));
        List<BuiltRecord> bare = assertSameBatch(dump.getBytes(StandardCharsets.UTF_8));
        assertEquals(leaves.size(), bare.size());
        String withRecords = new String(withRecords(dump, records, r -> { }), StandardCharsets.UTF_8);
        for (String broken : List.of("", "{", "[]", withRecords.replace("\"format\"", "\"format\":1,\"format\""),
                withRecords.replace("standard-v1", "standard-v2"), withRecords.substring(0, withRecords.length() / 2),
                withRecords.replace("\"records\":[", "\"records\":" + "[".repeat(20) + "]".repeat(19) + ","))) {
            assertSameBatch(broken.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("model_inputs read token by token: plain documents are read there, and anything read equals databind's")
    void readerMatchesDatabind() throws Exception {
        ModelInputsReader reader = new ModelInputsReader(JSON.getFactory());
        for (String doc : plainModelInputs()) {
            ModelInputsJson read = reader.read(doc);
            assertNotNull(read, doc.length() > 200 ? doc.substring(0, 200) : doc);
            assertEquals(JSON.readValue(doc, ModelInputsJson.class), read);
        }
        int leftToDatabind = 0;
        for (String doc : oddModelInputs()) {
            ModelInputsJson read = reader.read(doc);
            if (read == null) {
                leftToDatabind++;
            } else {
                assertEquals(JSON.readValue(doc, ModelInputsJson.class), read, doc);
            }
        }
        assertTrue(leftToDatabind > oddModelInputs().size() / 2, "odd documents are left to databind");
    }

    private BuiltRecord assertSameIndividual(byte[] blob) {
        var e = new IInferenceSettlementRelay.IndividualSettlementEventResponse();
        e.log = log();
        e.teeId = HexFormat.of().parseHex(TEE.substring(2));
        e.ethAddress = "0xAbCd000000000000000000000000000000000001";
        e.inputHash = new byte[32];
        e.outputHash = new byte[32];
        e.timestamp = BigInteger.valueOf(1_790_000_000L);
        e.walrusBlobId = "blob-id".getBytes(StandardCharsets.UTF_8);
        e.signature = new byte[256];
        BlobFetch fetched = new BlobFetch.Fetched("blob-id", blob);
        BuiltRecord expected = before.individualRecord(null, e, fetched, 1);
        BuiltRecord actual = after.individualRecord(null, e, fetched, 1);
        assertEquals(RecordDigest.render(expected), RecordDigest.render(actual), new String(blob,
                StandardCharsets.UTF_8));
        assertEquals(expected, actual);
        return actual;
    }

    private List<BuiltRecord> assertSameBatch(byte[] blob) {
        var e = batchEvent();
        BlobFetch fetched = new BlobFetch.Fetched("batch-id", blob);
        List<BuiltRecord> expected = before.batchRecords(null, e, fetched, 1);
        List<BuiltRecord> actual = after.batchRecords(null, e, fetched, 1);
        assertEquals(expected.stream().map(RecordDigest::render).toList(),
                actual.stream().map(RecordDigest::render).toList());
        assertEquals(expected, actual);
        return actual;
    }

    private IInferenceSettlementRelay.BatchSettlementEventResponse batchEvent() {
        var e = new IInferenceSettlementRelay.BatchSettlementEventResponse();
        e.log = log();
        e.merkleRoot = new byte[32];
        e.batchSize = BigInteger.valueOf(12);
        e.walrusBlobId = "batch-id".getBytes(StandardCharsets.UTF_8);
        return e;
    }

    private Log log() {
        Log l = new Log();
        l.setTransactionHash("0x" + "ab".repeat(32));
        l.setLogIndex("0x" + Integer.toHexString(logIndex++));
        l.setBlockNumber("0x10");
        return l;
    }

    /** Documents as nodes write them: random tensors of each declared type, one large enough to be read in parts. */
    private static List<String> plainModelInputs() throws Exception {
        ModelInputsCodec codec = new ModelInputsCodec();
        Random random = new Random(3);
        List<String> out = new ArrayList<>();
        for (int n : new int[] {1, 5, 64, 6000}) {
            float[] x = new float[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
                d[i] = random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
            }
            out.add(JSON.writeValueAsString(codec.encode(List.of(Tensor.ofFloats("x", new long[] {1, n}, x),
                    Tensor.ofDoubles("d", new long[] {n}, d)))));
        }
        out.add(JSON.writeValueAsString(codec.encode(List.of(Tensor.ofLongs("i", new long[] {3},
                new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}), Tensor.ofStrings("s", new long[] {2},
                List.of("a", "\"quoted\" \u00e9"))))));
        out.add("{\"numbers\":[{\"name\":\"b\",\"values\":[{\"value\":1,\"decimals\":0},{\"value\":0,\"decimals\":0}],"
                + "\"shape\":[2]},{\"name\":\"h\",\"values\":[{\"value\":15,\"decimals\":1}],\"shape\":[1]}],"
                + "\"strings\":[]}");
        // the fields in another order, spaced out, a name escaped: still the plain shape
        out.add(" {\n \"strings\" : [ ] , \"numbers\" : [ { \"shape\" : [ 1 ] , \"values\" : [ { \"decimals\" : 2 ,"
                + " \"value\" : -150 } ] , \"n\\u0061me\" : \"x\" } ] } ");
        out.add("{\"numbers\":[{\"name\":\"x\",\"values\":[{\"value\":170141183460469231731687303715884105727,"
                + "\"decimals\":18},{\"value\":-170141183460469231731687303715884105728,\"decimals\":-18},"
                + "{\"value\":9007199254740993,\"decimals\":22},{\"value\":123,\"decimals\":-22}],\"shape\":[4]}]}");
        return out;
    }

    private static List<String> oddModelInputs() {
        String v = "{\"value\":5,\"decimals\":0}";
        String numbers = "{\"numbers\":[{\"name\":\"x\",\"values\":[%s],\"shape\":%s}]}";
        List<String> out = new ArrayList<>();
        for (String value : List.of("{\"value\":\"5\",\"decimals\":0}", "{\"value\":1.5,\"decimals\":0}",
                "{\"value\":5,\"decimals\":2.0}", "{\"value\":null,\"decimals\":0}", "{\"value\":5}",
                "{\"value\":5,\"decimals\":0,\"extra\":1}", "{\"value\":5,\"value\":6,\"decimals\":0}", "null", "5",
                "{\"value\":340282366920938463463374607431768211456,\"decimals\":0}",
                "{\"value\":5,\"decimals\":19}", "{\"value\":5,\"decimals\":-19}", "{\"value\":true,\"decimals\":0}")) {
            out.add(numbers.formatted(value, "[1]"));
        }
        for (String shape : List.of("[1.0]", "[\"1\"]", "[null]", "[99999999999999999999]", "null", "{}", "[2]",
                "[-1]", "[2147483648]")) {
            out.add(numbers.formatted(v, shape));
        }
        out.addAll(List.of("", "{", "null", "[]", "42", "\"text\"", "{\"numbers\":{}}", "{\"numbers\":[null]}",
                "{\"numbers\":[]} trailing", "{\"numbers\":[]}{\"x\"", "{\"numbers\":[],\"extra\":1}",
                "{\"numbers\":[],\"numbers\":[]}", "{\"numbers\":null,\"strings\":null}",
                "{\"numbers\":[{\"name\":\"y\",\"values\":[" + v + "],\"shape\":[1]}]}",
                "{\"numbers\":[{\"name\":5,\"values\":[" + v + "],\"shape\":[1]}]}",
                "{\"numbers\":[{\"values\":[" + v + "],\"shape\":[1]}]}",
                "{\"numbers\":[{\"name\":\"x\",\"name\":\"d\",\"values\":[" + v + "],\"shape\":[1]}]}",
                "{\"strings\":[{\"name\":\"s\",\"values\":[\"a\",\"b\"]}]}",
                "{\"strings\":[{\"name\":\"s\",\"values\":[1,true]}]}",
                "{\"strings\":[{\"name\":\"s\",\"values\":[null]}]}",
                "{\"strings\":[{\"name\":\"s\",\"values\":[\"a\"],\"shape\":null}]}",
                "{\"strings\":[{\"name\":\"s\",\"values\":[\"a\"],\"shape\":[3]}]}",
                "{\"strings\":[{\"name\":\"s\"}]}", "{\"strings\":\"a\"}",
                "{\"numbers\":[{\"name\":\"x\",\"values\":[" + v + "],\"shape\":[1]}]"));
        return out;
    }

    private static byte[] blob(String cid, String modelInputs, ArrayNode output) throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.putObject("input").put("ipfs_hash", cid).put("model_inputs", modelInputs);
        b.set("output", output);
        b.put("teeSignature", "c2ln").put("teeId", TEE).put("timestamp", 1_790_000_000L)
                .put("ethAddress", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        return JSON.writeValueAsBytes(b);
    }

    private static ArrayNode plainOutput() {
        ArrayNode out = JSON.createArrayNode();
        ObjectNode y = out.addObject().put("name", "y").put("type", "number");
        y.putArray("shape").add(1).add(3);
        y.putArray("result").add(8.807638).add(-1).add(new BigInteger("123456789012345678901234567890"));
        return out;
    }

    private static byte[] withRecords(String dump, List<ObjectNode> records, Consumer<ObjectNode> change)
            throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(dump);
        ArrayNode array = root.putArray("records");
        for (int i = 0; i < records.size(); i++) {
            ObjectNode r = records.get(i).deepCopy();
            if (i == 1) {
                change.accept(r);
            }
            array.add(r);
        }
        return JSON.writeValueAsBytes(root);
    }

    private static TensorSpec spec(String name, DType type) {
        return new TensorSpec(name, type, List.of(new Dim.Unknown()));
    }

    private static byte[] hash(Random random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    private static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }
}
