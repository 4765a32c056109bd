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
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.SettledBlobJson;
import io.proofdesk.node.wire.StringTensorJson;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.TensorSpec;
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
import static io.proofdesk.chain.sync.ChunkReader.shortMessage;

/**
 * The oracle for {@link SettledBlobDecodingTest}: {@link SettledRecordBuilder} and {@code TensorDecoder.blobInputs} as
 * they were at f1e3c67, before blobs were read token by token and batch blobs parsed once (every blob read with
 * databind: records through their property-based creators, a batch blob parsed twice). Only the class name, the
 * blobInputs copy and this comment differ; the record the builder makes from a blob must not.
 */
final class SettledRecordBuilderBefore {

    private static final int MAX_PLACEHOLDERS = SettledRecordBuilder.MAX_PLACEHOLDERS;
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");

    private final ModelCatalog catalog;
    private final TeeRegistryReader tees;
    private final TensorDecoder tensors = new TensorDecoder();
    private final ObjectMapper plainJson = new ObjectMapper();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    SettledRecordBuilderBefore(ModelCatalog catalog, TeeRegistryReader tees) {
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
                SettledRecordBuilder.Decoded d = decodeSettled(parsed);
                model = d.model();
                version = d.version();
                in = d.inputs();
                outTensors = d.outputs();
                if (d.problem() != null) {
                    problems.add(d.problem());
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
        SettledBlobJson r;
        try {
            r = json.treeToValue(node, SettledBlobJson.class);
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
        SettledRecordBuilder.Decoded d = decodeSettled(r);
        if (d.problem() != null) {
            problems.add(d.problem());
        }
        Instant time = settledTime(BigInteger.valueOf(Math.max(0, r.timestamp())), problems);
        return new BuiltRecord(new Inference(id, InferenceMode.TEE, d.model(), d.version(), teeId,
                tees.endpointOf(rpc, teeId, block), SettlementKind.BATCH, blockNumber, time, lower(r.ethAddress()),
                inputHash, outputHash, signature == null ? null : Bytes.of(signature), blobId, root, proof, d.inputs(),
                d.outputs(), null), problems);
    }

    private SettledRecordBuilder.Decoded decodeSettled(SettledBlobJson r) {
        JsonNode input = r.input();
        if (ChatExchange.isChatRequest(input)) {
            return ChatRecordDecoder.decode(input, r.output());
        }
        String cid = input == null ? null : input.path("ipfs_hash").asText(null);
        String modelInputs = input == null ? null : input.path("model_inputs").asText(null);
        if (cid == null || cid.isBlank() || modelInputs == null) {
            return new SettledRecordBuilder.Decoded(UNKNOWN_MODEL, null, List.of(), List.of(),
                    "the blob's input lacks ipfs_hash or model_inputs");
        }
        ModelCatalog.Entry entry = catalog.resolve(cid);
        List<Tensor> outputs;
        try {
            outputs = tensors.blobOutputs(r.output());
        } catch (RecordProblem p) {
            return new SettledRecordBuilder.Decoded(cid, entry.version(), List.of(), List.of(), p.getMessage());
        }
        if (!entry.hasSignature()) {
            return new SettledRecordBuilder.Decoded(cid, entry.version(), List.of(), outputs, entry.problem() + "; inputs not decoded");
        }
        try {
            return new SettledRecordBuilder.Decoded(cid, entry.version(), blobInputs(modelInputs, entry.inputs()), outputs, null);
        } catch (RecordProblem p) {
            return new SettledRecordBuilder.Decoded(cid, entry.version(), List.of(), outputs, p.getMessage());
        }
    }

    private List<Tensor> blobInputs(String modelInputs, List<TensorSpec> declared) throws RecordProblem {
        ModelInputsJson parsed;
        try {
            parsed = plainJson.readValue(modelInputs, ModelInputsJson.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new RecordProblem("the blob's model_inputs is not the inputs JSON", e);
        }
        if (parsed == null) {
            throw new RecordProblem("the blob's model_inputs is empty");
        }
        List<FixedPointTensor> numbers = new ArrayList<>();
        for (NumberTensorJson n : parsed.numbers()) {
            if (n == null || n.name() == null || n.values() == null || n.shape() == null) {
                throw new RecordProblem("a numeric input of the blob lacks its name, values or shape");
            }
            List<FixedPointNumber> values = new ArrayList<>(n.values().size());
            for (FixedPointValue v : n.values()) {
                if (v == null || v.value() == null || v.decimals() == null) {
                    throw new RecordProblem("input '" + n.name() + "' has a value without value/decimals");
                }
                try {
                    values.add(new FixedPointNumber(v.value(), v.decimals()));
                } catch (IllegalArgumentException e) {
                    throw new RecordProblem("input '" + n.name() + "'", e);
                }
            }
            numbers.add(new FixedPointTensor(n.name(), values, longs(n.shape(), n.name())));
        }
        List<NamedStrings> strings = new ArrayList<>();
        for (StringTensorJson s : parsed.strings()) {
            if (s == null || s.name() == null || s.values() == null) {
                throw new RecordProblem("a string input of the blob lacks its name or values");
            }
            strings.add(new NamedStrings(s.name(), s.values(), s.shape() == null ? null : longs(s.shape(), s.name())));
        }
        return tensors.inputs(numbers, strings, declared);
    }

    private static long[] longs(List<Long> shape, String name) throws RecordProblem {
        long[] out = new long[shape.size()];
        for (int i = 0; i < out.length; i++) {
            if (shape.get(i) == null) {
                throw new RecordProblem("tensor '" + name + "' has a null dimension");
            }
            out[i] = shape.get(i);
        }
        return out;
    }

    private static Instant settledTime(BigInteger seconds, List<String> problems) {
        return SettledRecordBuilder.settledTime(seconds, problems);
    }

    private static List<String> proofHex(List<byte[]> proof) {
        return SettledRecordBuilder.proofHex(proof);
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
