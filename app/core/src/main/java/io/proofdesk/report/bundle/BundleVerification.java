package io.proofdesk.report.bundle;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.VerdictRecord;

import java.util.List;
import java.util.Optional;

/**
 * The offline verdict on a bundle, the verdict its exporter wrote into it (for comparison), who signed it, what its
 * tensor files were checked against, notes for the reader (e.g. which root the attestation was judged against), and
 * the record's evidence level: PROVED when the bundle's chain proof holds offline ({@code proof}), else as the
 * exporter's store recorded it ({@code record.json}; TRUSTED, "not recorded", for bundles of format 2 and 1), which
 * {@code recordedEvidence} always holds.
 */
public record BundleVerification(VerdictRecord verdict, Optional<VerdictRecord> exporterVerdict,
                                 BundleManifest manifest, Signer signer, TensorBinding tensors, List<String> notes,
                                 Evidence evidence, Evidence recordedEvidence, ChainProof proof) {

    public BundleVerification {
        notes = List.copyOf(notes);
    }

    /**
     * The signer's key fingerprint (null: unsigned), and whether it was compared with a key the reader gave. A signer
     * that was compared and differs never gets here: the bundle is refused.
     */
    public record Signer(String fingerprint, boolean comparedWithKey) {
        public static final Signer UNSIGNED = new Signer(null, false);

        public boolean signed() {
            return fingerprint != null;
        }
    }

    /**
     * What the tensor files were checked against. {@code checked}: every file equals the settled source decoded the
     * way the sync and the verifier decode it ({@code description} names the source). Not checked: the bundle lacks the
     * source, so the files were not used ({@code description} says why).
     */
    public record TensorBinding(boolean checked, String description) {
    }

    /**
     * What the bundle's chain proof came to offline. {@code reason} is one sentence (what was proved against which
     * header and how it links to the reader's checkpoints, or what failed and in which part); {@code blockHash} is the
     * proved header's hash (null unless it hashed); {@code checkpoint} the reader's checkpoint it is linked to or
     * contradicts.
     */
    public record ChainProof(Status status, long block, String blockHash, io.proofdesk.chain.proof.Checkpoint checkpoint,
                             String reason) {

        public enum Status {
            /** The bundle carries no proof (format 3 and older, a cosmos-evm chain, a source without blocks). */
            NOT_CARRIED,
            /** Receipt and transaction proved against the header; no checkpoint given. */
            PROVED,
            /** As PROVED, and the header is the one at a checkpoint the reader gave. */
            LINKED,
            /** As PROVED, but no checkpoint the reader gave can be reached from the bundle's header. */
            CHECKPOINT_UNREACHABLE,
            /** The reader's checkpoint at the header's height names another block. */
            CHECKPOINT_MISMATCH,
            /** A proof, the header, or their tie to the record does not hold. */
            FAILED
        }

        static ChainProof notCarried(String why) {
            return new ChainProof(Status.NOT_CARRIED, -1, null, null, why);
        }

        /** Whether the receipt and transaction were proved against the header (linked or not). */
        public boolean proved() {
            return status == Status.PROVED || status == Status.LINKED || status == Status.CHECKPOINT_UNREACHABLE;
        }
    }
}
