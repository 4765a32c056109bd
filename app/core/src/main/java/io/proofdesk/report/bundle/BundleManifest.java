package io.proofdesk.report.bundle;

import io.proofdesk.report.ReportAuditor;
import io.proofdesk.report.ReportNetwork;

import java.util.List;

/**
 * {@code manifest.json}: what the bundle holds and how it was made. Every other entry but {@code signature.json} is
 * listed with its SHA-256 and size; an entry not listed, or listed but absent or different, makes the bundle
 * unreadable, so the auditor's signature over these bytes covers every part. {@code auditor} names the signer (null
 * in unsigned bundles of format 1). {@code attestation} records the node, the nonce the exporter asked with and
 * when, so the offline check can judge the document as the exporter did. {@code atol}/{@code rtol} are the exporter's
 * tolerance (null: from each claim's decimals).
 */
public record BundleManifest(String format, String recordId, String createdAt, ReportAuditor auditor,
                             ReportNetwork network, Double atol, Double rtol, Attestation attestation,
                             boolean storedTensors, List<Entry> entries) {

    public BundleManifest {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public record Entry(String path, String sha256, long size) {
    }

    /** The node asked, the nonce (hex) sent, and when the answer came. */
    public record Attestation(String nodeUrl, String nonce, String fetchedAt) {
    }
}
