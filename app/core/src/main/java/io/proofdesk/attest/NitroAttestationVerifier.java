package io.proofdesk.attest;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Verifies Nitro attestation documents offline: ES384 COSE_Sign1 signature by the leaf certificate, and
 * leaf → cabundle → a {@link TrustedRoots} root, evaluated at the document's own timestamp. Never throws for
 * a bad document: every problem is a reason in an INVALID {@link NitroAttestationResult}.
 */
public final class NitroAttestationVerifier {

    public static final int COSE_ALG_ES384 = -35;
    public static final String DIGEST_SHA384 = "SHA384";
    public static final int PCR_LENGTH = 48;

    private final CertificateChainValidator chains;

    public NitroAttestationVerifier(TrustedRoots roots) {
        this.chains = new CertificateChainValidator(roots);
    }

    /** Raw CBOR or base64 text. */
    public NitroAttestationResult verify(byte[] document) {
        NitroAttestationDocument parsed;
        try {
            parsed = NitroAttestationDocument.decode(document);
        } catch (MalformedAttestationException e) {
            return NitroAttestationResult.unreadable("malformed attestation document: " + e.getMessage());
        }
        return verify(parsed);
    }

    public NitroAttestationResult verifyBase64(String document) {
        NitroAttestationDocument parsed;
        try {
            parsed = NitroAttestationDocument.parseBase64(document);
        } catch (MalformedAttestationException e) {
            return NitroAttestationResult.unreadable("malformed attestation document: " + e.getMessage());
        }
        return verify(parsed);
    }

    public NitroAttestationResult verify(NitroAttestationDocument doc) {
        List<String> reasons = new ArrayList<>();
        if (doc.algorithm().isEmpty() || doc.algorithm().get() != COSE_ALG_ES384) {
            reasons.add("COSE algorithm is " + doc.algorithm().map(String::valueOf).orElse("absent")
                    + ", expected ES384 (-35)");
        }
        if (!DIGEST_SHA384.equals(doc.digest())) {
            reasons.add("digest is '" + doc.digest() + "', expected SHA384");
        }
        SortedMap<Integer, String> pcrs = new TreeMap<>();
        for (Map.Entry<Integer, byte[]> e : doc.pcrs().entrySet()) {
            pcrs.put(e.getKey(), HexFormat.of().formatHex(e.getValue()));
            if (e.getValue().length != PCR_LENGTH) {
                reasons.add("PCR" + e.getKey() + " is " + e.getValue().length + " bytes, expected 48 (SHA-384)");
            }
        }
        if (doc.cabundle().isEmpty()) {
            reasons.add("cabundle is empty");
        }

        List<ChainCertificate> chain = List.of();
        String anchor = null;
        try {
            X509Certificate leaf = CertificateChainValidator.parseStrict(doc.certificate(), "payload.certificate");
            List<X509Certificate> bundle = new ArrayList<>();
            List<byte[]> raw = doc.cabundle();
            for (int i = 0; i < raw.size(); i++) {
                bundle.add(CertificateChainValidator.parseStrict(raw.get(i), "payload.cabundle[" + i + "]"));
            }
            reasons.addAll(coseSignature(doc, leaf.getPublicKey()));
            CertificateChainValidator.Outcome outcome = chains.validate(leaf, bundle, doc.timestamp());
            reasons.addAll(outcome.reasons());
            chain = outcome.chain();
            anchor = outcome.reasons().isEmpty() ? outcome.anchorLabel() : null;
        } catch (MalformedAttestationException e) {
            reasons.add("malformed attestation document: " + e.getMessage());
        }
        CryptoCheckStatus status = reasons.isEmpty() ? CryptoCheckStatus.VALID : CryptoCheckStatus.INVALID;
        return new NitroAttestationResult(status, reasons, doc.moduleId(), doc.timestamp(), pcrs,
                doc.publicKey().orElse(null), doc.userData().orElse(null), doc.nonce().orElse(null), chain, anchor);
    }

    private static List<String> coseSignature(NitroAttestationDocument doc, PublicKey leafKey) {
        try {
            SignatureResult result = SignatureVerifier.verifyEs384(SignatureVerifier.requireP384(leafKey, "leaf certificate"),
                    CoseSigStructure.of(doc.protectedHeader(), doc.payload()), doc.signature());
            return result.isValid() ? List.of() : List.of("COSE signature: " + result.reason());
        } catch (WrongKeyTypeException e) {
            return List.of("COSE signature: " + e.getMessage());
        }
    }
}
