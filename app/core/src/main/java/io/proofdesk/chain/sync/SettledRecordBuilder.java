package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.attest.MerkleTreeFormatException;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.wire.ChatExchange;
import io.proofdesk.node.wire.SettledBlobJson;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import static io.proofdesk.chain.sync.ChunkReader.UNKNOWN_MODEL;
import static io.proofdesk.chain.sync.ChunkReader.blobId;
import static io.proofdesk.chain.sync.ChunkReader.hex;
import static io.proofdesk.chain.sync.ChunkReader.instant;
import static io.proofdesk.chain.sync.ChunkReader.shortMessage;

/**
 * Builds the records a settlement on the relay states, from its event and its blob: an individual settlement's one
 * record, or a batch's leaves (with each leaf's Merkle proof). A part the blob does not give (missing, not JSON, model
 * unknown, leaf not in the tree) leaves the record without it and says why. Called on the decoding threads, one
 * settlement per call, as soon as its blob is here.
 */
final class SettledRecordBuilder {

    /** Placeholders made for a batch whose blob is missing; a larger declared size is not trusted. */
    static final int MAX_PLACEHOLDERS = 10_000;
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final List<String> TEXT_FIELDS = List.of("teeSignature", "teeId", "ethAddress", "inputHash",
            "outputHash");

    private final ModelCatalog catalog;
    private final TeeRegistryReader tees;
    private final TensorDecoder tensors = new TensorDecoder();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    SettledRecordBuilder(ModelCatalog catalog, TeeRegistryReader tees) {
        this.catalog = catalog;
        this.tees = tees;
    }

    /** The record of an individual settlement, with what its blob gives. */
    BuiltRecord individualRecord(RpcEndpoint rpc, IInferenceSettlementRelay.IndividualSettlementEventResponse e,
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
        Inference inf = new Inference(id, InferenceMode.TEE, model, version, teeId, tees.endpointOf(rpc, teeId, block),
                SettlementKind.INDIVIDUAL, l.getBlockNumber().longValueExact(), time,
                e.ethAddress.toLowerCase(Locale.ROOT), hex(e.inputHash), hex(e.outputHash), Bytes.of(e.signature),
                blobId(e.walrusBlobId), null, List.of(), in, outTensors, null);
        return new BuiltRecord(inf, problems);
    }

