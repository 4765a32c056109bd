package io.proofdesk.verify;

import io.proofdesk.attest.NitroAttestationResult;
import io.proofdesk.attest.PcrHash;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.devnet.tee.DemoAttestationAuthority;
import io.proofdesk.devnet.tee.DemoMeasurements;
import io.proofdesk.devnet.tee.NitroDocumentIssuer;
import io.proofdesk.devnet.tee.NitroDocumentRequest;
import io.proofdesk.devnet.tee.NodeTlsCertificate;
import io.proofdesk.devnet.tee.SeededRandom;
import io.proofdesk.devnet.tee.TeeSigner;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tee;
import io.proofdesk.verify.checks.AttestationCheck;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A debug-mode enclave signs documents with PCR0..2 all zero. Even when the registry holds that (zero) PCR hash and
 * it is "approved", and the document is fresh, echoes the nonce and binds the registered key, the record's
 * attestation check fails: such an enclave attests no code.
 */
class DebugModeAttestationTest {

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final SecureRandom RANDOM = SeededRandom.of("debug-mode");
    private static final DemoAttestationAuthority AUTHORITY = DemoAttestationAuthority.create(RANDOM);
    private static final TeeSigner SIGNER = TeeSigner.generate(SeededRandom.of("debug-signer"));
    private static final NodeTlsCertificate TLS = NodeTlsCertificate.selfSigned("node-d", RANDOM, T.minus(Duration.ofDays(1)), Duration.ofDays(30));
    private static final String HASH = "0x" + "11".repeat(32);

    @Test
    void aZeroPcrDocumentFailsTheRecordEvenWhenTheRegistryApprovesIt() {
        byte[] zero = new byte[NitroDocumentRequest.PCR_LENGTH];
        String zeroHash = Numeric.toHexString(PcrHash.of(zero, zero, zero));
        NitroDocumentIssuer issuer = new NitroDocumentIssuer(AUTHORITY, RANDOM);
        AttestationSource node = (url, nonce) -> issuer.issue(debugRequest(nonce));
        Tee tee = new Tee(HASH, "0x00", null, "http://127.0.0.1:1", Bytes.of(SIGNER.publicKeyDer()), Bytes.of(TLS.der()),
                zeroHash, 0, true, null, null);
        PcrApproval approved = new PcrApproval(zeroHash, 0, "debug", 1, null);
        AttestationCheck check = new AttestationCheck(node, TrustedRoots.of(AUTHORITY.trustedRoot()),
                Clock.fixed(T, ZoneOffset.UTC), Duration.ofMinutes(10), new SecureRandom());
        StoredFacts facts = new StoredFacts(record(), Optional.of(tee), List.of(), zeroHash, Optional.of(approved),
                Optional.of(approved), List.of());

        CheckResult line = check.check(new RecordEvidence(facts, id -> new byte[0]));

        assertEquals(CheckStatus.FAIL, line.status(), line.toString());
        assertTrue(line.reason().contains(NitroAttestationResult.DEBUG_MODE_REASON), line.reason());
    }

    @Test
    void theSameDocumentWithTheImagesPcrsPasses() {
        // the control: only the zero PCRs make the difference
        DemoMeasurements image = DemoMeasurements.of("v1.0");
        String pcrHash = Numeric.toHexString(image.pcrHash());
        NitroDocumentIssuer issuer = new NitroDocumentIssuer(AUTHORITY, RANDOM);
        AttestationSource node = (url, nonce) -> issuer.issue(NitroDocumentRequest.forNode("i-node-d-enc01", T, image,
                SIGNER.publicKeyDer(), TLS.der(), nonce));
        Tee tee = new Tee(HASH, "0x00", null, "http://127.0.0.1:1", Bytes.of(SIGNER.publicKeyDer()), Bytes.of(TLS.der()),
                pcrHash, 0, true, null, null);
        PcrApproval approved = new PcrApproval(pcrHash, 0, "v1.0", 1, null);
        AttestationCheck check = new AttestationCheck(node, TrustedRoots.of(AUTHORITY.trustedRoot()),
                Clock.fixed(T, ZoneOffset.UTC), Duration.ofMinutes(10), new SecureRandom());
        StoredFacts facts = new StoredFacts(record(), Optional.of(tee), List.of(), pcrHash, Optional.of(approved),
                Optional.of(approved), List.of());

        CheckResult line = check.check(new RecordEvidence(facts, id -> new byte[0]));

        assertEquals(CheckStatus.PASS, line.status(), line.toString());
    }

    private static NitroDocumentRequest debugRequest(byte[] nonce) {
        NitroDocumentRequest normal = NitroDocumentRequest.forNode("i-node-d-enc01", T, DemoMeasurements.of("v1.0"),
                SIGNER.publicKeyDer(), TLS.der(), nonce);
        SortedMap<Integer, byte[]> pcrs = new TreeMap<>(normal.pcrs());
        for (int i = 0; i <= 2; i++) {
            pcrs.put(i, new byte[NitroDocumentRequest.PCR_LENGTH]);
        }
        return new NitroDocumentRequest(normal.moduleId(), T, pcrs, normal.publicKey(), normal.userData(), nonce);
    }

    private static Inference record() {
        return new Inference(RecordId.of("0x" + "ab".repeat(32), 0), InferenceMode.TEE,
                "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", null, HASH, null, SettlementKind.INDIVIDUAL, 5,
                Instant.ofEpochSecond(1_764_000_000L), null, HASH, HASH, Bytes.empty(), "blob", null, List.of(),
                List.of(), List.of(), null);
    }
}
