package io.proofdesk.chain.sync;

import io.proofdesk.attest.BatchLeafLayout;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static io.proofdesk.chain.sync.ChunkReader.UNKNOWN_MODEL;
import static io.proofdesk.chain.sync.ChunkReader.hex;

/**
 * The records of a batch whose blob is a bare tree dump (no records, as the facilitator publishes it): one per leaf,
 * read in the layout the dump's {@code leafEncoding} names ({@link BatchLeafLayout}). A layout without TEE id,
 * signature or timestamp leaves those out and says so; a leaf encoding the facilitator never used makes each leaf a
 * record that says it is not understood, never a guess.
 */
final class BatchLeafRecords {

    static final String HASHES_ONLY = "the batch blob holds only hashes (no records), so there are no tensors to "
            + "re-execute";

    private BatchLeafRecords() {
    }

    static List<BuiltRecord> of(StandardMerkleTree tree, String tx, long index, long blockNumber, String root,
                                String blobId, UnaryOperator<String> endpointOf) {
        Optional<BatchLeafLayout> layout = BatchLeafLayout.of(tree.leafEncoding());
        List<BuiltRecord> out = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            RecordId id = RecordId.leaf(tx, index, i);
            BatchLeafLayout.Fields f;
            try {
                f = layout.orElseThrow(() -> new IllegalArgumentException("leaf encoding " + tree.leafEncoding()
                        + " is none the facilitator has used")).read(tree.value(i));
            } catch (IllegalArgumentException ex) {
                out.add(new BuiltRecord(new Inference(id, InferenceMode.TEE, UNKNOWN_MODEL, null, null, null,
                        SettlementKind.BATCH, blockNumber, Instant.EPOCH, null, null, null, null, blobId, root,
                        List.of(), List.of(), List.of(), null), List.of("leaf " + i
                        + " of the batch is not a TEE settlement leaf: " + ex.getMessage())));
                continue;
            }
            List<String> problems = new ArrayList<>();
            problems.add(HASHES_ONLY);
            String teeId = f.teeId() == null ? null : hex(f.teeId());
            Instant time;
            if (f.timestamp() == null) {
                problems.add("the leaf layout " + tree.leafEncoding() + " holds no TEE id, signature or timestamp"
                        + (f.signatureHash() == null ? "" : " (only the signature's hash " + hex(f.signatureHash())
                        + ")") + ": the signer cannot be checked; time stored as 1970-01-01");
                time = Instant.EPOCH;
            } else {
                time = SettledRecordBuilder.settledTime(f.timestamp(), problems);
            }
            out.add(new BuiltRecord(new Inference(id, InferenceMode.TEE, UNKNOWN_MODEL, null, teeId,
                    teeId == null ? null : endpointOf.apply(teeId), SettlementKind.BATCH, blockNumber, time, null,
                    hex(f.inputHash()), hex(f.outputHash()), f.signature() == null ? null : Bytes.of(f.signature()),
                    blobId, root, SettledRecordBuilder.proofHex(tree.proof(i)), List.of(), List.of(), null),
                    problems));
        }
        return out;
    }
}
