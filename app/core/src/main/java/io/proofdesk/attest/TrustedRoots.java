package io.proofdesk.attest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The set of roots an attestation chain may end in. Real networks: the AWS Nitro root only. */
public final class TrustedRoots {

    public static final String AWS_NITRO_LABEL = "AWS Nitro Enclaves root";
    public static final String DEMO_LABEL = "Proofdesk demo attestation root — trusted only for the demo network";
    /** SHA-256 of AWS_NitroEnclaves_Root-G1 (CN=aws.nitro-enclaves, 2019-10-28 .. 2049-10-28), as AWS publishes it. */
    public static final String AWS_NITRO_ROOT_SHA256 = "641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b";
    private static final String AWS_NITRO_RESOURCE = "aws-nitro-enclaves-root-g1.pem";

    private final List<TrustedRoot> roots;

    private TrustedRoots(List<TrustedRoot> roots) {
        this.roots = List.copyOf(roots);
    }

    public static TrustedRoots of(TrustedRoot... roots) {
        return new TrustedRoots(Arrays.asList(roots));
    }

    public static TrustedRoots of(List<TrustedRoot> roots) {
        return new TrustedRoots(roots);
    }

    /** Only the AWS Nitro Enclaves root: the default for real networks. */
    public static TrustedRoots awsNitro() {
        return of(awsNitroRoot());
    }

    /** The embedded AWS root, refused if its bytes do not hash to the published fingerprint. */
    public static TrustedRoot awsNitroRoot() {
        try (InputStream in = TrustedRoots.class.getResourceAsStream(AWS_NITRO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + AWS_NITRO_RESOURCE);
            }
            TrustedRoot root = TrustedRoot.of(AWS_NITRO_LABEL, in.readNBytes(PublicKeys.MAX_KEY_BYTES));
            if (!root.sha256Fingerprint().equals(AWS_NITRO_ROOT_SHA256)) {
                throw new IllegalStateException("embedded AWS Nitro root does not match its published fingerprint");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TrustedRoots with(TrustedRoot root) {
        List<TrustedRoot> more = new ArrayList<>(roots);
        more.add(root);
        return new TrustedRoots(more);
    }

    public List<TrustedRoot> roots() {
        return roots;
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** The trusted root whose certificate is byte-identical to {@code cert}. */
    public Optional<TrustedRoot> find(X509Certificate cert) {
        return roots.stream().filter(r -> r.certificate().equals(cert)).findFirst();
    }
}
