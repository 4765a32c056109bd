package io.proofdesk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One inference as recorded on chain (and, where fetched, its blob): the record id carries tx hash, log index and
 * batch leaf. {@code model} is the model id as the record names it (a CID on OpenGradient); {@code modelVersion}
 * is the resolved registry version if known. Hashes are 0x-prefixed bytes32 hex. Nullable: modelVersion, teeId,
 * nodeUrl, ethAddress, inputHash, outputHash, blobId, merkleRoot, verdict (null until verified). The tensor lists
 * are empty when only hashes are known. {@code verdict} is the latest verdict; it is ignored on insert.
 * {@code evidence} is how firmly the sync established the record on chain (null: one endpoint, not proved).
 */
public record Inference(RecordId id, InferenceMode mode, String model, String modelVersion, String teeId,
                        String nodeUrl, SettlementKind settlement, long blockNumber, Instant timestamp,
                        String ethAddress, String inputHash, String outputHash, Bytes signature, String blobId,
                        String merkleRoot, List<String> merkleProof, List<Tensor> inputs, List<Tensor> outputs,
                        Verdict verdict, Evidence evidence) {

    public Inference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(timestamp, "timestamp");
        if (blockNumber < 0) {
            throw new IllegalArgumentException("negative block number for " + id);
        }
        if ((settlement == SettlementKind.BATCH) != id.isBatchLeaf()) {
            throw new IllegalArgumentException("record " + id + ": settlement " + settlement
                    + (id.isBatchLeaf() ? " cannot have" : " needs") + " a leaf index");
        }
        signature = signature == null ? Bytes.empty() : signature;
        merkleProof = merkleProof == null ? List.of() : List.copyOf(merkleProof);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        evidence = evidence == null ? Evidence.trustedSingleEndpoint() : evidence;
    }

    /** A record with one endpoint's word as its evidence ({@link Evidence#trustedSingleEndpoint()}). */
    public Inference(RecordId id, InferenceMode mode, String model, String modelVersion, String teeId, String nodeUrl,
                     SettlementKind settlement, long blockNumber, Instant timestamp, String ethAddress,
                     String inputHash, String outputHash, Bytes signature, String blobId, String merkleRoot,
                     List<String> merkleProof, List<Tensor> inputs, List<Tensor> outputs, Verdict verdict) {
        this(id, mode, model, modelVersion, teeId, nodeUrl, settlement, blockNumber, timestamp, ethAddress, inputHash,
                outputHash, signature, blobId, merkleRoot, merkleProof, inputs, outputs, verdict,
                Evidence.trustedSingleEndpoint());
    }

    public Inference withVerdict(Verdict v) {
        return new Inference(id, mode, model, modelVersion, teeId, nodeUrl, settlement, blockNumber, timestamp,
                ethAddress, inputHash, outputHash, signature, blobId, merkleRoot, merkleProof, inputs, outputs, v, evidence);
    }

    public Inference withTensors(List<Tensor> in, List<Tensor> out) {
        return new Inference(id, mode, model, modelVersion, teeId, nodeUrl, settlement, blockNumber, timestamp,
                ethAddress, inputHash, outputHash, signature, blobId, merkleRoot, merkleProof, in, out, verdict, evidence);
    }

    public Inference withEvidence(Evidence e) {
        return new Inference(id, mode, model, modelVersion, teeId, nodeUrl, settlement, blockNumber, timestamp,
                ethAddress, inputHash, outputHash, signature, blobId, merkleRoot, merkleProof, inputs, outputs, verdict, e);
    }
}
