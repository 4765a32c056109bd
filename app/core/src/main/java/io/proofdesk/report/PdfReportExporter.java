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
 * model names, no line about the records' order), so its PDFs still compare equal; so is one of
 * {@value Report#SCHEMA_2} (no evidence levels). Cover: {@link PdfCoverPage}; table: {@link PdfRecordTable}.
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
                new PdfCoverPage(w).draw(r, signed.sha256());
                new PdfRecordTable(w, models).draw(r);
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
