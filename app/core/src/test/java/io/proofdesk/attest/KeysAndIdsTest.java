package io.proofdesk.attest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeysAndIdsTest {

    private static final KeyPair RSA = TestKeys.rsa(2048);

    @Test
    void teeIdIsKeccakOfTheDerSubjectPublicKeyInfo() {
        byte[] der = RSA.getPublic().getEncoded();
        TeeId id = TeeId.of(der);
        assertArrayEquals(TestKeys.keccak(der), id.bytes());
        assertEquals("0x" + HexFormat.of().formatHex(TestKeys.keccak(der)), id.hex());
        assertEquals(id, TeeId.fromHex(id.hex().toUpperCase().replace("0X", "0x")));
        assertTrue(id.matches(der));
    }

    @Test
    void pemAndDerGiveTheSameKeyAndTeeId() {
        String pem = PublicKeys.toPem(RSA.getPublic());
        byte[] fromPem = PublicKeys.spkiDer(pem.getBytes(StandardCharsets.US_ASCII), "test.pem");
        assertArrayEquals(RSA.getPublic().getEncoded(), fromPem);
        assertEquals(RSA.getPublic(), PublicKeys.parseRsa(RSA.getPublic().getEncoded(), "test.der"));
    }

    @Test
    void unreadableKeysAreClearErrorsNamingTheirSource() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> PublicKeys.parse("hello".getBytes(StandardCharsets.US_ASCII), "node /signing-key"));
        assertTrue(e.getMessage().startsWith("node /signing-key: "), e.getMessage());
        assertThrows(KeyFormatException.class, () -> PublicKeys.parse(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, "x"));
        assertThrows(KeyFormatException.class, () -> PublicKeys.parse(new byte[PublicKeys.MAX_KEY_BYTES + 1], "x"));
        assertThrows(KeyFormatException.class, () -> PublicKeys.parse(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII), "x"));
        assertThrows(WrongKeyTypeException.class, () -> PublicKeys.parseRsa(TestKeys.ec("secp256r1").getPublic().getEncoded(), "x"));
        assertThrows(IllegalArgumentException.class, () -> TeeId.fromHex("0x1234"));
    }

    @Test
    void userDataBindsExactlyTheKeyAndTlsCertificateItWasMadeFor() {
        byte[] key = RSA.getPublic().getEncoded();
        byte[] tls = "tls-certificate-der".getBytes(StandardCharsets.US_ASCII);
        byte[] userData = UserDataBinding.of(tls, key).encode();
        assertEquals(68, userData.length);
        assertEquals(0x12, userData[0]);
        assertEquals(0x20, userData[35]);
        assertArrayEquals(UserDataBinding.sha256(key), java.util.Arrays.copyOfRange(userData, 36, 68));
        UserDataBinding b = UserDataBinding.parse(userData).orElseThrow();
        assertTrue(b.bindsKey(key));
        assertTrue(b.bindsTlsCertificate(tls));
        assertTrue(!b.bindsKey(TestKeys.rsa(2048).getPublic().getEncoded()));
        assertTrue(!b.bindsTlsCertificate(key));
        byte[] wrongPrefix = userData.clone();
        wrongPrefix[34] = 0x13;
        assertTrue(UserDataBinding.parse(wrongPrefix).isEmpty());
        assertTrue(UserDataBinding.parse(java.util.Arrays.copyOf(userData, 67)).isEmpty());
        assertTrue(UserDataBinding.parse(null).isEmpty());
    }

    @Test
    void pcrHashIsKeccakOfTheConcatenatedPcrs() {
        byte[] p0 = new byte[48];
        byte[] p1 = new byte[48];
        byte[] p2 = new byte[48];
        p1[0] = 1;
        p2[47] = 2;
        byte[] all = new byte[144];
        all[48] = 1;
        all[143] = 2;
        assertArrayEquals(TestKeys.keccak(all), PcrHash.of(p0, p1, p2));
    }
}
