package io.proofdesk.report;

/** Who signed: the Ed25519 public key (base64 of its SubjectPublicKeyInfo DER) and its SHA-256 fingerprint (hex). */
public record ReportAuditor(String publicKey, String fingerprint) {
}