    /** The leaves of a batch settlement, in tree order; placeholders with the reason when its blob is unusable. */
    List<BuiltRecord> batchRecords(RpcEndpoint rpc, IInferenceSettlementRelay.BatchSettlementEventResponse e,
                                   BlobFetch blob, long block) {
        List<BuiltRecord> out = new ArrayList<>();
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
                // one parse for the tree and the records: the dump's reading is the stricter of the two, and the
                // records were read from the same document after it passed
                JsonNode rootNode = StandardMerkleTree.readDump(ok.bytes());
                tree = StandardMerkleTree.load(rootNode);
                records = rootNode.get("records");
            } catch (MerkleTreeFormatException ex) {
                failure = "batch blob " + blobId + " is not a Merkle tree dump (" + shortMessage(ex) + ")";
            }
        } else if (blob instanceof BlobFetch.Failed f) {
            failure = f.reason();
        }
        if (failure != null) {
            int n = e.batchSize.bitLength() > 31 ? MAX_PLACEHOLDERS
                    : Math.min(e.batchSize.intValue(), MAX_PLACEHOLDERS);
            for (int i = 0; i < n; i++) {
                Inference inf = new Inference(RecordId.leaf(tx, index, i), InferenceMode.TEE, UNKNOWN_MODEL, null, null,
                        null, SettlementKind.BATCH, blockNumber, Instant.EPOCH, null, null, null, null, blobId, root,
                        List.of(), List.of(), List.of(), null);
                out.add(new BuiltRecord(inf, List.of(failure)));
            }
            return out;
        }
        if (records != null && records.isArray()) {
            for (int i = 0; i < records.size(); i++) {
                out.add(batchLeafFromRecord(rpc, tx, index, i, blockNumber, root, blobId, tree, records.get(i), block));
            }
        } else {
            out.addAll(BatchLeafRecords.of(tree, tx, index, blockNumber, root, blobId,
                    teeId -> tees.endpointOf(rpc, teeId, block)));
        }
        return out;
    }

    private BuiltRecord batchLeafFromRecord(RpcEndpoint rpc, String tx, long index, int i, long blockNumber,
                                            String root, String blobId, StandardMerkleTree tree, JsonNode node,
                                            long block) {
        RecordId id = RecordId.leaf(tx, index, i);
        List<String> problems = new ArrayList<>();
        SettledBlobJson r = plainRecord(node);
        try {
            if (r == null) {
                r = json.treeToValue(node, SettledBlobJson.class);
            }
            if (r == null) {
                // databind maps a JSON null entry to no record at all
                throw new IOException("null");
            }
        } catch (IOException | RuntimeException ex) {
            return new BuiltRecord(new Inference(id, InferenceMode.TEE, UNKNOWN_MODEL, null, null, null,
                    SettlementKind.BATCH, blockNumber, Instant.EPOCH, null, null, null, null, blobId, root, List.of(),
                    List.of(), List.of(), null), List.of("record " + i + " of the batch blob is not a settled record ("
                    + shortMessage(ex) + ")"));
        }
        String teeId = hex32(r.teeId());
        // a chat entry names its hashes only inside the gateway's answer, as the facilitator's own reader takes them
        String inputHash = hex32(r.inputHash() != null ? r.inputHash()
                : ChatRecordDecoder.answerField(r.output(), "tee_request_hash"));
        String outputHash = hex32(r.outputHash() != null ? r.outputHash()
                : ChatRecordDecoder.answerField(r.output(), "tee_output_hash"));
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
        return new BuiltRecord(new Inference(id, InferenceMode.TEE, d.model, d.version, teeId,
                tees.endpointOf(rpc, teeId, block), SettlementKind.BATCH, blockNumber, time, lower(r.ethAddress()),
                inputHash, outputHash, signature == null ? null : Bytes.of(signature), blobId, root, proof, d.inputs,
                d.outputs, null), problems);
    }

    /**
     * A batch entry as {@code treeToValue} reads it, without databind, when every field it names has its own JSON type
     * (text, a whole number within a long, input and output present and not null); otherwise null, and databind reads
     * it (coercions, defaults and errors are its own). Unknown fields are ignored, as the databind reader does.
     */
    private static SettledBlobJson plainRecord(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        JsonNode input = node.get("input");
        JsonNode output = node.get("output");
        JsonNode timestamp = node.get("timestamp");
        if (input == null || input.isNull() || output == null || output.isNull() || timestamp == null
                || !(timestamp.isInt() || timestamp.isLong())) {
            return null;
        }
        String[] texts = new String[TEXT_FIELDS.size()];
        for (int i = 0; i < texts.length; i++) {
            JsonNode v = node.get(TEXT_FIELDS.get(i));
            if (v != null && !v.isTextual()) {
                return null;
            }
            texts[i] = v == null ? null : v.textValue();
        }
        return new SettledBlobJson(input, output, texts[0], texts[1], timestamp.longValue(), texts[2], texts[3],
                texts[4]);
    }

    /** Model, version and tensors of a settled record's JSON; a problem leaves the tensors empty. */
    record Decoded(String model, String version, List<Tensor> inputs, List<Tensor> outputs, String problem) {
    }

    private Decoded decodeSettled(SettledBlobJson r) {
        JsonNode input = r.input();
        if (ChatExchange.isChatRequest(input)) {
            return ChatRecordDecoder.decode(input, r.output());
        }
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

    static Instant settledTime(BigInteger seconds, List<String> problems) {
        Instant t = instant(seconds, null);
        if (t == null) {
            problems.add("settled timestamp " + seconds + " is not a date; stored as 1970-01-01");
            return Instant.EPOCH;
        }
        return t;
    }

    static List<String> proofHex(List<byte[]> proof) {
        return proof.stream().map(ChunkReader::hex).toList();
    }

    private static String hex32(String text) {
        if (text == null) {
            return null;
        }
        String h = text.trim().toLowerCase(Locale.ROOT);
        return HASH.matcher(h).matches() ? h : null;
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
}
