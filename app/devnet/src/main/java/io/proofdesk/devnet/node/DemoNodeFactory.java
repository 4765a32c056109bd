package io.proofdesk.devnet.node;

import io.proofdesk.devnet.tee.DemoAttestationAuthority;
import io.proofdesk.devnet.tee.DemoMeasurements;
import io.proofdesk.devnet.tee.NitroDocumentIssuer;
import io.proofdesk.devnet.tee.NitroDocumentRequest;
import io.proofdesk.devnet.tee.NodeAttestation;
import io.proofdesk.devnet.tee.NodeTlsCertificate;
import io.proofdesk.devnet.tee.TeeSigner;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes the keys, TLS certificate and attestation endpoint of one demo node from the devnet's seeded randomness, so
 * the same seed gives the same TEE ids. The approved image is what the registry approves; a node with
 * UNAPPROVED_PCR measures as {@code unapprovedImage} instead.
 */
public final class DemoNodeFactory {

    private final DemoAttestationAuthority authority;
    private final SecureRandom random;
    private final DemoMeasurements approvedImage;
    private final DemoMeasurements unapprovedImage;
    private final Instant now;

    public DemoNodeFactory(DemoAttestationAuthority authority, SecureRandom random, DemoMeasurements approvedImage,
                           DemoMeasurements unapprovedImage, Instant now) {
        this.authority = authority;
        this.random = random;
        this.approvedImage = approvedImage;
        this.unapprovedImage = unapprovedImage;
        this.now = now;
    }

    public NodeIdentity identity(String name, NodeBehaviour behaviour) {
        TeeSigner registered = TeeSigner.generate(random);
        TeeSigner signing = behaviour == NodeBehaviour.BAD_SIGNATURE ? TeeSigner.generate(random) : registered;
        NodeTlsCertificate tls = NodeTlsCertificate.selfSigned(name, random, now.minus(Duration.ofDays(1)), Duration.ofDays(365));
        NitroDocumentRequest template = NitroDocumentRequest.forNode("i-0demo" + name + "-enc01", now, approvedImage,
                registered.publicKeyDer(), tls.der(), null);
        NodeAttestation attestation = new NodeAttestation(new NitroDocumentIssuer(authority, random), template,
                behaviour.attestation(), unapprovedImage);
        return new NodeIdentity(name, registered, signing, tls, attestation);
    }

    public DemoMeasurements approvedImage() {
        return approvedImage;
    }

    public DemoMeasurements unapprovedImage() {
        return unapprovedImage;
    }
}
