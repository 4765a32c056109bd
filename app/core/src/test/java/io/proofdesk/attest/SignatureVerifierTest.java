package io.proofdesk.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final byte[] MESSAGE = "proofdesk".getBytes(StandardCharsets.US_ASCII);
    private static final KeyPair P384 = TestKeys.ec("secp384r1");

    @Test
    void rsaPssOverTheMessageVerifiesFromPem() throws Exception {
        KeyPair rsa = TestKeys.rsa(2048);
        byte[] sig = TeeSignaturesTest.pss(rsa.getPrivate(), TeeSignatures.settlementPss(), MESSAGE);
        byte[] pem = PublicKeys.toPem(rsa.getPublic()).getBytes(StandardCharsets.US_ASCII);
        assertTrue(SignatureVerifier.verify(SignatureScheme.fromCliName("rsa-pss-sha256"), pem, MESSAGE, sig).isValid());
        assertFalse(SignatureVerifier.verify(SignatureScheme.RSA_PSS_SHA256, pem, "other".getBytes(StandardCharsets.US_ASCII), sig).isValid());
    }

    @Test
    void es384RawSignatureVerifiesAndDerEncodingDoesNot() throws Exception {
        Signature raw = Signature.getInstance("SHA384withECDSAinP1363Format");
        raw.initSign(P384.getPrivate());
        raw.update(MESSAGE);
        byte[] sig = raw.sign();
        assertEquals(96, sig.length);
        byte[] der = P384.getPublic().getEncoded();
        assertTrue(SignatureVerifier.verify(SignatureScheme.ES384, der, MESSAGE, sig).isValid());

        Signature asn1 = Signature.getInstance("SHA384withECDSA");
        asn1.initSign(P384.getPrivate());
        asn1.update(MESSAGE);
        assertFalse(SignatureVerifier.verify(SignatureScheme.ES384, der, MESSAGE, asn1.sign()).isValid());

        byte[] flipped = sig.clone();
        flipped[10] ^= 1;
        assertFalse(SignatureVerifier.verify(SignatureScheme.ES384, der, MESSAGE, flipped).isValid());
    }

    @Test
    void es384OutOfRangeScalarsAreInvalid() {
        byte[] der = P384.getPublic().getEncoded();
        byte[] zeroR = new byte[96];
        zeroR[95] = 1;
        SignatureResult r = SignatureVerifier.verify(SignatureScheme.ES384, der, MESSAGE, zeroR);
        assertFalse(r.isValid());
        assertTrue(r.reason().contains("outside"), r.reason());
        BigInteger n = ((ECPublicKey) P384.getPublic()).getParams().getOrder();
        byte[] bigR = new byte[96];
        byte[] nBytes = org.web3j.utils.Numeric.toBytesPadded(n, 48);
        System.arraycopy(nBytes, 0, bigR, 0, 48);
        bigR[95] = 1;
        assertFalse(SignatureVerifier.verify(SignatureScheme.ES384, der, MESSAGE, bigR).isValid());
        assertFalse(SignatureVerifier.verify(SignatureScheme.ES384, der, MESSAGE, Arrays.copyOf(bigR, 95)).isValid());
    }

    @Test
    void keyOfTheWrongKindForTheSchemeIsAClearError() {
        assertThrows(WrongKeyTypeException.class, () -> SignatureVerifier.verify(SignatureScheme.ES384,
                TestKeys.ec("secp256r1").getPublic().getEncoded(), MESSAGE, new byte[96]));
        assertThrows(WrongKeyTypeException.class, () -> SignatureVerifier.verify(SignatureScheme.RSA_PSS_SHA256,
                P384.getPublic().getEncoded(), MESSAGE, new byte[256]));
        assertThrows(KeyFormatException.class, () -> SignatureVerifier.verify(SignatureScheme.ES384,
                "nope".getBytes(StandardCharsets.US_ASCII), MESSAGE, new byte[96]));
        assertThrows(IllegalArgumentException.class, () -> SignatureScheme.fromCliName("rsa-pkcs1"));
    }
}
