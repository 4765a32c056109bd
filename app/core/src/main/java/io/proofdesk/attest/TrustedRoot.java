package io.proofdesk.attest;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;

/** A root certificate trusted for attestation chains, with the label the user sees next to it. */
public record TrustedRoot(String label, X509Certificate certificate) {

    public TrustedRoot {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** From PEM or DER bytes. */
    public static TrustedRoot of(String label, byte[] pemOrDer) {
        if (pemOrDer == null || pemOrDer.length == 0 || pemOrDer.length > PublicKeys.MAX_KEY_BYTES) {
            throw new KeyFormatException(label, "root certificate is missing or larger than " + PublicKeys.MAX_KEY_BYTES + " bytes");
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pemOrDer));
            return new TrustedRoot(label, cert);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFormatException(label, "not a readable X.509 root certificate: " + e.getMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of the DER certificate (the fingerprint AWS publishes for its root). */
    public String sha256Fingerprint() {
        return fingerprint(certificate);
    }

    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
