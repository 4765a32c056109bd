package io.proofdesk.report.bundle;

import io.proofdesk.domain.VerdictRecord;

import java.util.List;
import java.util.Optional;

/**
 * The offline verdict on a bundle, the verdict its exporter wrote into it (for comparison), and notes for the reader
 * (e.g. which root the attestation was judged against).
 */
public record BundleVerification(VerdictRecord verdict, Optional<VerdictRecord> exporterVerdict,
                                 BundleManifest manifest, List<String> notes) {

    public BundleVerification {
        notes = List.copyOf(notes);
    }
}
