package io.proofdesk.report;

import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Verdict;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

/**
 * A report PDF's first page: title, network, creation time, auditor key, report hash, the writer's environment,
 * verdict counts with a bar chart, for reports that carry them the records per evidence level, contracts and
 * endpoints, and what the verdicts and levels mean. The counts are what {@link PdfReportReader} reads back.
 */
final class PdfCoverPage {

    static final Map<EvidenceLevel, Color> EVIDENCE_COLORS = Map.of(EvidenceLevel.PROVED, new Color(0x2e, 0x7d, 0x32),
            EvidenceLevel.AGREED, new Color(0x2f, 0x5d, 0xa8), EvidenceLevel.TRUSTED, new Color(0xa8, 0x5a, 0x00));
    static final Map<EvidenceLevel, String> EVIDENCE_MEANINGS = Map.of(
            EvidenceLevel.PROVED, "receipt proved against a header linked to a trusted checkpoint",
            EvidenceLevel.AGREED, "not proved; K of N independent sources gave the same data",
            EvidenceLevel.TRUSTED, "one endpoint's word, not proved");

    private final PdfPageWriter w;

    PdfCoverPage(PdfPageWriter w) {
        this.w = w;
    }

    void draw(Report r, String sha) throws IOException {
        w.newPage();
        float x = PdfPageWriter.MARGIN;
        w.rect(0, PdfPageWriter.HEIGHT - 8, PdfPageWriter.WIDTH, 8, DiffImages.CLAIMED);
        w.text(w.bold, 24, x, w.y - 10, PdfReportExporter.COVER_TITLE);
        w.y -= 40;
        if (r.title() != null && !r.title().isBlank()) {
            w.text(w.regular, 14, x, w.y, r.title());
            w.y -= 26;
        } else {
            w.y -= 6;
        }
        ReportNetwork n = r.network();
        String network = n.name() + (n.chainId() == null ? "" : " (chain id " + n.chainId() + ")")
                + (n.demo() ? " - embedded demo network" : "");
        field("Network", network, w.regular);
        field("Created", r.createdAt().replace('T', ' ').replace("Z", " UTC"), w.regular);
        field("Auditor key", grouped(r.auditor().fingerprint()), w.mono);
        field(PdfReportExporter.SHA_LABEL, sha, w.mono);
        ReportEnvironment e = r.environment();
        if (e != null) {
            field("Written with", "Proofdesk " + e.proofdesk() + ", Java " + e.java() + ", ONNX Runtime "
                    + e.onnxRuntime(), w.regular);
            field("Machine", e.os() + ", " + e.cpu(), w.regular);
        }
        verdicts(r.summary());
        if (r.carriesEvidence()) {
            evidence(ReportEvidenceCounts.of(r));
        }
        if (!n.contracts().isEmpty() || !n.endpoints().isEmpty()) {
            w.text(w.bold, 12, x, w.y, "Contracts and endpoints");
            w.y -= 18;
            for (Map.Entry<String, String> c : n.contracts().entrySet()) {
                field(c.getKey(), c.getValue(), w.mono);
            }
            for (Map.Entry<String, String> c : n.endpoints().entrySet()) {
                field(c.getKey(), c.getValue(), w.mono);
            }
        }
        w.y -= 10;
        w.paragraph(w.regular, 9, x, PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN,
                "A record is VERIFIED only when every check passed; MISMATCH when a check found the record's claim "
                        + "false; UNVERIFIED when Proofdesk could not check something (never shown as verified); "
                        + "ERROR when a source failed. "
                        + (r.carriesEvidence() ? "Its evidence level says how firmly the record is established on "
                        + "chain; a TRUSTED record's verdict rests on one endpoint's word. " : "")
                        + "This PDF carries the signed JSON report as the attachment "
                        + PdfReportExporter.ATTACHMENT + "; anyone can check it offline with: proofdesk check-report "
                        + "THIS.pdf --key auditor-key.pub.pem");
    }

    private void verdicts(ReportSummary s) throws IOException {
        float x = PdfPageWriter.MARGIN;
        w.y -= 14;
        w.text(w.bold, 14, x, w.y, "Verdicts");
        w.y -= 22;
        field(PdfReportExporter.RECORDS_LABEL, Long.toString(s.records()), w.bold);
        w.y -= 4;
        float chartX = x + 150;
        float chartW = PdfPageWriter.WIDTH - PdfPageWriter.MARGIN - chartX - 40;
        long max = Math.max(1, s.records());
        for (Verdict v : Verdict.values()) {
            long count = s.count(v);
            w.rect(x, w.y - 2, 9, 9, PdfReportExporter.COLORS.get(v));
            w.text(w.bold, 11, x + 14, w.y, v.name() + ": " + count);
            w.rect(chartX, w.y - 3, chartW, 12, new Color(0xee, 0xee, 0xee));
            if (count > 0) {
                w.rect(chartX, w.y - 3, Math.max(1.5f, chartW * count / max), 12, PdfReportExporter.COLORS.get(v));
            }
            w.y -= 22;
        }
        w.text(w.regular, 8, chartX, w.y + 8, "share of all " + s.records() + " records");
        w.y -= 16;
    }

    /** Records per level, each with what the level means, and the VERIFIED records that rest on one endpoint. */
    private void evidence(ReportEvidenceCounts counts) throws IOException {
        float x = PdfPageWriter.MARGIN;
        w.text(w.bold, 14, x, w.y, "Chain evidence");
        w.y -= 20;
        for (EvidenceLevel l : EvidenceLevel.values()) {
            w.rect(x, w.y - 2, 9, 9, EVIDENCE_COLORS.get(l));
            w.text(w.bold, 11, x + 14, w.y, l.name() + ": " + counts.count(l));
            w.text(w.regular, 9, x + 150, w.y, EVIDENCE_MEANINGS.get(l));
            w.y -= 18;
        }
        if (counts.trustedVerified() > 0) {
            boolean one = counts.trustedVerified() == 1;
            w.text(w.regular, 9, x, w.y, counts.trustedVerified() + " of the VERIFIED records " + (one ? "rests" : "rest")
                    + " on one endpoint's word (TRUSTED): " + (one ? "its" : "their") + " presence on chain was not "
                    + "proved.");
            w.y -= 14;
        }
        w.y -= 10;
    }

    private void field(String label, String value, PdfText font) throws IOException {
        float x = PdfPageWriter.MARGIN;
        w.text(w.regular, 10, x, w.y, w.regular.fit(label + ":", 10, 106));
        float max = PdfPageWriter.WIDTH - PdfPageWriter.MARGIN - (x + 110);
        w.text(font, font == w.mono ? 8.5f : 10, x + 110, w.y, font.fit(value == null ? "-" : value,
                font == w.mono ? 8.5f : 10, max));
        w.y -= 15;
    }

    static String grouped(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex, i, Math.min(hex.length(), i + 8));
        }
        return sb.toString();
    }
}
