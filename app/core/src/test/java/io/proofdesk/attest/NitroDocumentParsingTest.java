package io.proofdesk.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Hostile-input behaviour of the parser and verifier that needs no issuer (round trips live in the devnet module). */
class NitroDocumentParsingTest {

    private final NitroAttestationVerifier verifier = new NitroAttestationVerifier(TrustedRoots.awsNitro());

    @Test
    void embeddedAwsRootIsTheOneAwsPublishes() {
        TrustedRoot root = TrustedRoots.awsNitroRoot();
        assertEquals(TrustedRoots.AWS_NITRO_ROOT_SHA256, root.sha256Fingerprint());
        assertEquals("CN=aws.nitro-enclaves,OU=AWS,O=Amazon,C=US", root.certificate().getSubjectX500Principal().getName());
        assertEquals(Instant.parse("2019-10-28T13:28:05Z"), root.certificate().getNotBefore().toInstant());
        assertEquals(Instant.parse("2049-10-28T14:28:05Z"), root.certificate().getNotAfter().toInstant());
        assertEquals(TrustedRoots.AWS_NITRO_LABEL, root.label());
    }

    @Test
    void garbageIsInvalidWithAReasonNeverAnException() {
        for (byte[] input : new byte[][] {
                {}, {(byte) 0x84}, {(byte) 0xd2, (byte) 0x84, 0x40, (byte) 0xa0, 0x40},
                "not base64 at all !!".getBytes(StandardCharsets.US_ASCII),
                "hEShATgioFkR5qlpbW9k".getBytes(StandardCharsets.US_ASCII),
                "hEShATgioFkR5qlpbW9kd".getBytes(StandardCharsets.US_ASCII),
                {(byte) 0x83, 0x40, (byte) 0xa0, 0x40},
                {(byte) 0xd9, 0x01, 0x00, (byte) 0x84, 0x40, (byte) 0xa0, 0x40, 0x40},
                {(byte) 0x84, 0x40, (byte) 0xa0, 0x40, 0x40, 0x00}}) {
            NitroAttestationResult check = verifier.verify(input);
            assertEquals(CryptoCheckStatus.INVALID, check.status());
            assertFalse(check.reasons().isEmpty());
            assertTrue(check.reasons().getFirst().startsWith("malformed attestation document"), check.reasons().toString());
        }
    }

    @Test
    void byteStringClaimingGigabytesDoesNotAllocateThem() {
        // [h'', {}, bstr of claimed length 2^32-1 with 3 bytes present]
        byte[] input = {(byte) 0x84, 0x40, (byte) 0xa0, 0x5a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3};
        NitroAttestationResult check = verifier.verify(input);
        assertEquals(CryptoCheckStatus.INVALID, check.status());
        byte[] eightByteLength = {(byte) 0x84, 0x40, (byte) 0xa0, 0x5b, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
        assertEquals(CryptoCheckStatus.INVALID, verifier.verify(eightByteLength).status());
    }

    @Test
    void deeplyNestedCborIsRefused() {
        byte[] input = new byte[200];
        input[0] = (byte) 0x84;
        java.util.Arrays.fill(input, 1, 200, (byte) 0x81);
        assertEquals(CryptoCheckStatus.INVALID, verifier.verify(input).status());
    }

    @Test
    void oversizedDocumentsAreRefusedBeforeParsing() {
        byte[] big = new byte[NitroAttestationDocument.MAX_DOCUMENT_BYTES + 1];
        big[0] = (byte) 0x84;
        NitroAttestationResult check = verifier.verify(big);
        assertTrue(check.reasons().getFirst().contains("more than"), check.reasons().toString());
        String bigText = Base64.getEncoder().encodeToString(new byte[NitroAttestationDocument.MAX_BASE64_CHARS]);
        assertEquals(CryptoCheckStatus.INVALID, verifier.verifyBase64(bigText).status());
        MalformedAttestationException e = assertThrows(MalformedAttestationException.class,
                () -> NitroAttestationDocument.parse(big));
        assertEquals("document", e.field());
    }
}
