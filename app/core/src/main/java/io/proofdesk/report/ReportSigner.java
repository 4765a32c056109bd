package io.proofdesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs reports: the Ed25519 signature covers the RFC 8785 bytes of the {@code report} object; the envelope holding
 * report, hash and signature is itself written in canonical form, so a file that re-serialises differently has
 * been changed.
 */
public final class ReportSigner {

    private final CanonicalReportJson canonical = new CanonicalReportJson();
    private final AuditorKey key;

    public ReportSigner(AuditorKey key) {
        this.key = key;
    }

    public SignedReport sign(Report report) {
        String pub = Base64.getEncoder().encodeToString(key.publicKeyDer());
        if (!pub.equals(report.auditor().publicKey())) {
            throw new IllegalArgumentException("the report names auditor " + report.auditor().fingerprint()
                    + " but is being signed with key " + key.fingerprint());
        }
        JsonNode body = canonical.mapper().valueToTree(report);
        byte[] reportBytes = canonical.bytes(body);
        String sha = sha256Hex(reportBytes);
        ObjectNode envelope = canonical.mapper().createObjectNode();
        envelope.set("report", body);
        envelope.put("sha256", sha);
        ObjectNode sig = envelope.putObject("signature");
        sig.put("alg", AuditorKey.ALGORITHM);
        sig.put("publicKey", pub);
        sig.put("value", Base64.getEncoder().encodeToString(key.sign(reportBytes)));
        return new SignedReport(report, sha, canonical.bytes(envelope));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
