package io.proofdesk.devnet.tee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.attest.LegacySignedResponse;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSignatures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TeeSignerTest {

    private static final byte[] IN = sha256("input");
    private static final byte[] OUT = sha256("output");
    private static final BigInteger TS = BigInteger.valueOf(1_795_000_000L);

    @Test
    void settlementSignatureVerifiesUnderTheSignersKeyOnly() {
        TeeSigner signer = TeeSigner.generate(SeededRandom.of("signer-a"));
        byte[] sig = signer.signSettlement(IN, OUT, TS);
        assertEquals(256, sig.length);
        assertTrue(TeeSignatures.verifySettlement(signer.publicKey(), IN, OUT, TS, sig).isValid());
        assertFalse(TeeSignatures.verifySettlement(signer.publicKey(), IN, OUT, TS.add(BigInteger.ONE), sig).isValid());
        TeeSigner other = TeeSigner.generate(SeededRandom.of("signer-b"));
        assertFalse(TeeSignatures.verifySettlement(other.publicKey(), IN, OUT, TS, sig).isValid());
    }

    @Test
    void legacySignatureRoundTrips() {
        TeeSigner signer = TeeSigner.generate(SeededRandom.of("signer-a"));
        LegacySignedResponse r = new LegacySignedResponse("stop", "assistant", "Bonjour ☺", "demo-model",
                "3cd5e62557ea16dc77aef5c2c66188d180be259ac00f482de19896e78ebbf429", "2026-11-25T12:00:00+00:00");
        assertTrue(TeeSignatures.verifyLegacy(signer.publicKey(), r, signer.signLegacy(r)).isValid());
        assertFalse(TeeSignatures.verifySettlement(signer.publicKey(), IN, OUT, TS, signer.signLegacy(r)).isValid());
    }

    @Test
    void seededGenerationGivesTheSameKeyAndTeeIdEveryStart() {
        TeeSigner a = TeeSigner.generate(SeededRandom.of("node-7"));
        TeeSigner b = TeeSigner.generate(SeededRandom.of("node-7"));
        assertArrayEquals(a.publicKeyDer(), b.publicKeyDer());
        assertEquals(a.teeId(), b.teeId());
        assertEquals(2048, a.publicKey().getModulus().bitLength());
        assertEquals(BigInteger.valueOf(65537), a.publicKey().getPublicExponent());
        assertEquals(TeeId.of(PublicKeys.spkiDer(a.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "pem")), a.teeId());
        assertFalse(Arrays.equals(a.publicKeyDer(), TeeSigner.generate(SeededRandom.of("node-8")).publicKeyDer()));
    }

    @Test
    void seededAuthorityIsReproducible() throws Exception {
        DemoAttestationAuthority a = DemoAttestationAuthority.create(SeededRandom.of("pki"));
        DemoAttestationAuthority b = DemoAttestationAuthority.create(SeededRandom.of("pki"));
        assertArrayEquals(a.root().getEncoded(), b.root().getEncoded());
        assertArrayEquals(a.intermediate().getEncoded(), b.intermediate().getEncoded());
        assertEquals(Integer.MAX_VALUE, a.root().getBasicConstraints(), "root: CA without a path length limit");
        assertEquals(0, a.intermediate().getBasicConstraints());
        LeafCredential leaf = a.issueLeaf("n", Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(3));
        assertEquals(-1, leaf.certificate().getBasicConstraints());
        assertEquals(Duration.ofHours(3), Duration.between(leaf.certificate().getNotBefore().toInstant(),
                leaf.certificate().getNotAfter().toInstant()));
    }

    @Test
    void tlsCertificateIsSelfSignedForLocalhost() throws Exception {
        NodeTlsCertificate tls = NodeTlsCertificate.selfSigned("node-1", SeededRandom.of("tls"),
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
        tls.certificate().verify(tls.certificate().getPublicKey());
        assertTrue(tls.certificate().getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
