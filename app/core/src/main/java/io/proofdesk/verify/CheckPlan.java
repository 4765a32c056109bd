package io.proofdesk.verify;

import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.verify.checks.AttestationCheck;
import io.proofdesk.verify.checks.BatchInclusionCheck;
import io.proofdesk.verify.checks.BlobCheck;
import io.proofdesk.verify.checks.ChatBlobCheck;
import io.proofdesk.verify.checks.InferenceCheck;
import io.proofdesk.verify.checks.LegacySettlementCheck;
import io.proofdesk.verify.checks.NotReexecutableCheck;
import io.proofdesk.verify.checks.RecordCheck;
import io.proofdesk.verify.checks.SignatureCheck;
import io.proofdesk.verify.checks.TeeStatusCheck;
import io.proofdesk.verify.checks.ZkProofCheck;

import java.util.List;

/**
 * Which checks a record's mode and settlement call for, in verdict order: one rule for the store's verifier and for
 * an offline bundle, which differ only in where the chain, the model files, the attestation and the re-execution come
 * from. VANILLA: record, model, reexecution. ZKML: those and zk-proof. TEE: record, (batch-inclusion), blob,
 * signature, tee-status, attestation, model, reexecution. An LLM record ({@link ChatText}) checks its published chat
 * instead of a blob of tensors and has no model line; its reexecution line is NOT_APPLICABLE. A Dec 2025 relay record
 * checks what that relay settled ({@link LegacySettlementCheck}).
 */
public record CheckPlan(RecordCheck record, AttestationCheck attestation, InferenceCheck model,
                        InferenceCheck reexecution, LegacySettlementCheck legacy) {

    private static final BatchInclusionCheck BATCH_INCLUSION = new BatchInclusionCheck();
    private static final BlobCheck BLOB = new BlobCheck();
    private static final SignatureCheck SIGNATURE = new SignatureCheck();
    private static final TeeStatusCheck TEE_STATUS = new TeeStatusCheck();
    private static final ZkProofCheck ZK_PROOF = new ZkProofCheck();
    private static final ChatBlobCheck CHAT_BLOB = new ChatBlobCheck();
    static final NotReexecutableCheck NOT_REEXECUTABLE = new NotReexecutableCheck();

    /** The checks for {@code r}. */
    public List<InferenceCheck> of(Inference r) {
        boolean batch = r.settlement() == SettlementKind.BATCH;
        if (r.mode() == InferenceMode.TEE && ChatText.isChat(r)) {
            // an LLM record: no model file to hash and no answer to reproduce
            return batch
                    ? List.of(record, BATCH_INCLUSION, CHAT_BLOB, SIGNATURE, TEE_STATUS, attestation, NOT_REEXECUTABLE)
                    : List.of(record, CHAT_BLOB, SIGNATURE, TEE_STATUS, attestation, NOT_REEXECUTABLE);
        }
        return switch (r.mode()) {
            case VANILLA -> List.of(record, model, reexecution);
            case ZKML -> List.of(record, model, reexecution, ZK_PROOF);
            case TEE -> LegacySettlementCheck.isLegacy(r) ? List.of(record, legacy, LegacySettlementCheck.SIGNER)
                    : batch ? List.of(record, BATCH_INCLUSION, BLOB, SIGNATURE, TEE_STATUS, attestation, model, reexecution)
                    : List.of(record, BLOB, SIGNATURE, TEE_STATUS, attestation, model, reexecution);
        };
    }
}
