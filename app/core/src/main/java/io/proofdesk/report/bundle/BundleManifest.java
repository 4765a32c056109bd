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
 * tolerance (null: from each claim's decimals). {@code chainProof} (format 4 on; null before) says whether the bundle
 * carries the record's header and inclusion proofs, and if not, why.
 */
public record BundleManifest(String format, String recordId, String createdAt, ReportAuditor auditor,
                             ReportNetwork network, Double atol, Double rtol, Attestation attestation,
                             boolean storedTensors, List<Entry> entries,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             ChainProof chainProof) {

    public BundleManifest {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public record Entry(String path, String sha256, long size) {
    }

    /**
     * The chain proof of the record: the network's header format ({@code ethereum} or {@code cosmos-evm}, from its
     * settings), whether {@code chain/header.rlp} and the receipt and transaction proofs are carried, the best evidence
     * the chain allows ({@code PROVED} or {@code AGREED}), and one sentence saying what was proved or why nothing was.
     */
    public record ChainProof(String headerFormat, boolean carried, String ceiling, String note) {
    }

    /** The node asked, the nonce (hex) sent, and when the answer came. */
    public record Attestation(String nodeUrl, String nonce, String fetchedAt) {
    }
}
