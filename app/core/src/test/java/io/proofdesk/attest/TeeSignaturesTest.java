package io.proofdesk.attest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TeeSignaturesTest {

    private static final KeyPair RSA = TestKeys.rsa(2048);
    private static final byte[] IN = filled(0x11);
    private static final byte[] OUT = filled(0x22);
    private static final BigInteger TS = BigInteger.valueOf(1_765_873_226L);

    @Test
    void messageHashIsKeccakOfInputOutputAndUint256Timestamp() {
        byte[] packed = new byte[96];
        System.arraycopy(IN, 0, packed, 0, 32);
        System.arraycopy(OUT, 0, packed, 32, 32);
        byte[] ts = TS.toByteArray();
        System.arraycopy(ts, 0, packed, 96 - ts.length, ts.length);
        assertArrayEquals(TestKeys.keccak(packed), TeeSignatures.settlementMessageHash(IN, OUT, TS));
    }

    @Test
    void keccakOfEmptyInputMatchesTheKnownVector() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                HexFormat.of().formatHex(org.web3j.crypto.Hash.sha3(new byte[0])));
    }

    @Test
    void pssSignatureOverTheMessageHashVerifies() throws Exception {
        byte[] sig = pss(RSA.getPrivate(), TeeSignatures.settlementPss(), TeeSignatures.settlementMessageHash(IN, OUT, TS));
        assertTrue(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, sig).isValid());
    }

    @Test
    void anyChangedFieldOrByteIsInvalid() throws Exception {
        byte[] sig = pss(RSA.getPrivate(), TeeSignatures.settlementPss(), TeeSignatures.settlementMessageHash(IN, OUT, TS));
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS.add(BigInteger.ONE), sig).isValid());
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), OUT, IN, TS, sig).isValid());
        byte[] flipped = sig.clone();
        flipped[100] ^= 0x01;
        SignatureResult r = TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, flipped);
        assertEquals(CryptoCheckStatus.INVALID, r.status());
        assertFalse(r.reason().isBlank());
        assertFalse(TeeSignatures.verifySettlement(TestKeys.rsa(2048).getPublic(), IN, OUT, TS, sig).isValid());
    }

    @Test
    void pkcs1v15SignatureDoesNotVerifyAsPss() throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(RSA.getPrivate());
        s.update(TeeSignatures.settlementMessageHash(IN, OUT, TS));
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, s.sign()).isValid());
    }

    @Test
    void pssWithAnotherSaltLengthIsInvalid() throws Exception {
        PSSParameterSpec salt20 = new PSSParameterSpec("SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 20, 1);
        byte[] sig = pss(RSA.getPrivate(), salt20, TeeSignatures.settlementMessageHash(IN, OUT, TS));
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, sig).isValid());
    }

    @Test
    void signatureOfWrongLengthIsInvalidNotAnError() throws Exception {
        byte[] sig = pss(RSA.getPrivate(), TeeSignatures.settlementPss(), TeeSignatures.settlementMessageHash(IN, OUT, TS));
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, Arrays.copyOf(sig, 255)).isValid());
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, Arrays.copyOf(sig, 257)).isValid());
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, new byte[0]).isValid());
        byte[] allOnes = new byte[256];
        Arrays.fill(allOnes, (byte) 0xff);
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, TS, allOnes).isValid());
    }

    @Test
    void badHashLengthsAndTimestampsAreInvalid() {
        byte[] sig = new byte[256];
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), new byte[31], OUT, TS, sig).isValid());
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, BigInteger.ONE.negate(), sig).isValid());
        assertFalse(TeeSignatures.verifySettlement(RSA.getPublic(), IN, OUT, BigInteger.ONE.shiftLeft(256), sig).isValid());
    }

    @Test
    void ecKeyWhereRsaIsExpectedIsAClearError() {
        WrongKeyTypeException e = assertThrows(WrongKeyTypeException.class, () -> TeeSignatures.verifySettlement(
                TestKeys.ec("secp384r1").getPublic(), IN, OUT, TS, new byte[256]));
        assertTrue(e.getMessage().contains("expected an RSA public key, got EC"), e.getMessage());
    }

    @Test
    void legacyJsonIsByteForBytePythonSortedDumps() {
        // expected text produced by CPython 3: json.dumps({...}, sort_keys=True)
        LegacySignedResponse r = new LegacySignedResponse("stop", "assistant",
                "Hi \uD83D\uDE0A café\n\t\u0001\u007f \"q\" \\ /", "m", "ab", "2025-12-16T08:20:26.491885+00:00");
        String expected = "{\"finish_reason\": \"stop\", \"message\": {\"content\": \"Hi \\ud83d\\ude0a caf\\u00e9\\n\\t"
                + "\\u0001\\u007f \\\"q\\\" \\\\ /\", \"role\": \"assistant\"}, \"model\": \"m\", \"request_hash\": \"ab\", "
                + "\"timestamp\": \"2025-12-16T08:20:26.491885+00:00\"}";
        assertEquals(expected, new String(r.canonicalJson(), StandardCharsets.US_ASCII));
    }

    @Test
    void legacySignatureWithMaximumSaltVerifiesAndShortSaltDoesNot() throws Exception {
        LegacySignedResponse r = new LegacySignedResponse("stop", "assistant", "Hello!", "gpt", "3cd5", "2025-12-16T08:20:26Z");
        PSSParameterSpec max = TeeSignatures.legacyPss((java.security.interfaces.RSAPublicKey) RSA.getPublic());
        assertEquals(256 - 32 - 2, max.getSaltLength());
        byte[] sig = pss(RSA.getPrivate(), max, r.canonicalJson());
        assertTrue(TeeSignatures.verifyLegacy(RSA.getPublic(), r, sig).isValid());
        LegacySignedResponse other = new LegacySignedResponse("stop", "assistant", "Hello?", "gpt", "3cd5", "2025-12-16T08:20:26Z");
        assertFalse(TeeSignatures.verifyLegacy(RSA.getPublic(), other, sig).isValid());
        byte[] salt32 = pss(RSA.getPrivate(), TeeSignatures.settlementPss(), r.canonicalJson());
        assertFalse(TeeSignatures.verifyLegacy(RSA.getPublic(), r, salt32).isValid());
    }

    static byte[] pss(PrivateKey key, PSSParameterSpec spec, byte[] message) throws Exception {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.initSign(key);
        s.setParameter(spec);
        s.update(message);
        return s.sign();
    }

    private static byte[] filled(int b) {
        byte[] a = new byte[32];
        Arrays.fill(a, (byte) b);
        return a;
    }
}
