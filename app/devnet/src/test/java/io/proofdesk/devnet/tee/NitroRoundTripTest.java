package io.proofdesk.devnet.tee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.attest.NitroAttestationResult;
import io.proofdesk.attest.CryptoCheckStatus;
import io.proofdesk.attest.NitroAttestationDocument;
import io.proofdesk.attest.NitroAttestationVerifier;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.attest.UserDataBinding;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class NitroRoundTripTest {

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final SecureRandom RANDOM = SeededRandom.of("nitro-round-trip");
    private static final DemoAttestationAuthority AUTHORITY = DemoAttestationAuthority.create(RANDOM);
    private static final TeeSigner SIGNER = TeeSigner.generate(SeededRandom.of("nitro-signer"));
    private static final NodeTlsCertificate TLS = NodeTlsCertificate.selfSigned("node-1", RANDOM, T.minus(Duration.ofDays(1)), Duration.ofDays(30));
    private static final DemoMeasurements IMAGE = DemoMeasurements.of("v1.0");
    private static final byte[] NONCE = "nonce-123".getBytes(StandardCharsets.US_ASCII);

    private final NitroDocumentIssuer issuer = new NitroDocumentIssuer(AUTHORITY, RANDOM);
    private final NitroAttestationVerifier verifier = new NitroAttestationVerifier(TrustedRoots.of(AUTHORITY.trustedRoot()));

    private static NitroDocumentRequest request() {
        return NitroDocumentRequest.forNode("i-demo-node-1-enc01", T, IMAGE, SIGNER.publicKeyDer(), TLS.der(), NONCE);
    }

    @Test
    void issuedDocumentVerifiesAndCarriesItsContent() {
        byte[] doc = issuer.issue(request());
        assertEquals((byte) 0xd2, doc[0], "COSE_Sign1 tag 18");
        NitroAttestationResult check = verifier.verify(doc);
        assertEquals(CryptoCheckStatus.VALID, check.status(), check.reasons().toString());
        assertEquals("i-demo-node-1-enc01", check.moduleId());
        assertEquals(T, check.timestamp());
        assertEquals(16, check.pcrs().size());
        assertArrayEquals(IMAGE.pcr0(), check.pcr(0).orElseThrow());
        assertArrayEquals(IMAGE.pcrHash(), check.pcrHash().orElseThrow());
        assertArrayEquals(SIGNER.publicKeyDer(), check.publicKey());
        assertArrayEquals(NONCE, check.nonce());
        assertEquals(TrustedRoots.DEMO_LABEL, check.trustAnchor());
        assertEquals(3, check.chain().size());
        assertEquals(new javax.security.auth.x500.X500Principal(DemoAttestationAuthority.ROOT_SUBJECT).getName(),
                check.chain().get(2).subject());
        // base64 over HTTP verifies the same
        assertTrue(verifier.verify(Base64.getEncoder().encode(doc)).isValid());
        assertTrue(verifier.verifyBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(doc)).isValid());
    }

    @Test
    void userDataBindsTheSigningKeyAndTlsCertificate() {
        NitroAttestationResult check = verifier.verify(issuer.issue(request()));
        UserDataBinding binding = check.userDataBinding().orElseThrow();
        assertTrue(binding.bindsKey(SIGNER.publicKeyDer()));
        assertTrue(binding.bindsTlsCertificate(TLS.der()));
        assertFalse(binding.bindsKey(TeeSigner.generate(SeededRandom.of("other")).publicKeyDer()));
        NitroAttestationResult unbound = verifier.verify(issuer.issue(request().withUserData(new byte[] {1, 2, 3})));
        assertTrue(unbound.isValid());
        assertTrue(unbound.userDataBinding().isEmpty());
    }

    @Test
    void flippingAnyPayloadOrSignatureByteMakesItInvalid() {
        byte[] doc = issuer.issue(request());
        NitroAttestationDocument parsed = NitroAttestationDocument.parse(doc);
        int payloadAt = indexOf(doc, parsed.payload());
        int[] offsets = {payloadAt + 20, payloadAt + parsed.payload().length / 2, payloadAt + parsed.payload().length - 5,
                doc.length - 1, doc.length - 60};
        for (int at : offsets) {
            byte[] tampered = doc.clone();
            tampered[at] ^= 0x01;
            NitroAttestationResult check = verifier.verify(tampered);
            assertEquals(CryptoCheckStatus.INVALID, check.status(), "byte " + at);
            assertFalse(check.reasons().isEmpty());
        }
    }

    @Test
    void otherRootsDoNotAcceptTheDemoChain() {
        byte[] doc = issuer.issue(request());
        NitroAttestationResult aws = new NitroAttestationVerifier(TrustedRoots.awsNitro()).verify(doc);
        assertEquals(CryptoCheckStatus.INVALID, aws.status());
        assertNull(aws.trustAnchor());
        assertTrue(aws.reasons().stream().anyMatch(r -> r.contains("certificate chain")), aws.reasons().toString());
        DemoAttestationAuthority other = DemoAttestationAuthority.create(SeededRandom.of("another authority"));
        assertFalse(new NitroAttestationVerifier(TrustedRoots.of(other.trustedRoot())).verify(doc).isValid());
        assertTrue(new NitroAttestationVerifier(TrustedRoots.awsNitro().with(AUTHORITY.trustedRoot())).verify(doc).isValid());
        assertFalse(new NitroAttestationVerifier(TrustedRoots.of()).verify(doc).isValid());
    }

    @Test
    void leafNotValidAtTheDocumentTimeIsInvalid() {
        LeafCredential expired = AUTHORITY.issueLeaf("node-1", T.minus(Duration.ofHours(5)), Duration.ofHours(3));
        NitroAttestationResult check = verifier.verify(issuer.issue(request(), expired));
        assertEquals(CryptoCheckStatus.INVALID, check.status());
        assertTrue(check.reasons().stream().anyMatch(r -> r.contains("does not validate at " + T)), check.reasons().toString());
        LeafCredential notYet = AUTHORITY.issueLeaf("node-1", T.plus(Duration.ofMinutes(1)), Duration.ofHours(3));
        assertFalse(verifier.verify(issuer.issue(request(), notYet)).isValid());
    }

    @Test
    void staleDocumentStillVerifiesAtItsOwnTimeSoTheCallerSeesItsAgeAndNonce() {
        NodeAttestation stale = new NodeAttestation(issuer, request(), AttestationBehaviour.STALE_REPLAY, null);
        byte[] first = stale.document("fresh-1".getBytes(StandardCharsets.US_ASCII), T);
        byte[] second = stale.document("fresh-2".getBytes(StandardCharsets.US_ASCII), T.plusSeconds(60));
        assertArrayEquals(first, second, "a replay serves the same bytes");
        NitroAttestationResult check = verifier.verify(first);
        assertTrue(check.isValid(), check.reasons().toString());
        assertEquals(T.minus(NodeAttestation.STALE_AGE), check.timestamp());
        assertFalse(java.util.Arrays.equals("fresh-1".getBytes(StandardCharsets.US_ASCII), check.nonce()));
    }

    @Test
    void unapprovedImageShowsInThePcrHash() {
        DemoMeasurements rogue = DemoMeasurements.of("rogue");
        NodeAttestation node = new NodeAttestation(issuer, request(), AttestationBehaviour.UNAPPROVED_PCRS, rogue);
        NitroAttestationResult check = verifier.verify(node.document(NONCE, T));
        assertTrue(check.isValid());
        assertArrayEquals(rogue.pcrHash(), check.pcrHash().orElseThrow());
        assertFalse(java.util.Arrays.equals(IMAGE.pcrHash(), check.pcrHash().orElseThrow()));
        NitroAttestationResult honest = verifier.verify(new NodeAttestation(issuer, request(), AttestationBehaviour.HONEST, null)
                .document(NONCE, T));
        assertArrayEquals(IMAGE.pcrHash(), honest.pcrHash().orElseThrow());
    }

    @Test
    void algorithmOtherThanEs384IsInvalid() {
        LeafCredential leaf = AUTHORITY.issueLeaf("node-1", T.minus(Duration.ofMinutes(5)), Duration.ofHours(3));
        NitroAttestationResult check = verifier.verify(issuer.encode(request(), leaf, AUTHORITY.caBundle(), -7));
        assertEquals(CryptoCheckStatus.INVALID, check.status());
        assertTrue(check.reasons().getFirst().contains("expected ES384 (-35)"), check.reasons().toString());
    }

    @Test
    void leafWithTheWrongKindOfKeyIsInvalid() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        LeafCredential p256 = AUTHORITY.issueLeaf("node-1", T.minus(Duration.ofMinutes(5)), Duration.ofHours(3), g.generateKeyPair());
        NitroAttestationResult check = verifier.verify(issuer.issue(request(), p256));
        assertEquals(CryptoCheckStatus.INVALID, check.status());
        assertTrue(check.reasons().stream().anyMatch(r -> r.contains("expected an EC P-384")), check.reasons().toString());
    }

    @Test
    void chainLoopsAndOverlongChainsAreInvalid() {
        LeafCredential leaf = AUTHORITY.issueLeaf("node-1", T.minus(Duration.ofMinutes(5)), Duration.ofHours(3));
        List<X509Certificate> loop = List.of(AUTHORITY.root(), AUTHORITY.intermediate(), AUTHORITY.intermediate());
        NitroAttestationResult looped = verifier.verify(issuer.encode(request(), leaf, loop, -35));
        assertEquals(CryptoCheckStatus.INVALID, looped.status());
        assertTrue(looped.reasons().stream().anyMatch(r -> r.contains("loops")), looped.reasons().toString());

        List<X509Certificate> longChain = new ArrayList<>();
        for (int i = 0; i < NitroAttestationDocument.MAX_CABUNDLE_ENTRIES + 1; i++) {
            longChain.add(AUTHORITY.intermediate());
        }
        NitroAttestationResult tooLong = verifier.verify(issuer.encode(request(), leaf, longChain, -35));
        assertEquals(CryptoCheckStatus.INVALID, tooLong.status());
        assertTrue(tooLong.reasons().getFirst().contains("chain too long"), tooLong.reasons().toString());

        NitroAttestationResult missingIntermediate = verifier.verify(issuer.encode(request(), leaf, List.of(AUTHORITY.root()), -35));
        assertFalse(missingIntermediate.isValid());
        NitroAttestationResult leafAsCa = verifier.verify(issuer.encode(request(),
                AUTHORITY.issueLeaf("node-1", T.minus(Duration.ofMinutes(5)), Duration.ofHours(3)),
                List.of(AUTHORITY.root(), AUTHORITY.intermediate(), leaf.certificate()), -35));
        assertFalse(leafAsCa.isValid(), "a CA:false certificate cannot issue");
    }

    @Test
    void oversizedOrTruncatedDocumentsAreInvalidNotErrors() {
        byte[] doc = issuer.issue(request());
        for (int cut : new int[] {1, 10, doc.length / 2, doc.length - 1}) {
            assertEquals(CryptoCheckStatus.INVALID, verifier.verify(java.util.Arrays.copyOf(doc, cut)).status(), "cut at " + cut);
        }
        String b64 = Base64.getEncoder().encodeToString(doc);
        assertEquals(CryptoCheckStatus.INVALID, verifier.verifyBase64(b64.substring(0, b64.length() - 7)).status());
        assertEquals(CryptoCheckStatus.INVALID, verifier.verifyBase64(b64.substring(0, 101)).status());
        NitroDocumentRequest huge = request().withUserData(new byte[NitroAttestationDocument.MAX_DOCUMENT_BYTES]);
        NitroAttestationResult check = verifier.verify(issuer.issue(huge));
        assertEquals(CryptoCheckStatus.INVALID, check.status());
        assertTrue(check.reasons().getFirst().contains("more than"), check.reasons().toString());
        NitroAttestationResult bigUserData = verifier.verify(issuer.issue(request().withUserData(new byte[NitroAttestationDocument.MAX_USER_DATA_BYTES + 1])));
        assertTrue(bigUserData.reasons().getFirst().contains("user_data"), bigUserData.reasons().toString());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("payload not found in document");
    }
}
