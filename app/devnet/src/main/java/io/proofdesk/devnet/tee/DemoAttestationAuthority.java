package io.proofdesk.devnet.tee;

import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.attest.TrustedRoots;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo network's stand-in for AWS's Nitro PKI: a self-signed P-384 root ("Proofdesk demo attestation root"),
 * one intermediate, and short-lived per-node leaf certificates. Trusted only for the demo network, and labelled
 * so wherever it appears. Validity of the CA certificates is fixed (2020 .. 2060) so that, with a seeded random,
 * the whole PKI is reproducible and covers any seeded history.
 */
public final class DemoAttestationAuthority {

    public static final String ROOT_SUBJECT = "CN=Proofdesk demo attestation root,O=Proofdesk demo network";
    public static final String INTERMEDIATE_SUBJECT = "CN=Proofdesk demo attestation intermediate,O=Proofdesk demo network";
    public static final Instant CA_NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant CA_NOT_AFTER = Instant.parse("2060-01-01T00:00:00Z");
    public static final Duration DEFAULT_LEAF_VALIDITY = Duration.ofHours(3);
    static final String CURVE = "secp384r1";
    static final String SIGNATURE = "SHA384withECDSA";

    private final SecureRandom random;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;

    private DemoAttestationAuthority(SecureRandom random) {
        this.random = random;
        this.rootKeys = Certificates.ecKeyPair(CURVE, random);
        this.root = Certificates.build(ROOT_SUBJECT, rootKeys.getPublic(), null, rootKeys.getPrivate(),
                CA_NOT_BEFORE, CA_NOT_AFTER, Certificates.Kind.CA, -1, null, SIGNATURE, random);
        this.intermediateKeys = Certificates.ecKeyPair(CURVE, random);
        this.intermediate = Certificates.build(INTERMEDIATE_SUBJECT, intermediateKeys.getPublic(), root,
                rootKeys.getPrivate(), CA_NOT_BEFORE, CA_NOT_AFTER.minus(Duration.ofDays(1)), Certificates.Kind.CA, 0,
                null, SIGNATURE, random);
    }

    /** A new authority; pass {@link SeededRandom#of(String)} for a reproducible one. */
    public static DemoAttestationAuthority create(SecureRandom random) {
        return new DemoAttestationAuthority(random);
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    /** The cabundle a document carries: root first, then the intermediate (AWS order). */
    public List<X509Certificate> caBundle() {
        return List.of(root, intermediate);
    }

    /** The root as a verifier trusts it, with its demo-only label. */
    public TrustedRoot trustedRoot() {
        return new TrustedRoot(TrustedRoots.DEMO_LABEL, root);
    }

    /** A fresh P-384 leaf for {@code nodeName}, valid from {@code notBefore} for {@code validity}. */
    public LeafCredential issueLeaf(String nodeName, Instant notBefore, Duration validity) {
        return issueLeaf(nodeName, notBefore, validity, Certificates.ecKeyPair(CURVE, random));
    }

    /** A leaf over given keys (tests use this to make a leaf with the wrong kind of key). */
    public LeafCredential issueLeaf(String nodeName, Instant notBefore, Duration validity, KeyPair leafKeys) {
        X509Certificate cert = Certificates.build("CN=" + nodeName.replaceAll("[,=+<>#;\"\\\\]", "_")
                        + ",OU=enclave,O=Proofdesk demo network", leafKeys.getPublic(), intermediate,
                intermediateKeys.getPrivate(), notBefore, notBefore.plus(validity), Certificates.Kind.LEAF, -1, null,
                SIGNATURE, random);
        return new LeafCredential(cert, leafKeys.getPrivate());
    }
}
