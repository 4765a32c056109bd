package io.proofdesk.devnet.tee;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** BouncyCastle certificate building shared by the demo authority and the node TLS certificates. */
final class Certificates {

    enum Kind { CA, LEAF, TLS }

    private Certificates() {
    }

    static KeyPair ecKeyPair(String curve, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC " + curve + " is part of every JDK", e);
        }
    }

    /**
     * @param pathLength for CAs: how many CAs may follow below (-1 = unlimited)
     * @param altNames   subjectAltName for TLS certificates, else null
     */
    static X509Certificate build(String subject, PublicKey subjectKey, X509Certificate issuer, PrivateKey issuerKey,
                                 Instant notBefore, Instant notAfter, Kind kind, int pathLength,
                                 GeneralNames altNames, String signatureAlgorithm, SecureRandom random) {
        try {
            // through the JDK's parser so "CN=x,O=y" is encoded most-significant first, as RFC 4514 strings mean
            X500Name subjectName = X500Name.getInstance(new X500Principal(subject).getEncoded());
            X500Name issuerName = issuer == null ? subjectName : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial,
                    Date.from(notBefore), Date.from(notAfter), subjectName, subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuer != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
            }
            switch (kind) {
                case CA -> {
                    b.addExtension(Extension.basicConstraints, true,
                            pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case LEAF -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                }
                case TLS -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    if (altNames != null) {
                        b.addExtension(Extension.subjectAlternativeName, false, altNames);
                    }
                }
            }
            var signer = new JcaContentSignerBuilder(signatureAlgorithm).setSecureRandom(random).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build certificate " + subject, e);
        }
    }
}
