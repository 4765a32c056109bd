package io.proofdesk.report;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * X.509 certificates for the auditor's Ed25519 key, which PDF readers need to show a signature: a self-signed
 * certificate of the key ({@value #FILE} beside the key files; hand it out with the public key), and the certificate
 * it issues to the one-time ECDSA key that signs one PDF (see {@link PdfReportSigner} for why a second key).
 */
public final class AuditorCertificate {

    public static final String FILE = "auditor-key.crt.pem";
    static final String ORGANIZATION = "Proofdesk";
    private static final Duration VALIDITY = Duration.ofDays(30 * 365 + 7);
    private static final int MAX_FILE_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuditorCertificate() {
    }

    /** "Proofdesk auditor " and the first 16 hex digits of the key's fingerprint: the name readers show. */
    static String commonName(PublicKey auditor) {
        return "Proofdesk auditor " + AuditorKey.fingerprint(auditor).substring(0, 16);
    }

    /** A self-signed CA certificate of the auditor key, valid for 30 years from {@code notBefore}. */
    static X509Certificate selfSigned(AuditorKey key, Instant notBefore) {
        X500Name name = name(commonName(key.publicKey()), "auditor key (Ed25519)");
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(from.plus(VALIDITY)), name, key.publicKey())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.publicKey()));
            return build(b, key);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot make the auditor certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The certificate the auditor key issues to the one-time key that signs the PDF of report {@code reportSha256}:
     * valid from a minute before {@code signedAt} until the auditor certificate ends, for signatures only.
     */
    static X509Certificate issueOneTime(AuditorKey key, X509Certificate auditor, PublicKey oneTime, Instant signedAt,
                                        String reportSha256) {
        X500Name subject = name(commonName(key.publicKey()), "one-time key for report " + reportSha256.substring(0, 16));
        Instant from = signedAt.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(X500Name.getInstance(
                    auditor.getSubjectX500Principal().getEncoded()), serial(), Date.from(from), auditor.getNotAfter(),
                    subject, oneTime)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(oneTime))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(auditor));
            return build(b, key);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot certify the PDF signing key: " + e.getMessage(), e);
        }
    }

    /** The certificate in {@code dataDir}, created there if missing (existing keys gain one on first use). */
    static X509Certificate loadOrCreate(Path dataDir, AuditorKey key) {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return read(file, key);
        }
        X509Certificate cert = selfSigned(key, Instant.now());
        try {
            AuditorKey.writeAtomically(file, pem(cert), false);
        } catch (FileAlreadyExistsException e) {
            return read(file, key);
        } catch (IOException e) {
            throw new AuditorKeyException(file, "cannot write the auditor certificate: " + e.getMessage(), e);
        }
        return cert;
    }

    /** Reads a certificate file and checks that it certifies {@code key}. */
    static X509Certificate read(Path file, AuditorKey key) {
        X509Certificate cert;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new AuditorKeyException(file, "larger than " + MAX_FILE_BYTES + " bytes");
            }
            try (PemReader r = new PemReader(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
                PemObject o = r.readPemObject();
                if (o == null || !"CERTIFICATE".equals(o.getType())) {
                    throw new AuditorKeyException(file, "expected a PEM block \"CERTIFICATE\"");
                }
                cert = parse(o.getContent());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new AuditorKeyException(file, "not an X.509 certificate: " + e.getMessage(), e);
        }
        if (!MessageDigest.isEqual(cert.getPublicKey().getEncoded(), key.publicKeyDer())) {
            throw new AuditorKeyException(file, "this certificate is for another key than the auditor key "
                    + key.fingerprint() + "; delete it and Proofdesk makes a new one");
        }
        return cert;
    }

    static X509Certificate parse(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static String pem(X509Certificate cert) {
        StringWriter w = new StringWriter();
        try (PemWriter pw = new PemWriter(w)) {
            pw.writeObject(new PemObject("CERTIFICATE", cert.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static X500Name name(String commonName, String unit) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.OU, unit)
                .addRDN(BCStyle.O, ORGANIZATION).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate build(X509v3CertificateBuilder b, AuditorKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(AuditorKey.ALGORITHM).build(key.privateKey())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }
}
