package io.proofdesk.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auditor key's X.509 certificate beside it, and the certificates it issues to one-time PDF signing keys. */
class AuditorCertificateTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("loadOrCreate writes auditor-key.crt.pem once: a self-signed CA certificate of the auditor key, read back the same")
    void storedBesideTheKey() throws Exception {
        AuditorKey key = AuditorKey.loadOrCreate(dir);
        Path file = dir.resolve(AuditorCertificate.FILE);
        assertTrue(Files.isRegularFile(file));
        X509Certificate cert = key.certificate();
        assertArrayEquals(key.publicKeyDer(), cert.getPublicKey().getEncoded());
        cert.verify(key.publicKey());
        assertEquals(0, cert.getBasicConstraints(), "a CA that issues only end certificates");
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=Proofdesk auditor "
                + key.fingerprint().substring(0, 16)), cert.getSubjectX500Principal().getName());
        assertArrayEquals(cert.getEncoded(), AuditorKey.loadOrCreate(dir).certificate().getEncoded());
        assertArrayEquals(cert.getEncoded(), AuditorKey.load(dir.resolve(AuditorKey.PRIVATE_FILE)).certificate().getEncoded());
    }

    @Test
    @DisplayName("an existing key without a certificate gains one; a certificate of another key is refused, saying so")
    void existingKeysAndForeignCertificates() throws Exception {
        AuditorKey key = AuditorKey.loadOrCreate(dir);
        Files.delete(dir.resolve(AuditorCertificate.FILE));
        AuditorKey again = AuditorKey.loadOrCreate(dir);
        assertArrayEquals(key.publicKeyDer(), again.certificate().getPublicKey().getEncoded());

        Files.writeString(dir.resolve(AuditorCertificate.FILE), AuditorCertificate.pem(AuditorKey.generate().certificate()));
        AuditorKeyException e = assertThrows(AuditorKeyException.class, () -> AuditorKey.loadOrCreate(dir));
        assertTrue(e.getMessage().contains("this certificate is for another key than the auditor key " + key.fingerprint()),
                e.getMessage());
    }

    @Test
    @DisplayName("a one-time key's certificate is issued by the auditor certificate, for signatures only, and verifies under the auditor key alone")
    void oneTimeCertificate() throws Exception {
        AuditorKey key = AuditorKey.generate();
        X509Certificate auditor = key.certificate();
        PublicKey oneTime = ecKey();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        X509Certificate cert = AuditorCertificate.issueOneTime(key, auditor, oneTime, at, "ab".repeat(32));
        cert.verify(key.publicKey());
        assertThrows(GeneralSecurityException.class, () -> cert.verify(AuditorKey.generate().publicKey()));
        assertEquals(auditor.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertArrayEquals(oneTime.getEncoded(), cert.getPublicKey().getEncoded());
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertTrue(cert.getKeyUsage()[0] && cert.getKeyUsage()[1] && !cert.getKeyUsage()[5], "signing, not certifying");
        cert.checkValidity(java.util.Date.from(at));
        assertTrue(cert.getSubjectX500Principal().getName().contains("OU=one-time key for report abababababababab"),
                cert.getSubjectX500Principal().getName());
    }

    private static PublicKey ecKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(PdfReportSigner.CURVE));
        return g.generateKeyPair().getPublic();
    }
}
