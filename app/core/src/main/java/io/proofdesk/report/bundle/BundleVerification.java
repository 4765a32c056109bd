package io.proofdesk.report.bundle;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.VerdictRecord;

import java.util.List;
import java.util.Optional;

/**
 * The offline verdict on a bundle, the verdict its exporter wrote into it (for comparison), who signed it, what its
 * tensor files were checked against, notes for the reader (e.g. which root the attestation was judged against), and
 * the record's evidence level as the exporter's store recorded it ({@code record.json}; TRUSTED, "not recorded", for
 * bundles of format 2 and 1).
 */
public record BundleVerification(VerdictRecord verdict, Optional<VerdictRecord> exporterVerdict,
                                 BundleManifest manifest, Signer signer, TensorBinding tensors, List<String> notes,
                                 Evidence evidence) {

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
}
