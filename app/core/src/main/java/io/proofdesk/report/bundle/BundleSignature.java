package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.ReportAuditor;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * A bundle's signature, as reports are signed: Ed25519 with the auditor's key over the exact bytes of
 * {@code manifest.json}, which lists the SHA-256 of every other part, kept in {@code signature.json} as
 * {@code {"alg": "Ed25519", "publicKey": "<base64 SPKI DER>", "value": "<base64>"}}. The manifest names the same key
 * as its {@code auditor}, so removing the signature shows.
 */
final class BundleSignature {

    /** {@code signature.json}; no other fields are accepted. */
    record SignatureJson(String alg, String publicKey, String value) {
    }

    private BundleSignature() {
    }

    static ReportAuditor auditor(AuditorKey key) {
        return new ReportAuditor(Base64.getEncoder().encodeToString(key.publicKeyDer()), key.fingerprint());
    }

    static byte[] sign(AuditorKey key, byte[] manifest) throws IOException {
        SignatureJson s = new SignatureJson(AuditorKey.ALGORITHM, Base64.getEncoder().encodeToString(key.publicKeyDer()),
                Base64.getEncoder().encodeToString(key.sign(manifest)));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(s);
    }

    /**
     * Who signed the bundle, checked: the signature verifies over the manifest's bytes under the key it names, that key
     * is the manifest's auditor, and it is {@code expected} when given. Unsigned: only a bundle whose manifest names no
     * auditor (format 1), and only when no key is expected.
     */
    static BundleVerification.Signer check(BundleContents b, ObjectMapper json, Optional<PublicKey> expected)
            throws BundleSignatureException, BundleFormatException {
        ReportAuditor named = b.manifest().auditor();
        Optional<byte[]> file = b.entry(BundleLayout.SIGNATURE);
        if (file.isEmpty()) {
            if (named != null) {
                throw new BundleSignatureException("bundle tampered: the manifest names auditor " + named.fingerprint()
                        + " but the bundle carries no " + BundleLayout.SIGNATURE);
            }
            if (expected.isPresent()) {
                throw new BundleSignatureException("the bundle is unsigned, so it is not signed by the expected key "
                        + AuditorKey.fingerprint(expected.get()));
            }
            return BundleVerification.Signer.UNSIGNED;
        }
        SignatureJson sig;
        try {
            sig = json.readValue(file.get(), SignatureJson.class);
        } catch (IOException e) {
            throw new BundleFormatException(BundleLayout.SIGNATURE, "not the documented JSON: "
                    + BundleReader.firstLine(e.getMessage()), e);
        }
        if (sig == null || !AuditorKey.ALGORITHM.equals(sig.alg()) || sig.publicKey() == null || sig.value() == null) {
            throw new BundleFormatException(BundleLayout.SIGNATURE, "needs alg \"" + AuditorKey.ALGORITHM
                    + "\", publicKey and value");
        }
        PublicKey key;
        byte[] value;
        try {
            key = AuditorKey.publicKey(Base64.getDecoder().decode(sig.publicKey()));
            value = Base64.getDecoder().decode(sig.value());
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(BundleLayout.SIGNATURE, "publicKey or value is not a base64 Ed25519 key or "
                    + "signature: " + e.getMessage(), e);
        }
        String signer = AuditorKey.fingerprint(key);
        byte[] manifest = b.required(BundleLayout.MANIFEST);
        if (!AuditorKey.verify(key, manifest, value)) {
            throw new BundleSignatureException("bundle tampered: the signature of " + signer + " does not verify over "
                    + BundleLayout.MANIFEST + " (the manifest, so a part it lists, was changed after signing)");
        }
        if (named == null || named.publicKey() == null || !MessageDigest.isEqual(key.getEncoded(), decode(named))) {
            throw new BundleSignatureException("bundle tampered: signed by " + signer + " but the manifest names auditor "
                    + (named == null ? "none" : named.fingerprint()));
        }
        if (expected.isPresent() && !MessageDigest.isEqual(expected.get().getEncoded(), key.getEncoded())) {
            throw new BundleSignatureException("bundle signed by " + signer + ", not by the expected key "
                    + AuditorKey.fingerprint(expected.get()));
        }
        return new BundleVerification.Signer(signer, expected.isPresent());
    }

    private static byte[] decode(ReportAuditor a) {
        try {
            return Base64.getDecoder().decode(a.publicKey());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
