package io.proofdesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a report file offline (docs/REPORTS.md, "Checking a report"): the envelope is exactly its own canonical
 * form; {@code sha256} is the SHA-256 of the canonical {@code report}; the Ed25519 signature over those bytes
 * verifies under {@code signature.publicKey}, which is the key the report names as its auditor (and the key the
 * caller expects, if given); the report follows its schema ({@link Report#READABLE}) and its summary counts the
 * records. A PDF is checked through its attached JSON, every one of its pages must be what that JSON renders, and its
 * PDF signature must cover it whole under the same auditor. A report in a format this Proofdesk does not read (a
 * newer one) is UNVERIFIED when nothing else fails: its content is not checked.
 */
public final class ReportChecker {

    public static final long MAX_FILE_BYTES = CanonicalReportJson.MAX_DOCUMENT_BYTES;
    private static final Set<String> ENVELOPE_FIELDS = Set.of("report", "sha256", "signature");
    private static final Set<String> SIGNATURE_FIELDS = Set.of("alg", "publicKey", "value");

    private final CanonicalReportJson canonical = new CanonicalReportJson();

    /** Checks a {@code .json} or {@code .pdf} report, told apart by content. */
    public ReportCheckResult check(Path file, Optional<PublicKey> expected) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            return ReportCheckResult.unreadable(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        return isPdf(bytes) ? checkPdf(bytes, expected) : checkJson(bytes, expected);
    }

    /** The SHA-256 of a file's bytes (what the reports table records), for files a report can be. */
    public static String fileSha256(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return ReportSigner.sha256Hex(Files.readAllBytes(file));
    }

    static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
    }

    /**
     * A PDF: its attached JSON as above; its cover's counts and hash; every page against what the attached JSON
     * renders ({@link PdfPageComparison}); its end and its PDF signature ({@link PdfSignatureCheck}). A PDF without a
     * PDF signature, otherwise sound, is UNVERIFIED: its pages agree with the JSON, but an edit that keeps the text
     * and pictures (a covered row, a recoloured bar) cannot be ruled out.
     */
    public ReportCheckResult checkPdf(byte[] pdf, Optional<PublicKey> expected) {
        PdfReportReader.Contents contents;
        try {
            contents = new PdfReportReader().read(pdf);
        } catch (IOException | RuntimeException e) {
            return ReportCheckResult.unreadable("not a readable Proofdesk PDF report: " + firstLine(e.getMessage()));
        }
        ReportCheckResult json = checkJson(contents.attachedJson(), expected);
        if (json.outcome() == ReportCheckResult.Outcome.UNREADABLE || json.report().isEmpty()) {
            return json;
        }
        Report report = json.report().get();
        List<String> problems = new ArrayList<>(json.problems());
        problems.addAll(contents.coverDisagreements(report, json.sha256()));
        List<String> notes = new ArrayList<>();
        PdfSignatureCheck.Result signature;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            try {
                PdfPageComparison.Result pages = PdfPageComparison.compare(doc,
                        new SignedReport(report, json.sha256(), contents.attachedJson()));
                problems.addAll(pages.problems());
                notes.add(pages.summary());
            } catch (IOException | RuntimeException e) {
                problems.add("the pages cannot be compared with what the signed JSON renders: "
                        + firstLine(e.getMessage()));
            }
            signature = PdfSignatureCheck.check(pdf, doc, auditorKey(report), expected);
        } catch (IOException e) {
            return ReportCheckResult.unreadable("not a readable Proofdesk PDF report: " + firstLine(e.getMessage()));
        }
        problems.addAll(signature.problems());
        notes.addAll(signature.notes());
        boolean failed = !problems.isEmpty();
        if (!signature.signed()) {
            problems.add("no PDF signature: the file carries no digital signature over its bytes (written before "
                    + "Proofdesk signed its PDFs, or the signature was removed), so edits that keep each page's text "
                    + "and pictures cannot be ruled out; check the attached JSON, or export the report again");
        }
        ReportCheckResult.Outcome outcome = failed ? ReportCheckResult.Outcome.TAMPERED
                : !signature.signed() ? ReportCheckResult.Outcome.UNVERIFIED : ReportCheckResult.Outcome.VALID;
        return new ReportCheckResult(outcome, problems, json.report(), json.sha256(), json.signerFingerprint(), notes);
    }

    /** The key the report names as its auditor (which the JSON check ties to its signature), or null. */
    private static PublicKey auditorKey(Report r) {
        if (r.auditor().publicKey() == null) {
            return null;
        }
        try {
            return AuditorKey.publicKey(Base64.getDecoder().decode(r.auditor().publicKey()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public ReportCheckResult checkJson(byte[] file, Optional<PublicKey> expected) {
        JsonNode root;
        try {
            root = canonical.parse(file);
        } catch (IOException | RuntimeException e) {
            return ReportCheckResult.unreadable("not JSON: " + firstLine(e.getMessage()));
        }
        if (!root.isObject() || !(root.get("report") instanceof ObjectNode body)) {
            return ReportCheckResult.unreadable("not a Proofdesk report (no \"report\" object)");
        }
        List<String> problems = new ArrayList<>();
        Set<String> extra = names(root);
        extra.removeAll(ENVELOPE_FIELDS);
        if (!extra.isEmpty()) {
            problems.add("the envelope has fields that are not part of the format: " + String.join(", ", extra));
        }
        byte[] reportBytes;
        try {
            if (!Arrays.equals(canonical.bytes(root), file)) {
                problems.add("the file is not in canonical form (RFC 8785): its bytes were changed after signing");
            }
            reportBytes = canonical.bytes(body);
        } catch (IllegalArgumentException e) {
            return ReportCheckResult.unreadable("the report holds a value outside the format: " + e.getMessage());
        }
        String newer = newerSchema(body);
        Optional<Report> report = newer == null ? read(body, problems) : Optional.empty();
        String sha = ReportSigner.sha256Hex(reportBytes);
        JsonNode claimedSha = root.get("sha256");
        if (claimedSha == null || !claimedSha.isTextual() || !claimedSha.textValue().matches("[0-9a-f]{64}")) {
            problems.add("\"sha256\" is missing or not 64 lower-case hex digits");
        } else if (!claimedSha.textValue().equals(sha)) {
            problems.add("the report's SHA-256 is " + sha + ", the file says " + claimedSha.textValue());
        }
        String signer = signature(root.get("signature"), reportBytes, report, expected, problems);
        report.ifPresent(r -> {
            ReportSummary counted = ReportSummary.of(r.records());
            if (!counted.equals(r.summary())) {
                problems.add("the summary says " + r.summary().describe() + ", but the report holds "
                        + counted.describe());
            }
        });
        if (newer != null) {
            // a format this Proofdesk does not know: the signature may verify, but the content cannot be checked
            boolean failed = !problems.isEmpty();
            problems.add("the report is in format " + newer + ", which this Proofdesk does not read (it reads "
                    + Report.readableText() + "), so what it says was not checked; check it with a "
                    + "Proofdesk that reads " + newer);
            return new ReportCheckResult(failed ? ReportCheckResult.Outcome.TAMPERED
                    : ReportCheckResult.Outcome.UNVERIFIED, problems, Optional.empty(), sha, signer);
        }
        ReportCheckResult.Outcome outcome = problems.isEmpty() ? ReportCheckResult.Outcome.VALID
                : ReportCheckResult.Outcome.TAMPERED;
        return new ReportCheckResult(outcome, problems, report, sha, signer);
    }

    /**
     * A {@code proofdesk-report/N} schema this Proofdesk does not read (a newer Proofdesk's report), else null; other
     * values are read, and refused as not following the schema.
     */
    private static String newerSchema(JsonNode body) {
        String schema = text(body, "schema");
        return schema != null && schema.matches("proofdesk-report/[1-9][0-9]{0,5}") && !Report.READABLE.contains(schema)
                ? schema : null;
    }

    private Optional<Report> read(JsonNode body, List<String> problems) {
        try {
            Report r = canonical.mapper().treeToValue(body, Report.class);
            if (!Report.READABLE.contains(r.schema())) {
                problems.add("unknown report schema " + r.schema() + " (this Proofdesk reads "
                        + Report.readableText() + ")");
            }
            for (ReportRecord rec : r.records()) {
                io.proofdesk.domain.Verdict.valueOf(rec.verdict());
            }
            problems.addAll(schemaRules(r));
            return Optional.of(r);
        } catch (IOException | RuntimeException e) {
            problems.add("the report object does not follow the schema: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * What the schema asks beyond the fields' types: the first schema has no models table; the current one has one
     * naming only CIDs its records name, and lists records in the order its PDF states (mismatches first).
     */
    private static List<String> schemaRules(Report r) {
        List<String> problems = new ArrayList<>(evidenceRules(r));
        if (r.ofSchema1()) {
            if (r.models() != null) {
                problems.add("a " + Report.SCHEMA_1 + " report has no \"models\"; this one has");
            }
            return problems;
        }
        if (r.models() == null) {
            problems.add("the report has no \"models\" table (" + r.schema() + " always has one, maybe empty)");
        } else {
            Set<String> named = new TreeSet<>();
            r.records().forEach(rec -> named.add(rec.model()));
            r.models().forEach((cid, versions) -> {
                if (!named.contains(cid)) {
                    problems.add("\"models\" names " + cid + ", which no record of the report names");
                } else if (versions.isEmpty()) {
                    problems.add("\"models\" lists no version for " + cid);
                }
            });
        }
        int group = 0;
        for (int i = 0; i < r.records().size(); i++) {
            int g = ReportBuilder.ORDER.indexOf(io.proofdesk.domain.Verdict.valueOf(r.records().get(i).verdict()));
            if (g < group) {
                problems.add("record " + (i + 1) + " (" + r.records().get(i).verdict() + ") comes after a "
                        + ReportBuilder.ORDER.get(group) + " record: " + r.schema() + " lists mismatches first, then "
                        + "errors, unverified and verified records");
                break;
            }
            group = g;
        }
        return problems;
    }

    /**
     * From {@value Report#SCHEMA} on, every record carries its evidence: one of the three levels and a detail; the
     * schemas before it carry none.
     */
    private static List<String> evidenceRules(Report r) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < r.records().size(); i++) {
            ReportEvidence e = r.records().get(i).evidence();
            String record = "record " + (i + 1) + " (" + r.records().get(i).id() + ")";
            if (!r.carriesEvidence()) {
                if (e != null) {
                    problems.add(record + " has \"evidence\", which a " + r.schema() + " report does not carry");
                    break;
                }
                continue;
            }
            if (e == null) {
                problems.add(record + " has no \"evidence\" (" + r.schema() + " gives every record its level)");
                break;
            }
            try {
                e.toEvidence();
            } catch (IllegalArgumentException bad) {
                problems.add(record + ": \"evidence\" is not a level and a detail: " + bad.getMessage());
                break;
            }
        }
        return problems;
    }

    /** Verifies the signature block; returns the signer's fingerprint when its key could be read. */
    private static String signature(JsonNode sig, byte[] reportBytes, Optional<Report> report,
                                    Optional<PublicKey> expected, List<String> problems) {
        if (sig == null || !sig.isObject()) {
            problems.add("the file has no signature");
            return null;
        }
        Set<String> extra = names(sig);
        extra.removeAll(SIGNATURE_FIELDS);
        if (!extra.isEmpty()) {
            problems.add("the signature has fields that are not part of the format: " + String.join(", ", extra));
        }
        if (!AuditorKey.ALGORITHM.equals(text(sig, "alg"))) {
            problems.add("the signature algorithm is " + text(sig, "alg") + ", not " + AuditorKey.ALGORITHM);
            return null;
        }
        byte[] pub = base64(text(sig, "publicKey"), "signature.publicKey", problems);
        byte[] value = base64(text(sig, "value"), "signature.value", problems);
        if (pub == null || value == null) {
            return null;
        }
        PublicKey key;
        try {
            key = AuditorKey.publicKey(pub);
        } catch (IllegalArgumentException e) {
            problems.add("signature.publicKey: " + e.getMessage());
            return null;
        }
        String fingerprint = AuditorKey.fingerprint(key);
        if (!AuditorKey.verify(key, reportBytes, value)) {
            problems.add("the Ed25519 signature does not verify under the key in the file (" + fingerprint + ")");
        }
        report.ifPresent(r -> {
            if (!text(sig, "publicKey").equals(r.auditor().publicKey()) || !fingerprint.equals(r.auditor().fingerprint())) {
                problems.add("the report names auditor " + r.auditor().fingerprint() + " but was signed by " + fingerprint);
            }
        });
        expected.ifPresent(k -> {
            if (!MessageDigest.isEqual(k.getEncoded(), pub)) {
                problems.add("signed by " + fingerprint + ", not by the expected key " + AuditorKey.fingerprint(k));
            }
        });
        return fingerprint;
    }

    /** Strict base64: decodes, and must re-encode to the same text (no alternative spellings of the same bytes). */
    private static byte[] base64(String text, String what, List<String> problems) {
        if (text == null) {
            problems.add(what + " is missing");
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(text);
            if (!Base64.getEncoder().encodeToString(b).equals(text)) {
                problems.add(what + " is not canonical base64");
                return null;
            }
            return b;
        } catch (IllegalArgumentException e) {
            problems.add(what + " is not base64");
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            s.add(it.next());
        }
        return s;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
