package io.proofdesk.ui.network;

import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.SyncCheckpoint;
import io.proofdesk.domain.Tee;
import io.proofdesk.store.Transaction;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the Network view needs from the store: the registry's TEEs, PCR approvals and the sync checkpoints. */
public record StoreFacts(List<Tee> tees, List<PcrApproval> approvals, Map<String, Long> checkpoints) {

    public static final StoreFacts NONE = new StoreFacts(List.of(), List.of(), Map.of());

    public StoreFacts {
        tees = List.copyOf(tees);
        approvals = List.copyOf(approvals);
        checkpoints = Map.copyOf(checkpoints);
    }

    public static StoreFacts read(Transaction tx) {
        return new StoreFacts(tx.tees().all(), tx.pcrApprovals().all(), tx.checkpoints().all().stream()
                .collect(Collectors.toMap(SyncCheckpoint::source, SyncCheckpoint::lastBlock, Math::max)));
    }

    /**
     * The last block every one of {@code sources} is synced to (the slowest one), or empty before any of them has a
     * checkpoint.
     */
    public Optional<Long> syncedBlock(List<String> sources) {
        Long lowest = null;
        for (String s : sources) {
            Long b = checkpoints.get(s);
            if (b == null) {
                return Optional.empty();
            }
            lowest = lowest == null ? b : Math.min(lowest, b);
        }
        return Optional.ofNullable(lowest);
    }

    public enum PcrStatus { APPROVED, REVOKED, UNKNOWN }

    /** Approved if an approval period of the set is open now, revoked if every period was closed, else unknown. */
    public PcrStatus pcrStatus(String pcrHash) {
        if (pcrHash == null) {
            return PcrStatus.UNKNOWN;
        }
        List<PcrApproval> periods = approvals.stream().filter(a -> a.pcrHash().equalsIgnoreCase(pcrHash)).toList();
        if (periods.isEmpty()) {
            return PcrStatus.UNKNOWN;
        }
        return periods.stream().anyMatch(a -> a.revokedBlock() == null) ? PcrStatus.APPROVED : PcrStatus.REVOKED;
    }
}
