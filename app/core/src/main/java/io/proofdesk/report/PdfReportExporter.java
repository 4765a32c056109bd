package io.proofdesk.report;

import io.proofdesk.domain.ReportEntry;
import io.proofdesk.domain.Verdict;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * The report for people: a cover (network, date, auditor key fingerprint, report hash, verdict counts and a bar
 * chart), a paginated table of the records in the report's order (mismatches first), one page per MISMATCH with its
 * failing checks and, when the record was re-executed, claimed-vs-local bars and a difference heat strip; models
 * named by the names the signed report carries ({@link ReportModelNames}); page numbers on every page. The signed
 * JSON is attached ({@value #ATTACHMENT}), so the one file serves people and {@code proofdesk check-report}.
 * Exported files carry a PDF digital signature ({@link PdfReportSigner}) and are drawn from the signed JSON as read
 * back, and from nothing else, exactly as {@code check-report} re-draws them to compare every page
 * ({@link PdfPageComparison}). A report of schema {@value Report#SCHEMA_1} is drawn as Proofdesk drew it then (no
 * model names, no line about the records' order), so its PDFs still compare equal.
 */
public final class PdfReportExporter implements ReportExporter<SignedReport> {

    public static final String ATTACHMENT = "proofdesk-report.json";
    static final String COVER_TITLE = "Proofdesk verification report";
    static final String RECORDS_LABEL = "Records";
    static final String SHA_LABEL = "Report SHA-256";
    static final int ROWS_PER_PAGE = 44;
    static final String TABLE_ORDER = "Mismatches first, then errors, unverified and verified records (chain order "
            + "within each).";

    static final Map<Verdict, Color> COLORS = Map.of(Verdict.VERIFIED, new Color(0x2e, 0x7d, 0x32),
            Verdict.MISMATCH, new Color(0xc6, 0x28, 0x28), Verdict.UNVERIFIED, new Color(0x75, 0x75, 0x75),
            Verdict.ERROR, new Color(0xef, 0x6c, 0x00));

    private final AuditorKey signingKey;

    /** Draws reports ({@link #render}) but cannot export them: exported PDFs are signed. */
    public PdfReportExporter() {
        this(null);
    }

    /** Exports PDFs signed under {@code signingKey}, the key the reports' JSON is signed with. */
    public PdfReportExporter(AuditorKey signingKey) {
        this.signingKey = signingKey;
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public ReportEntry export(SignedReport report, Path target) throws IOException {
        if (signingKey == null) {
            throw new IllegalStateException("a PDF report is exported signed: construct the exporter with the auditor key");
        }
        byte[] bytes = new PdfReportSigner(signingKey).sign(render(SignedReport.parse(report.file())), report);
        ReportFiles.writeAtomically(target, bytes);
        return new ReportEntry(null, target.toAbsolutePath().toString(), ReportSigner.sha256Hex(bytes),
                Instant.parse(report.report().createdAt()), report.report().records().size(), format());
    }

    /** The PDF's bytes. */
    public byte[] render(SignedReport signed) throws IOException {
        Report r = signed.report();
        ReportModelNames models = ReportModelNames.of(r);
        try (PDDocument doc = new PDDocument()) {
            info(doc, r);
            try (PdfPageWriter w = new PdfPageWriter(doc)) {
                cover(w, r, signed.sha256());
                table(w, r, models);
                for (int i = 0; i < r.records().size(); i++) {
                    ReportRecord rec = r.records().get(i);
                    if (Verdict.MISMATCH.name().equals(rec.verdict())) {
                        new PdfMismatchPage(w, models).draw(rec, i + 1);
                    }
                }
            }
            footers(doc, signed.sha256());
            attach(doc, signed.file(), r.createdAt());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void info(PDDocument doc, Report r) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(COVER_TITLE + (r.title() == null ? "" : ": " + r.title()));
        info.setAuthor("auditor " + r.auditor().fingerprint());
        info.setCreator("Proofdesk " + (r.environment() == null ? "" : r.environment().proofdesk()));
        info.setProducer("Proofdesk (Apache PDFBox)");
        Calendar created = calendar(r.createdAt());
        info.setCreationDate(created);
        info.setModificationDate(created);
    }

    private static Calendar calendar(String iso) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(Instant.parse(iso).toEpochMilli());
        return c;
    }

    private static void cover(PdfPageWriter w, Report r, String sha) throws IOException {
        w.newPage();
        float x = PdfPageWriter.MARGIN;
        w.rect(0, PdfPageWriter.HEIGHT - 8, PdfPageWriter.WIDTH, 8, DiffImages.CLAIMED);
        w.text(w.bold, 24, x, w.y - 10, COVER_TITLE);
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
        field(w, "Network", network, w.regular);
        field(w, "Created", r.createdAt().replace('T', ' ').replace("Z", " UTC"), w.regular);
        field(w, "Auditor key", grouped(r.auditor().fingerprint()), w.mono);
        field(w, SHA_LABEL, sha, w.mono);
        ReportEnvironment e = r.environment();
        if (e != null) {
            field(w, "Written with", "Proofdesk " + e.proofdesk() + ", Java " + e.java() + ", ONNX Runtime "
                    + e.onnxRuntime(), w.regular);
            field(w, "Machine", e.os() + ", " + e.cpu(), w.regular);
        }
        w.y -= 14;
        w.text(w.bold, 14, x, w.y, "Verdicts");
        w.y -= 22;
        ReportSummary s = r.summary();
        field(w, RECORDS_LABEL, Long.toString(s.records()), w.bold);
        w.y -= 4;
        float chartX = x + 150;
        float chartW = PdfPageWriter.WIDTH - PdfPageWriter.MARGIN - chartX - 40;
        long max = Math.max(1, s.records());
        for (Verdict v : Verdict.values()) {
            long count = s.count(v);
            w.rect(x, w.y - 2, 9, 9, COLORS.get(v));
            w.text(w.bold, 11, x + 14, w.y, v.name() + ": " + count);
            w.rect(chartX, w.y - 3, chartW, 12, new Color(0xee, 0xee, 0xee));
            if (count > 0) {
                w.rect(chartX, w.y - 3, Math.max(1.5f, chartW * count / max), 12, COLORS.get(v));
            }
            w.y -= 22;
        }
        w.text(w.regular, 8, chartX, w.y + 8, "share of all " + s.records() + " records");
        w.y -= 16;
        if (!n.contracts().isEmpty() || !n.endpoints().isEmpty()) {
            w.text(w.bold, 12, x, w.y, "Contracts and endpoints");
            w.y -= 18;
            for (Map.Entry<String, String> c : n.contracts().entrySet()) {
                field(w, c.getKey(), c.getValue(), w.mono);
            }
            for (Map.Entry<String, String> c : n.endpoints().entrySet()) {
                field(w, c.getKey(), c.getValue(), w.mono);
            }
        }
        w.y -= 10;
        w.paragraph(w.regular, 9, x, PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN,
                "A record is VERIFIED only when every check passed; MISMATCH when a check found the record's claim "
                        + "false; UNVERIFIED when Proofdesk could not check something (never shown as verified); "
                        + "ERROR when a source failed. This PDF carries the signed JSON report as the attachment "
                        + ATTACHMENT + "; anyone can check it offline with: proofdesk check-report THIS.pdf "
                        + "--key auditor-key.pub.pem");
    }

    private static void field(PdfPageWriter w, String label, String value, PdfText font) throws IOException {
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

    private static final float[] COLS = {0, 22, 135, 178, 290, 330, 400};
    private static final String[] HEADS = {"#", "Record", "Mode", "Model", "Block", "Verdict", "Failed checks"};

    private static void table(PdfPageWriter w, Report r, ReportModelNames models) throws IOException {
        List<ReportRecord> records = r.records();
        for (int start = 0; start < Math.max(1, records.size()); start += ROWS_PER_PAGE) {
            w.newPage();
            float x = PdfPageWriter.MARGIN;
            w.text(w.bold, 14, x, w.y, "Records" + (records.size() > ROWS_PER_PAGE
                    ? " " + (start + 1) + "-" + Math.min(records.size(), start + ROWS_PER_PAGE) + " of " + records.size()
                    : ""));
            if (r.ofSchema1()) {
                w.y -= 22;
            } else {
                w.y -= 14;
                w.text(w.regular, 8, x, w.y, TABLE_ORDER);
                w.y -= 14;
            }
            w.rect(x - 2, w.y - 4, PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN + 4, 15, new Color(0xe3, 0xea, 0xf3));
            for (int c = 0; c < HEADS.length; c++) {
                w.text(w.bold, 8, x + COLS[c], w.y, HEADS[c]);
            }
            w.y -= 15;
            if (records.isEmpty()) {
                w.text(w.regular, 9, x, w.y, "This report holds no records.");
            }
            for (int i = start; i < Math.min(records.size(), start + ROWS_PER_PAGE); i++) {
                row(w, records.get(i), i + 1, i % 2 == 1, models);
            }
        }
    }

    private static void row(PdfPageWriter w, ReportRecord rec, int number, boolean shaded, ReportModelNames models)
            throws IOException {
        float x = PdfPageWriter.MARGIN;
        if (shaded) {
            w.rect(x - 2, w.y - 4, PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN + 4, 14, new Color(0xf6, 0xf6, 0xf6));
        }
        String id = rec.txHash().substring(0, 14) + ".." + rec.txHash().substring(62) + ":" + rec.logIndex()
                + (rec.leafIndex() == null ? "" : "#" + rec.leafIndex());
        String[] cells = {Integer.toString(number), id, rec.mode(), models.label(rec.model(), rec.modelVersion()),
                Long.toString(rec.block()),
                rec.verdict(), String.join(", ", rec.failedChecks())};
        for (int c = 0; c < cells.length; c++) {
            float width = (c + 1 < COLS.length ? COLS[c + 1] : PdfPageWriter.WIDTH - 2 * PdfPageWriter.MARGIN) - COLS[c] - 4;
            PdfText f = c == 1 ? w.mono : c == 5 ? w.bold : w.regular;
            if (c == 5) {
                w.rect(x + COLS[c], w.y - 1, 6, 6, COLORS.get(Verdict.valueOf(rec.verdict())));
                w.text(f, 8, x + COLS[c] + 9, w.y, f.fit(cells[c], 8, width - 9));
            } else {
                w.text(f, 8, x + COLS[c], w.y, f.fit(cells[c], 8, width));
            }
        }
        w.y -= 14;
    }

    private static void footers(PDDocument doc, String sha) throws IOException {
        int total = doc.getNumberOfPages();
        PdfText small = new PdfPageWriter(doc).regular;
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String left = "Proofdesk verification report - SHA-256 " + sha.substring(0, 16) + "...";
                String right = "page " + (i + 1) + " of " + total;
                cs.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                cs.beginText();
                cs.setFont(small.font(), 8);
                cs.newLineAtOffset(PdfPageWriter.MARGIN, 30);
                cs.showText(small.safe(left));
                cs.endText();
                cs.beginText();
                cs.setFont(small.font(), 8);
                cs.newLineAtOffset(PdfPageWriter.WIDTH - PdfPageWriter.MARGIN - small.width(right, 8), 30);
                cs.showText(right);
                cs.endText();
            }
        }
    }

    private static void attach(PDDocument doc, byte[] json, String createdAt) throws IOException {
        PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(json));
        ef.setSubtype("application/json");
        ef.setSize(json.length);
        ef.setCreationDate(calendar(createdAt));
        PDComplexFileSpecification fs = new PDComplexFileSpecification();
        fs.setFile(ATTACHMENT);
        fs.setFileUnicode(ATTACHMENT);
        fs.setFileDescription("Signed Proofdesk report (RFC 8785 JSON, Ed25519); check with proofdesk check-report");
        fs.setEmbeddedFile(ef);
        fs.setEmbeddedFileUnicode(ef);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ATTACHMENT, fs));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    /** Cover + table pages + one page per mismatch; a mismatch with very many check lines may take more. */
    public static int minimumPageCount(Report r) {
        int tables = Math.max(1, (r.records().size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        List<ReportRecord> mismatches = new ArrayList<>();
        r.records().stream().filter(x -> Verdict.MISMATCH.name().equals(x.verdict())).forEach(mismatches::add);
        return 1 + tables + mismatches.size();
    }
}
