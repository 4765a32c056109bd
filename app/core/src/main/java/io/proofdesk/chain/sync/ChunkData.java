package io.proofdesk.chain.sync;

import io.proofdesk.chain.BlockRange;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.UnknownEvent;

import java.util.List;
import java.util.Map;

/**
 * Everything learnt from one block range, ready to be written in one store transaction together with the checkpoint
 * {@code end}. {@code registryOps} are the registry's approvals and revocations in log order. {@code unknownEvents}:
 * logs of a watched inference contract whose event version is not known, kept raw. {@code unusedLogs}: logs of the
 * registry or relay the sync does not keep (known events it has no use for).
 */
record ChunkData(BlockRange range, BlockRef end, int logs, List<Inference> inferences, Map<RecordId, String> notes,
                 List<TeeEvent> teeEvents, List<RegistryOp> registryOps, List<Tee> tees, List<BlockRef> blocks,
                 Map<String, byte[]> blobs, int blobsFailed, List<UnknownEvent> unknownEvents, int unusedLogs) {

    /** A change to PCR approvals, applied in the order the registry logged it. */
    sealed interface RegistryOp {
        record Approve(String pcrHash, int teeType, String version, long block) implements RegistryOp {
        }

        record Revoke(String pcrHash, long block) implements RegistryOp {
        }
    }
}
