package io.proofdesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each record's chain evidence in reports (schema proofdesk-report/3): carried and signed in the JSON, shown per record
 * and counted on the PDF cover, printed by check-report; reports of /2 and /1 still check VALID and read as TRUSTED,
 * "not recorded". Fixture records 0..6 are PROVED, AGREED, TRUSTED in turn; verdicts V V M U E V V.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEvidenceTest {

    private AuditorKey key;
    private SignedReport signed;
    private final ReportChecker checker = new ReportChecker();
    private final CanonicalReportJson canonical = new CanonicalReportJson();

    @BeforeAll
    void sign(@TempDir Path dir) throws Exception {
        key = ReportFixtures.testKey(dir);
        signed = new ReportSigner(key).sign(ReportFixtures.report(key, 7));
    }

    @Test
    @DisplayName("the JSON gives every record evidence {level, detail} as stored, and the signature covers it")
    void jsonCarriesSignedEvidence() throws Exception {
        assertEquals(Report.SCHEMA, signed.report().schema());
        JsonNode records = canonical.parse(signed.file()).get("report").get("records");
        assertEquals(7, records.size());
        for (JsonNode rec : records) {
            int i = rec.get("block").asInt() - 100;
            Evidence expected = ReportFixtures.evidence(i);
            assertEquals(Map.of("level", expected.level().name(), "detail", expected.detail()),
                    canonical.mapper().convertValue(rec.get("evidence"), Map.class), rec.toString());
        }
        assertTrue(checker.checkJson(signed.file(), Optional.of(key.publicKey())).isValid());
        // an evidence level raised after signing: the bytes are canonical again, but the signature no longer holds
        ObjectNode root = (ObjectNode) canonical.parse(signed.file());
        for (JsonNode rec : root.get("report").get("records")) {
            ((ObjectNode) rec.get("evidence")).put("level", "PROVED");
        }
        ReportCheckResult raised = checker.checkJson(canonical.bytes(root), Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, raised.outcome());
        assertTrue(raised.problems().stream().anyMatch(p -> p.startsWith("the Ed25519 signature does not verify")),
                raised.problems().toString());
    }

    @Test
    @DisplayName("schema rules: a /3 record needs one of the three levels and a detail; a /2 record carries none")
    void evidenceSchemaRules() {
        Report r = signed.report();
        List<ReportRecord> missing = new ArrayList<>(r.records());
        missing.set(2, JsonReportTest.withEvidence(missing.get(2), null));
        List<ReportRecord> badLevel = new ArrayList<>(r.records());
        badLevel.set(0, JsonReportTest.withEvidence(badLevel.get(0), new ReportEvidence("VERIFIED", "trust me")));
        List<ReportRecord> blank = new ArrayList<>(r.records());
        blank.set(1, JsonReportTest.withEvidence(blank.get(1), new ReportEvidence("PROVED", " ")));
        record Case(Report report, String problem) {
        }
        for (Case k : List.of(
                new Case(JsonReportTest.with(r, Report.SCHEMA, missing, r.models()), "record 3 ("
                        + r.records().get(2).id() + ") has no \"evidence\""),
                new Case(JsonReportTest.with(r, Report.SCHEMA, badLevel, r.models()), "record 1 ("
                        + r.records().get(0).id() + "): \"evidence\" is not a level and a detail: 'VERIFIED' is not "
                        + "an evidence level"),
                new Case(JsonReportTest.with(r, Report.SCHEMA, blank, r.models()), "record 2 ("
                        + r.records().get(1).id() + "): \"evidence\" is not a level and a detail"),
                new Case(JsonReportTest.with(r, Report.SCHEMA_2, r.records(), r.models()), "record 1 ("
                        + r.records().get(0).id() + ") has \"evidence\", which a proofdesk-report/2 report"))) {
            ReportCheckResult result = checker.checkJson(new ReportSigner(key).sign(k.report()).file(), Optional.empty());
            assertEquals(ReportCheckResult.Outcome.TAMPERED, result.outcome(), k.problem());
            assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(k.problem())),
                    k.problem() + " in " + result.problems());
        }
        Report v2 = JsonReportTest.with(r, Report.SCHEMA_2, JsonReportTest.withoutEvidence(r.records()), r.models());
        assertTrue(checker.checkJson(new ReportSigner(key).sign(v2).file(), Optional.empty()).isValid());
    }

    @Test
    @DisplayName("a proofdesk-report/2 JSON written before evidence levels still checks VALID; its records read as "
            + "TRUSTED, \"not recorded\", and check-report says so")
    void schema2JsonStillChecks() throws Exception {
        ReportCheckResult r = checker.checkJson(resource("golden-report-v2.json"), Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
        Report report = r.report().orElseThrow();
        assertEquals(Report.SCHEMA_2, report.schema());
        assertFalse(report.carriesEvidence());
        for (ReportRecord rec : report.records()) {
            assertEquals(null, rec.evidence());
            assertEquals(new Evidence(EvidenceLevel.TRUSTED, "not recorded"), rec.evidenceOrNotRecorded());
        }
        List<String> printed = ReportCheckText.lines(Path.of("v2.json"), r, true);
        assertTrue(printed.contains("evidence not recorded: the report was written before evidence levels (read as "
                + "TRUSTED, one endpoint's word, not proved)"), printed.toString());
    }

    @Test
    @DisplayName("a proofdesk-report/2 PDF, drawn and signed before evidence levels, still checks VALID page by page")
    void schema2PdfStillChecks() throws Exception {
        // golden-report-v2.pdf: written by this Proofdesk's exporter before schema /3 (ReportFixtures.report(key, 7))
        ReportCheckResult r = checker.checkPdf(resource("golden-report-v2.pdf"), Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
        assertEquals(Report.SCHEMA_2, r.report().orElseThrow().schema());
        assertTrue(r.notes().contains("3 pages compared with what the signed JSON renders (text and 2 pictures)"),
                r.notes().toString());
    }

    @Test
    @DisplayName("the PDF counts records per level on the cover, shows each record's level in the table and the "
            + "mismatch's evidence on its page; the signed PDF checks VALID")
    void pdfShowsEvidence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.pdf");
        new PdfReportExporter(key).export(signed, file);
        byte[] pdf = Files.readAllBytes(file);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String cover = page(doc, 1);
            for (String line : List.of("Chain evidence", "PROVED: 3 receipt proved against a header linked to a trusted "
                    + "checkpoint", "AGREED: 2 not proved; K of N independent sources gave the same data",
                    "TRUSTED: 2 one endpoint's word, not proved", "1 of the VERIFIED records rests on one endpoint's "
                    + "word (TRUSTED): its presence on chain was not proved.", "VERIFIED: 4")) {
                assertTrue(cover.contains(line), line + " in " + cover);
            }
            String table = page(doc, 2);
            assertTrue(table.contains("# Record Mode Model Block Evidence Verdict Failed checks"), table);
            assertTrue(table.contains(PdfRecordTable.EVIDENCE_LEGEND), table);
            List<String> rows = table.lines().filter(l -> l.matches("\\d+ 0x.*")).toList();
            // mismatches first: record i=2 (TRUSTED), then error i=4 (AGREED), unverified i=3 (PROVED), verified 0 1 5 6
            List<String> levels = rows.stream().map(l -> l.replaceAll(".* (PROVED|AGREED|TRUSTED) .*", "$1")).toList();
            assertEquals(List.of("TRUSTED", "AGREED", "PROVED", "PROVED", "AGREED", "TRUSTED", "PROVED"), levels);
            assertTrue(rows.getFirst().contains(" credit-mlp 1.00 "), rows.getFirst());
            assertTrue(page(doc, 3).contains("Evidence: TRUSTED - one endpoint, not proved"), page(doc, 3));
        }
        ReportCheckResult r = checker.checkPdf(pdf, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
        assertTrue(ReportCheckText.lines(file, r, true).contains("evidence PROVED 3, AGREED 2, TRUSTED 2 (1 VERIFIED "
                + "record rests on one endpoint's word, not proved)"), ReportCheckText.lines(file, r, true).toString());
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static String page(PDDocument doc, int page) throws IOException {
        PDFTextStripper text = new PDFTextStripper();
        text.setStartPage(page);
        text.setEndPage(page);
        return text.getText(doc);
    }
}
