package io.proofdesk.attest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenGradient's own enclave documents, as committed to OpenGradient/og-evm (see the README beside them), checked at
 * their own time against the AWS root built into Proofdesk; one came from a debug-mode enclave.
 */
class NitroRealDocumentsTest {

    private static final String PRODUCTION_PCR_HASH = "0x8082af22571613eabd5dad9c7e857c4f16154ded3d387386d8193b53906f6a24";
    private final NitroAttestationVerifier verifier = new NitroAttestationVerifier(TrustedRoots.awsNitro());

    @ParameterizedTest
    @ValueSource(strings = {"og-evm-c46c750-attestation_doc.bin", "og-evm-532e2e1-attestation_doc.bin",
            "og-evm-9792d76-attestation_doc.bin", "og-evm-9c87f68-test_tee_attestation.b64"})
    void productionDocumentsVerifyAndMeasureOpenGradientsImage(String file) throws IOException {
        NitroAttestationResult doc = verifier.verify(read(file));
        assertTrue(doc.isValid(), doc.reasons().toString());
        assertEquals("AWS Nitro Enclaves root", doc.trustAnchor());
        assertEquals("i-0340e0cb833504eb6-enc019c12d31f78864d", doc.moduleId());
        assertEquals(PRODUCTION_PCR_HASH, Numeric.toHexString(doc.pcrHash().orElseThrow()));
        assertFalse(doc.debugMode());
        assertTrue(doc.userDataBinding().isPresent(), "68-byte key/TLS binding in user_data");
        assertEquals(5, doc.chain().size());
    }

    @Test
    void theDebugModeDocumentIsGenuineButAttestsNoCode() throws IOException {
        NitroAttestationResult doc = verifier.verify(read("og-evm-ec190c1-test_tee_attestation-debug.b64"));
        // the signature and chain are AWS's own: a signature check alone would call it VALID
        assertTrue(doc.isValid(), doc.reasons().toString());
        assertEquals(Instant.parse("2026-01-29T06:40:01.358Z"), doc.timestamp());
        assertTrue(doc.debugMode());
        assertArrayEquals(new byte[48], doc.pcr(0).orElseThrow());
        assertArrayEquals(new byte[48], doc.pcr(1).orElseThrow());
        assertArrayEquals(new byte[48], doc.pcr(2).orElseThrow());
    }

    @Test
    void oneChangedByteInARealDocumentBreaksIt() throws IOException {
        byte[] bytes = read("og-evm-532e2e1-attestation_doc.bin");
        bytes[bytes.length - 10] ^= 1; // inside the ECDSA signature at the end of the COSE_Sign1
        NitroAttestationResult doc = verifier.verify(bytes);
        assertFalse(doc.isValid());
    }

    static byte[] read(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(NitroRealDocumentsTest.class.getResourceAsStream(
                "/opengradient/attestation/" + file), file)) {
            return in.readAllBytes();
        }
    }
}
