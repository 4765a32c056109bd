package io.proofdesk.verify;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.store.Transaction;

import java.util.List;
import java.util.Optional;

/**
 * What the local store knows about one record, read in one snapshot before any check runs: the record, its TEE's
 * row and registry history up to the record's block, whether the TEE's PCR set was approved then and is now, and
 * the registered files of the record's model CID.
 *
 * @param pcrHashAtBlock the PCR hash the TEE registered with (its REGISTERED event, else its row); null if unknown
 */
public record StoredFacts(Inference inference, Optional<Tee> tee, List<TeeEvent> teeHistory, String pcrHashAtBlock,
                          Optional<PcrApproval> approvalAtBlock, Optional<PcrApproval> approvalNow,
                          List<ModelFile> modelFiles) {

    public StoredFacts {
        teeHistory = List.copyOf(teeHistory);
        modelFiles = List.copyOf(modelFiles);
    }

    /** Reads the facts of {@code id}; empty if the store has no such record. */
    public static Optional<StoredFacts> load(Transaction tx, RecordId id) {
        return tx.loadInference(id).map(inference -> load(tx, inference));
    }

    static StoredFacts load(Transaction tx, Inference inference) {
        Optional<Tee> tee = Optional.empty();
        List<TeeEvent> history = List.of();
        String pcrHash = null;
        Optional<PcrApproval> atBlock = Optional.empty();
        Optional<PcrApproval> now = Optional.empty();
        if (inference.teeId() != null) {
            tee = tx.tees().find(inference.teeId());
            history = tx.teeEvents().forTee(inference.teeId(), inference.blockNumber());
            pcrHash = history.stream().filter(e -> e.kind() == TeeEventKind.REGISTERED && e.pcrHash() != null)
                    .reduce((a, b) -> b).map(TeeEvent::pcrHash).orElse(tee.map(Tee::pcrHash).orElse(null));
            if (pcrHash != null) {
                atBlock = tx.pcrApprovals().approvedAt(pcrHash, inference.blockNumber());
            }
            String currentPcr = tee.map(Tee::pcrHash).orElse(null);
            if (currentPcr != null) {
                now = tx.pcrApprovals().approvedAt(currentPcr, Long.MAX_VALUE - 1);
            }
        }
        return new StoredFacts(inference, tee, history, pcrHash, atBlock, now, tx.modelFiles().byCid(inference.model()));
    }
}
