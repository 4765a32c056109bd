package io.proofdesk.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * check-report on PDFs: every page is compared with what the attached signed JSON renders, and the PDF's own
 * digital signature must cover the whole file under the auditor key. The red team's edits (a records-table row
 * changed from MISMATCH to VERIFIED, the file cut short) and their relatives are all caught, naming the page.
 * One signed PDF is written for the class; each test edits its own copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfReportCheckTest {

    AuditorKey key;
    SignedReport signed;
    byte[] pdf;
    final ReportChecker checker = new ReportChecker();

    @BeforeAll
    void signedPdf(@TempDir Path dir) throws Exception {
        key = ReportFixtures.testKey(dir);
        // 60 records: cover, 2 table pages, 9 mismatch pages with 2 pictures each (12 pages)
        signed = new ReportSigner(key).sign(ReportFixtures.report(key, 60));
        Path file = dir.resolve("r.pdf");
        new PdfReportExporter(key).export(signed, file);
        pdf = Files.readAllBytes(file);
    }

    private ReportCheckResult check(byte[] bytes) {
        return checker.checkPdf(bytes, Optional.of(key.publicKey()));
    }

    private static void assertProblem(ReportCheckResult r, String... parts) {
        assertTrue(r.problems().stream().anyMatch(p -> Arrays.stream(parts).allMatch(p::contains)),
                "expected a problem with " + List.of(parts) + " in " + r.problems());
    }

    @Test
    @DisplayName("an exported PDF is VALID: 12 pages and 18 pictures as the JSON renders them, one signature over the whole file")
    void valid() throws Exception {
        ReportCheckResult r = check(pdf);
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
        assertTrue(r.notes().contains("12 pages compared with what the signed JSON renders (text and 18 pictures)"),
                r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("the PDF signature covers the whole file")
                && n.contains("certified by auditor key " + key.fingerprint())), r.notes().toString());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            assertEquals(1, sigs.size());
            int[] range = sigs.getFirst().getByteRange();
            assertEquals(0, range[0]);
            assertEquals(pdf.length, range[2] + range[3], "the signed byte range ends at the file's last byte");
            assertEquals('<', pdf[range[1]]);
            assertEquals('>', pdf[range[2] - 1]);
            assertEquals(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName(), sigs.getFirst().getSubFilter());
            // the CMS carries the one-time signing certificate and the auditor's own, for readers to show the chain
            var cms = new org.bouncycastle.cms.CMSSignedData(new org.bouncycastle.asn1.ASN1InputStream(
                    sigs.getFirst().getContents()).readObject().getEncoded());
            var certs = cms.getCertificates().getMatches(null);
            assertEquals(2, certs.size());
            assertTrue(certs.stream().anyMatch(c -> {
                try {
                    return Arrays.equals(c.getEncoded(), key.certificate().getEncoded());
                } catch (Exception e) {
                    return false;
                }
            }), "the auditor certificate is in the CMS");
        }
    }

    @Test
    @DisplayName("the red team's edit: a records-table row changed from MISMATCH to VERIFIED is TAMPERED, naming page 2")
    void editedTableRow() throws Exception {
        byte[] edited = PdfEdits.incremental(pdf, PdfEdits.text(1, "MISMATCH", "VERIFIED"));
        try (PDDocument doc = Loader.loadPDF(edited)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(2);
            s.setEndPage(2);
            long mismatches = s.getText(doc).lines().filter(l -> l.contains("MISMATCH")).count();
            // records are listed mismatches first, so page 2 holds all 9
            assertEquals(8, mismatches, "the forger's page shows one MISMATCH fewer than the 9 of page 2");
        }
        ReportCheckResult r = check(edited);
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertProblem(r, "page 2 (\"Records 1-44 of 60\") differs from what the signed JSON renders", "VERIFIED",
                "where the signed report renders", "MISMATCH");
        assertProblem(r, "the PDF signature covers bytes 0 to " + pdf.length, "bytes were added after it was signed");
    }

    @Test
    @DisplayName("the same row edit with the signature removed and the file rewritten is still TAMPERED on page 2")
    void editedRowUnsigned() throws Exception {
        byte[] edited = PdfEdits.rewritten(pdf, doc -> {
            PdfEdits.removeSignature().apply(doc);
            PdfEdits.text(1, "MISMATCH", "VERIFIED").apply(doc);
        });
        ReportCheckResult r = check(edited);
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertProblem(r, "page 2 (", "differs");
        assertProblem(r, "no PDF signature");
    }

    @Test
    @DisplayName("an edited mismatch page is TAMPERED: its text, or its pictures repainted")
    void editedMismatchPage() throws Exception {
        ReportCheckResult text = check(PdfEdits.incremental(pdf, PdfEdits.text(3, "FAIL", "PASS")));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, text.outcome());
        assertProblem(text, "page 4 (\"Mismatch - record 1\") differs", "PASS");

        ReportCheckResult pictures = check(PdfEdits.rewritten(pdf, doc -> {
            PdfEdits.removeSignature().apply(doc);
            PdfEdits.pictures(3).apply(doc);
        }));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, pictures.outcome());
        assertProblem(pictures, "page 4 (\"Mismatch - record 1\"): picture 1", "differs from what the signed JSON renders");
        assertProblem(pictures, "page 4 (\"Mismatch - record 1\"): picture 2");
    }

    @Test
    @DisplayName("a page removed or added is TAMPERED, counting the pages")
    void pagesRemovedOrAdded() throws Exception {
        ReportCheckResult removed = check(PdfEdits.incremental(pdf, PdfEdits.removeLastPage()));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, removed.outcome());
        assertProblem(removed, "the PDF has 11 pages; its signed JSON renders 12");
        ReportCheckResult added = check(PdfEdits.rewritten(pdf, PdfEdits.addPage()));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, added.outcome());
        assertProblem(added, "the PDF has 13 pages; its signed JSON renders 12");
    }

    @Test
    @DisplayName("cutting the last 200 bytes (xref and trailer), or any tail, never checks VALID")
    void truncated() throws Exception {
        ReportCheckResult r = check(Arrays.copyOf(pdf, pdf.length - 200));
        assertNotEquals(ReportCheckResult.Outcome.VALID, r.outcome());
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome(), "PDFBox repairs the file; the check does not");
        assertProblem(r, "the file was cut short");
        assertProblem(r, "does not end with \"startxref OFFSET %%EOF\"");
        for (int cut : new int[] {1, 30, 1000}) {
            ReportCheckResult c = check(Arrays.copyOf(pdf, pdf.length - cut));
            assertNotEquals(ReportCheckResult.Outcome.VALID, c.outcome(), "cut " + cut + ": " + c.problems());
        }
        // an unsigned PDF cut short is caught by its end alone
        byte[] unsigned = new PdfReportExporter().render(signed);
        ReportCheckResult u = check(Arrays.copyOf(unsigned, unsigned.length - 200));
        assertNotEquals(ReportCheckResult.Outcome.VALID, u.outcome());
        assertNotEquals(ReportCheckResult.Outcome.UNVERIFIED, u.outcome(), u.problems().toString());
    }

    @Test
    @DisplayName("the signature is over the byte range: one changed byte anywhere it covers is a digest mismatch")
    void byteRangeVerified() throws Exception {
        // the last /ID of the file is in the signed revision's trailer: changing it alters no page and no JSON
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int id = text.lastIndexOf("/ID");
        int hex = text.indexOf('<', id) + 1;
        byte[] edited = pdf.clone();
        edited[hex] = (byte) (edited[hex] == 'A' ? 'B' : 'A');
        ReportCheckResult r = check(edited);
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertEquals(List.of("the PDF signature does not match the file: the signed bytes were changed after signing "
                + "(digest mismatch)"), r.problems());
        // a byte inside the signature's own contents breaks the CMS instead
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int[] range = doc.getSignatureDictionaries().getFirst().getByteRange();
            byte[] sig = pdf.clone();
            sig[range[1] + 200] = (byte) (sig[range[1] + 200] == '0' ? '1' : '0');
            assertEquals(ReportCheckResult.Outcome.TAMPERED, check(sig).outcome());
        }
    }

    @Test
    @DisplayName("a PDF signed by a key the auditor did not certify, or checked against another key, is TAMPERED")
    void wrongSigner() throws Exception {
        AuditorKey other = AuditorKey.generate();
        byte[] foreign = new PdfReportSigner(other).sign(new PdfReportExporter().render(signed), signed);
        ReportCheckResult r = check(foreign);
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertProblem(r, "was not issued by the auditor key " + key.fingerprint());

        PublicKey expected = other.publicKey();
        ReportCheckResult k = checker.checkPdf(pdf, Optional.of(expected));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, k.outcome());
        assertProblem(k, "the PDF signature is certified by " + key.fingerprint() + ", not by the expected key "
                + other.fingerprint());
    }

    @Test
    @DisplayName("an old report without a PDF signature is UNVERIFIED and says \"no PDF signature\" (never VALID)")
    void noPdfSignature() throws Exception {
        byte[] old = new PdfReportExporter().render(signed);
        ReportCheckResult r = check(old);
        assertEquals(ReportCheckResult.Outcome.UNVERIFIED, r.outcome(), r.problems().toString());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().getFirst().startsWith("no PDF signature: "), r.problems().toString());
        List<String> printed = ReportCheckText.lines(Path.of("old.pdf"), r, true);
        assertEquals("UNVERIFIED old.pdf", printed.getFirst());
        assertTrue(printed.get(1).startsWith("  not checked: no PDF signature"), printed.toString());

        ReportCheckResult stripped = check(PdfEdits.rewritten(pdf, PdfEdits.removeSignature()));
        assertEquals(ReportCheckResult.Outcome.UNVERIFIED, stripped.outcome(), stripped.problems().toString());
    }

    @Test
    @DisplayName("a PDF of the previous schema, signed and drawn by the previous Proofdesk (no model names, chain "
            + "order), still checks VALID: its pages re-render exactly")
    void previousSchemaPdf() throws Exception {
        // golden-report-v1.pdf: written by main's exporter before the models table (ReportFixtures.report(key, 7))
        byte[] old;
        try (var in = getClass().getResourceAsStream("golden-report-v1.pdf")) {
            old = in.readAllBytes();
        }
        ReportCheckResult r = check(old);
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
        assertEquals(Report.SCHEMA_1, r.report().orElseThrow().schema());
        assertTrue(r.notes().contains("3 pages compared with what the signed JSON renders (text and 2 pictures)"),
                r.notes().toString());
        try (PDDocument doc = Loader.loadPDF(old)) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(2);
            text.setEndPage(3);
            String pages = text.getText(doc);
            assertTrue(!pages.contains(PdfReportExporter.TABLE_ORDER) && !pages.contains("credit-mlp"), pages);
            assertTrue(pages.contains("Model: " + ReportFixtures.CID + " (version 1.00)"), pages);
        }
    }

    @Test
    @DisplayName("exported PDFs draw from the JSON as read back: the one the checker re-renders, with the same pictures")
    void rendererIsDeterministic() throws Exception {
        byte[] again = new PdfReportExporter().render(SignedReport.parse(signed.file()));
        try (PDDocument a = Loader.loadPDF(pdf); PDDocument b = Loader.loadPDF(again)) {
            PdfPageComparison.Result same = PdfPageComparison.compare(a, b);
            assertEquals(List.of(), same.problems());
            assertEquals(18, same.pictures());
        }
        assertArrayEquals(signed.file(), new PdfReportReader().read(pdf).attachedJson());
    }
}
