package io.proofdesk.attest;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A node's attestation document (raw CBOR or base64): the verifier never throws, and whatever it cannot believe is
 * INVALID with a reason. Seeds are documents of the demo attestation authority, trusted here so that mutations reach
 * the certificate chain and COSE signature checks, not only the parser.
 */
class NitroAttestationFuzzTest {

    private static final NitroAttestationVerifier VERIFIER =
            new NitroAttestationVerifier(TrustedRoots.awsNitro().with(demoRoot()));

    private static TrustedRoot demoRoot() {
        try (InputStream in = NitroAttestationFuzzTest.class.getResourceAsStream("fuzz-demo-attestation-root.der")) {
            return TrustedRoot.of(TrustedRoots.DEMO_LABEL, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] document) {
        NitroAttestationResult check = VERIFIER.verify(document);
        assertNotNull(check.status());
        if (!check.isValid()) {
            assertFalse(check.reasons().isEmpty(), "an INVALID document says why");
        } else {
            assertEquals(TrustedRoots.DEMO_LABEL, check.trustAnchor());
        }
    }
}
