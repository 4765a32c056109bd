package io.proofdesk.report.bundle;

import io.proofdesk.verify.VerificationSources;

import java.util.HexFormat;

/**
 * Verification sources that keep what they served, so a bundle holds exactly the evidence its verdict was reached
 * on: the blob, the model file, and the attestation document with the nonce it was asked for.
 */
final class RecordingSources {

    private final VerificationSources delegate;
    volatile byte[] blob;
    volatile byte[] model;
    volatile byte[] attestation;
    volatile String attestationNode;
    volatile String attestationNonce;
    volatile java.time.Instant attestationFetchedAt;

    RecordingSources(VerificationSources delegate) {
        this.delegate = delegate;
    }

    VerificationSources sources(java.time.Clock clock) {
        return new VerificationSources(delegate.chain(),
                id -> blob = delegate.blobs().blob(id),
                cid -> model = delegate.models().model(cid),
                (node, nonce) -> {
                    byte[] doc = delegate.attestations().attestation(node, nonce);
                    attestationNode = node;
                    attestationNonce = HexFormat.of().formatHex(nonce);
                    attestationFetchedAt = clock.instant();
                    attestation = doc;
                    return doc;
                },
                delegate.roots());
    }
}
