package io.proofdesk.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF report: cover counts read back by text extraction equal the JSON's, the attachment is the signed JSON,
 * a swapped attachment or an edited cover is caught. With -Dproofdesk.screenshots=DIR the first two pages are
 * rendered to DIR/report-page-1.png and report-page-2.png.
 */
class PdfReportTest {

    @TempDir
    Path dir;
    AuditorKey key;

    @BeforeEach
    void key() throws Exception {
        key = ReportFixtures.testKey(dir);
    }

    private byte[] pdf(int records) throws Exception {
        return new PdfReportExporter().render(new ReportSigner(key).sign(ReportFixtures.report(key, records)));
    }

    @Test
    @DisplayName("cover text shows the JSON's counts; the attachment is the signed JSON; pages = cover + tables + mismatches")
    void coverAttachmentAndPages() throws Exception {
        SignedReport signed = new ReportSigner(key).sign(ReportFixtures.report(key, 60));
        byte[] bytes = new PdfReportSigner(key).sign(new PdfReportExporter().render(signed), signed);
        PdfReportReader.Contents c = new PdfReportReader().read(bytes);
        assertArrayEquals(signed.file(), c.attachedJson());
        ReportSummary s = signed.report().summary();
        assertEquals(Map.of("Records", 60L, "VERIFIED", s.verified(), "MISMATCH", s.mismatch(), "UNVERIFIED",
                s.unverified(), "ERROR", s.error()), c.coverCounts());
        assertEquals(signed.sha256(), c.coverSha256());
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            // 60 records: 2 table pages of 44 rows, and one page for each of the 9 mismatches
            assertEquals(1 + 2 + s.mismatch(), doc.getNumberOfPages());
            assertEquals(PdfReportExporter.minimumPageCount(signed.report()), doc.getNumberOfPages());
            String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains("page 12 of 12"), "page numbers");
            assertTrue(all.contains("Mismatch - record 3"), "mismatch page");
            assertTrue(all.contains("largest |local - claimed| = 0.6"), "difference summary under the pictures");
            assertTrue(all.contains("max |delta| 0.25 >= 1e-6"), "characters outside WinAnsi are replaced, not dropped");
        }
        ReportCheckResult r = new ReportChecker().checkPdf(bytes, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
    }

    @Test
    @DisplayName("the records table lists mismatches first and says so; models are named by the signed report's "
            + "models table (the record's own version of the CID), else by a shortened CID and version")
    void mismatchesFirstAndModelNames() throws Exception {
        Map<String, java.util.List<ReportModel>> twoVersions = Map.of(ReportFixtures.CID, java.util.List.of(
                new ReportModel("credit-mlp", "0.90"), new ReportModel("credit-mlp", "1.00")));
        SignedReport signed = new ReportSigner(key).sign(new ReportBuilder().build("t", ReportFixtures.CREATED, key,
                ReportFixtures.NETWORK, ReportFixtures.ENV, ReportFixtures.items(12), twoVersions));
        try (PDDocument doc = Loader.loadPDF(new PdfReportExporter().render(signed))) {
            String table = page(doc, 2);
            java.util.List<String> rows = table.lines().filter(l -> l.matches("\\d+ 0x.*")).toList();
            assertEquals(12, rows.size(), table);
            java.util.List<String> verdicts = rows.stream().map(l -> l.replaceAll(".* (MISMATCH|ERROR|UNVERIFIED"
                    + "|VERIFIED).*", "$1")).toList();
            assertEquals(java.util.List.of("MISMATCH", "MISMATCH", "ERROR", "ERROR", "UNVERIFIED", "UNVERIFIED",
                    "VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED"), verdicts);
            assertTrue(rows.getFirst().startsWith("1 0x"), rows.getFirst());
            assertTrue(rows.stream().allMatch(l -> l.contains(" credit-mlp 1.00 ")), "the record's own version: " + rows);
            assertTrue(table.contains(PdfReportExporter.TABLE_ORDER), table);
            String mismatch = page(doc, 3);
            assertTrue(mismatch.contains("Mismatch - record 1"), mismatch);
            assertTrue(mismatch.contains("Model: credit-mlp, version 1.00 (CID " + ReportFixtures.CID + ")"), mismatch);
            assertTrue(mismatch.contains("claimed vs local"), "the re-executed mismatch has its pictures: " + mismatch);
        }
        SignedReport unnamed = new ReportSigner(key).sign(new ReportBuilder().build("t", ReportFixtures.CREATED, key,
                ReportFixtures.NETWORK, ReportFixtures.ENV, ReportFixtures.items(12), Map.of()));
        assertEquals(Map.of(), unnamed.report().models());
        try (PDDocument doc = Loader.loadPDF(new PdfReportExporter().render(unnamed))) {
            assertTrue(page(doc, 2).contains(" QmYwAPJz..WnPbdG 1.00 "), page(doc, 2));
            assertTrue(page(doc, 3).contains(ReportFixtures.CID + " (version 1.00) - not in the synced registry"),
                    page(doc, 3));
        }
    }

    @Test
    @DisplayName("a mismatch that was not re-executed says its outputs are not part of the report, without pictures")
    void mismatchWithoutOutputs() throws Exception {
        java.util.List<ReportItem> items = ReportFixtures.items(3).stream()
                .map(i -> new ReportItem(i.inference(), i.verdict(), Optional.empty())).toList();
        Report report = new ReportBuilder().build("t", ReportFixtures.CREATED, key, ReportFixtures.NETWORK,
                ReportFixtures.ENV, items, ReportFixtures.MODELS);
        try (PDDocument doc = Loader.loadPDF(new PdfReportExporter().render(new ReportSigner(key).sign(report)))) {
            String mismatch = page(doc, 3);
            assertTrue(mismatch.contains("Claimed and local outputs are not part of this report"), mismatch);
            assertTrue(!mismatch.contains("claimed vs local"), mismatch);
        }
    }

    private static String page(PDDocument doc, int page) throws java.io.IOException {
        PDFTextStripper text = new PDFTextStripper();
        text.setStartPage(page);
        text.setEndPage(page);
        return text.getText(doc);
    }

    @Test
    @DisplayName("a PDF whose attachment was swapped for another valid signed report is TAMPERED, saying why")
    void swappedAttachment() throws Exception {
        byte[] original = pdf(10);
        byte[] otherJson = new ReportSigner(key).sign(ReportFixtures.report(key, 4)).file();
        byte[] swapped;
        try (PDDocument doc = Loader.loadPDF(original)) {
            PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(otherJson));
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            fs.setFile(PdfReportExporter.ATTACHMENT);
            fs.setEmbeddedFile(ef);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(PdfReportExporter.ATTACHMENT, fs));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            swapped = out.toByteArray();
        }
        ReportCheckResult r = new ReportChecker().checkPdf(swapped, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("the PDF cover says Records: 10, the signed report says 4")),
                r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("SHA-256")), r.problems().toString());
    }

    @Test
    @DisplayName("a PDF without the attachment, or a truncated PDF, is UNREADABLE")
    void unreadablePdfs() throws Exception {
        byte[] original = pdf(3);
        byte[] stripped;
        try (PDDocument doc = Loader.loadPDF(original)) {
            doc.getDocumentCatalog().setNames(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            stripped = out.toByteArray();
        }
        ReportChecker checker = new ReportChecker();
        assertEquals(ReportCheckResult.Outcome.UNREADABLE, checker.checkPdf(stripped, Optional.empty()).outcome());
        assertEquals(ReportCheckResult.Outcome.UNREADABLE,
                checker.checkPdf(Arrays.copyOf(original, 400), Optional.empty()).outcome());
    }

    @Test
    @DisplayName("the first two pages render (PDFBox renderer, headless) and are written as screenshots when asked")
    void renderPages() throws Exception {
        byte[] bytes = pdf(60);
        String target = System.getProperty("proofdesk.screenshots");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < 2; page++) {
                var image = renderer.renderImageWithDPI(page, 110);
                assertEquals(Math.round(8.27 * 110), image.getWidth(), 2);
                if (target != null) {
                    Files.createDirectories(Path.of(target));
                    ImageIO.write(image, "png", Path.of(target, "report-page-" + (page + 1) + ".png").toFile());
                }
            }
            int mismatchPage = 3;
            var image = renderer.renderImageWithDPI(mismatchPage, 110);
            if (target != null) {
                ImageIO.write(image, "png", Path.of(target, "report-page-mismatch.png").toFile());
            }
        }
    }
}
