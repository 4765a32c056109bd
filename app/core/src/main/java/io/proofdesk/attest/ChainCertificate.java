package io.proofdesk.attest;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** One certificate of an attestation chain, as shown to the user. */
public record ChainCertificate(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256) {

    static ChainCertificate of(X509Certificate cert) {
        return new ChainCertificate(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), TrustedRoot.fingerprint(cert));
    }
}
