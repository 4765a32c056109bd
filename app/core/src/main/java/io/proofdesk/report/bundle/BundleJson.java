package io.proofdesk.report.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.report.ReportEvidence;
import io.proofdesk.verify.StoredFacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON forms of a bundle's record, registry facts and verdict, and their way back to domain records. */
final class BundleJson {

    private BundleJson() {
    }

    /**
     * {@code record.json}: the record as the exporter's store held it (tensors are in test_data_set_0), with its
     * evidence level from format 3 on (absent before).
     */
    record RecordJson(String id, String mode, String model, String modelVersion, String teeId, String nodeUrl,
                      String settlement, long block, String timestamp, String ethAddress, String inputHash,
                      String outputHash, String signature, String blobId, String merkleRoot, List<String> merkleProof,
                      @JsonInclude(JsonInclude.Include.NON_NULL) ReportEvidence evidence) {

        static RecordJson of(Inference r) {
            return new RecordJson(r.id().toString(), r.mode().name(), r.model(), r.modelVersion(), r.teeId(),
                    r.nodeUrl(), r.settlement().name(), r.blockNumber(), r.timestamp().toString(), r.ethAddress(),
                    r.inputHash(), r.outputHash(), r.signature().isEmpty() ? null : r.signature().toHex(), r.blobId(),
                    r.merkleRoot(), r.merkleProof(), ReportEvidence.of(r.evidence()));
        }

        /**
         * The evidence the exporter's store recorded: required from format 3 on, absent before (read as TRUSTED,
         * "not recorded").
         * @throws IllegalArgumentException if the record's evidence does not fit its bundle's format
         */
        Evidence evidenceIn(String format) {
            if (!BundleLayout.carriesEvidence(format)) {
                if (evidence != null) {
                    throw new IllegalArgumentException("a " + format + " record carries no evidence, this one does");
                }
                return Evidence.notRecorded();
            }
            if (evidence == null) {
                throw new IllegalArgumentException("no evidence (a " + format + " record carries its evidence level)");
            }
            return evidence.toEvidence();
        }

        Inference toInference(List<Tensor> inputs, List<Tensor> outputs) {
            return new Inference(RecordId.parse(id), InferenceMode.valueOf(mode), model, modelVersion, teeId, nodeUrl,
                    SettlementKind.valueOf(settlement), block, Instant.parse(timestamp), ethAddress, inputHash,
                    outputHash, signature == null ? Bytes.empty() : Bytes.fromHex(signature), blobId, merkleRoot,
                    merkleProof, inputs, outputs, null, evidence == null ? Evidence.notRecorded() : evidence.toEvidence());
        }
    }

    record TeeJson(String teeId, String owner, String paymentAddress, String endpoint, String publicKey,
                   String tlsCertificate, String pcrHash, int teeType, boolean enabled, String registeredAt,
                   String lastHeartbeat) {

        static TeeJson of(Tee t) {
            return new TeeJson(t.teeId(), t.owner(), t.paymentAddress(), t.endpoint(), t.publicKey().toHex(),
                    t.tlsCertificate().toHex(), t.pcrHash(), t.teeType(), t.enabled(), str(t.registeredAt()),
                    str(t.lastHeartbeat()));
        }

        Tee toTee() {
            return new Tee(teeId, owner, paymentAddress, endpoint, Bytes.fromHex(publicKey), Bytes.fromHex(tlsCertificate),
                    pcrHash, teeType, enabled, time(registeredAt), time(lastHeartbeat));
        }
    }

    record TeeEventJson(long block, long logIndex, String txHash, String kind, String teeId, String pcrHash,
                        Integer teeType, String pcrVersion, String timestamp) {

        static TeeEventJson of(TeeEvent e) {
            return new TeeEventJson(e.blockNumber(), e.logIndex(), e.txHash(), e.kind().name(), e.teeId(), e.pcrHash(),
                    e.teeType(), e.pcrVersion(), str(e.timestamp()));
        }

        TeeEvent toEvent() {
            return new TeeEvent(block, logIndex, txHash, TeeEventKind.valueOf(kind), teeId, pcrHash, teeType, pcrVersion,
                    time(timestamp));
        }
    }

    /**
     * {@code registry.json}: the TEE registry as of the record's block (its row, its event history up to the block,
     * the PCR hash it registered and that hash's approval then and now) and the registered files of the model.
     */
    record RegistryJson(TeeJson tee, List<TeeEventJson> history, String pcrHashAtBlock, PcrApproval approvalAtBlock,
                        PcrApproval approvalNow, List<ModelFile> modelFiles) {

        static RegistryJson of(StoredFacts f) {
            return new RegistryJson(f.tee().map(TeeJson::of).orElse(null),
                    f.teeHistory().stream().map(TeeEventJson::of).toList(), f.pcrHashAtBlock(),
                    f.approvalAtBlock().orElse(null), f.approvalNow().orElse(null), f.modelFiles());
        }

        StoredFacts toFacts(Inference r) {
            return new StoredFacts(r, Optional.ofNullable(tee).map(TeeJson::toTee),
                    history == null ? List.of() : history.stream().map(TeeEventJson::toEvent).toList(), pcrHashAtBlock,
                    Optional.ofNullable(approvalAtBlock), Optional.ofNullable(approvalNow),
                    modelFiles == null ? List.of() : modelFiles);
        }
    }

    /** {@code verdict.json}: the verdict the exporter reached on exactly this bundle's evidence. */
    record VerdictJson(String id, String verdict, String reason, String checkedAt, VerificationEnvironment environment,
                       List<LineJson> checks) {

        static VerdictJson of(VerdictRecord v) {
            return new VerdictJson(v.inferenceId().toString(), v.verdict().name(), v.reason(), v.checkedAt().toString(),
                    v.environment(), v.checks().stream().map(c -> new LineJson(c.name(), c.status().name(), c.reason(),
                            c.details())).toList());
        }

        VerdictRecord toVerdict() {
            return new VerdictRecord(RecordId.parse(id), Verdict.valueOf(verdict), reason, Instant.parse(checkedAt),
                    environment, checks.stream().map(l -> new CheckResult(l.name(), CheckStatus.valueOf(l.status()),
                            l.reason(), l.details())).toList());
        }
    }

    record LineJson(String name, String status, String reason, Map<String, String> details) {
    }

    static String str(Instant t) {
        return t == null ? null : t.toString();
    }

    static Instant time(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
