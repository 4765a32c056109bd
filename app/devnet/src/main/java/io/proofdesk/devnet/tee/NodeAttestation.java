package io.proofdesk.devnet.tee;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One demo node's attestation endpoint logic: given the caller's nonce and the current time, the document
 * the node serves under its {@link AttestationBehaviour}. Not thread-safe for STALE_REPLAY's first call;
 * callers serialize (the devnet node does, per node).
 */
public final class NodeAttestation {

    /** How far back a replayed document was made. */
    public static final Duration STALE_AGE = Duration.ofDays(2);
    static final byte[] STALE_NONCE = "proofdesk-demo-old-nonce".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final NitroDocumentIssuer issuer;
    private final NitroDocumentRequest template;
    private final AttestationBehaviour behaviour;
    private final DemoMeasurements unapprovedImage;
    private byte[] replayed;

    /**
     * @param template        the node's honest document content (timestamp and nonce are replaced per request)
     * @param unapprovedImage the image measured under UNAPPROVED_PCRS (ignored otherwise)
     */
    public NodeAttestation(NitroDocumentIssuer issuer, NitroDocumentRequest template, AttestationBehaviour behaviour,
                           DemoMeasurements unapprovedImage) {
        this.issuer = issuer;
        this.template = template;
        this.behaviour = Objects.requireNonNull(behaviour);
        this.unapprovedImage = unapprovedImage;
    }

    public AttestationBehaviour behaviour() {
        return behaviour;
    }

    /** Raw CBOR COSE_Sign1. */
    public byte[] document(byte[] nonce, Instant now) {
        return switch (behaviour) {
            case HONEST -> issuer.issue(template.withTimestamp(now).withNonce(nonce));
            case UNAPPROVED_PCRS -> issuer.issue(template.withImage(unapprovedImage).withTimestamp(now).withNonce(nonce));
            case STALE_REPLAY -> {
                if (replayed == null) {
                    replayed = issuer.issue(template.withTimestamp(now.minus(STALE_AGE)).withNonce(STALE_NONCE));
                }
                yield replayed.clone();
            }
        };
    }
}
