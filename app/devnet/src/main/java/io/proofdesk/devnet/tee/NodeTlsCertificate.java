package io.proofdesk.devnet.tee;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** A node's self-signed TLS certificate (P-256); the attestation's user_data binds SHA-256 of its DER. */
public record NodeTlsCertificate(X509Certificate certificate, PrivateKey privateKey) {

    public static NodeTlsCertificate selfSigned(String nodeName, SecureRandom random, Instant notBefore, Duration validity) {
        KeyPair keys = Certificates.ecKeyPair("secp256r1", random);
        GeneralNames names = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
        X509Certificate cert = Certificates.build("CN=" + nodeName.replaceAll("[,=+<>#;\"\\\\]", "_")
                        + ",O=Proofdesk demo network", keys.getPublic(), null, keys.getPrivate(), notBefore,
                notBefore.plus(validity), Certificates.Kind.TLS, -1, names, "SHA256withECDSA", random);
        return new NodeTlsCertificate(cert, keys.getPrivate());
    }

    public byte[] der() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
