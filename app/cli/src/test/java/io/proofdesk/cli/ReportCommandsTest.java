package io.proofdesk.cli;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report -> check-report over a real store; tampered and unreadable files; verify-bundle's bad-input exits. */
class ReportCommandsTest {

    @TempDir
    Path dir;

    private Path seededDataDir() {
        Path data = dir.resolve("data");
        try (Store store = Store.open(new DataDirectory(data))) {
            List<Inference> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                records.add(new Inference(RecordId.of(String.format("0x%064x", 0xfeed00L + i), 0), InferenceMode.VANILLA,
                        "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", "1.00", null, null, SettlementKind.ONCHAIN,
                        10 + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), null, null, null, null, null, null,
                        List.of(), List.of(), List.of(), null));
            }
            store.inTransaction(tx -> {
                tx.saveInferences(records);
                for (int i = 0; i < 4; i++) {
                    boolean bad = i == 1;
                    tx.saveVerdict(new VerdictRecord(records.get(i).id(), bad ? Verdict.MISMATCH : Verdict.VERIFIED,
                            bad ? "reexecution: output differs" : "all 1 checks passed", Instant.now(), null,
                            List.of(new CheckResult("reexecution", bad ? CheckStatus.FAIL : CheckStatus.PASS,
                                    bad ? "output differs" : "bit-identical", Map.of()))));
                }
            });
        }
        return data;
    }

    @Test
    @DisplayName("report with the inferences command's filters reports exactly the records those filters list")
    void reportTakesTheInferencesFilters() throws Exception {
        Path data = seededDataDir();
        String[] filters = {"--verdict", "verified", "--from-block", "12"};
        CliTestRun listed = CliTestRun.of(concat(new String[] {"inferences", "--json", "--data-dir", data.toString()},
                filters));
        assertEquals(ExitCode.VERIFIED, listed.exitCode(), listed.err());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> expected = new ArrayList<>();
        mapper.readTree(listed.out()).forEach(n -> expected.add(n.get("id").asText()));
        assertEquals(2, expected.size(), "verified records at blocks 12 and 13");

        Path json = dir.resolve("filtered.json");
        CliTestRun run = CliTestRun.of(concat(new String[] {"report", "--json", json.toString(), "--pdf",
                dir.resolve("filtered.pdf").toString(), "--data-dir", data.toString()}, filters));
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.out() + run.err());
        List<String> reported = new ArrayList<>();
        mapper.readTree(json.toFile()).findValues("id").forEach(n -> {
            if (n.asText().contains(":")) {
                reported.add(n.asText());
            }
        });
        assertEquals(expected, reported);

        CliTestRun both = CliTestRun.of("report", "--all", "--verdict", "MISMATCH", "--json", json.toString(), "--pdf",
                dir.resolve("x.pdf").toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.BAD_INPUT, both.exitCode(), both.out() + both.err());
        assertTrue(both.err().contains("give exactly one of --all, --id ID..., or filters"), both.err());

        CliTestRun help = CliTestRun.of("inferences", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--model-version"), help.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    @DisplayName("report writes JSON and PDF that check-report finds VALID (exit 0); records without verdicts are left out")
    void reportThenCheck() throws Exception {
        Path data = seededDataDir();
        Path json = dir.resolve("out/r.json");
        Path pdf = dir.resolve("out/r.pdf");
        CliTestRun run = CliTestRun.of("report", "--all", "--json", json.toString(), "--pdf", pdf.toString(),
                "--data-dir", data.toString(), "--title", "CLI test");
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.err());
        assertTrue(run.out().contains("left out 1 records without a verdict"), run.out());
        assertTrue(run.out().contains("MISMATCH   1"), run.out());
        Path pub = data.resolve("auditor-key.pub.pem");
        for (Path f : List.of(json, pdf)) {
            CliTestRun check = CliTestRun.of("check-report", f.toString(), "--key", pub.toString());
            assertEquals(ExitCode.VERIFIED, check.exitCode(), check.out() + check.err());
            assertTrue(check.out().startsWith("VALID"), check.out());
            assertTrue(check.out().contains("records  4"), check.out());
        }
        try (Store store = Store.open(new DataDirectory(data))) {
            assertEquals(2, store.read(tx -> tx.reports().all()).size());
        }
        byte[] bytes = Files.readAllBytes(json);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\"MISMATCH\"", "\"VERIFIED\"");
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, text);
        CliTestRun bad = CliTestRun.of("check-report", tampered.toString());
        assertEquals(ExitCode.MISMATCH, bad.exitCode(), bad.out());
        assertTrue(bad.out().contains("failed: the report's SHA-256 is"), bad.out());
        Path garbage = dir.resolve("garbage.pdf");
        Files.writeString(garbage, "%PDF-1.7 nothing else");
        assertEquals(ExitCode.BAD_INPUT, CliTestRun.of("check-report", garbage.toString()).exitCode());
        assertEquals(ExitCode.BAD_INPUT, CliTestRun.of("check-report", dir.resolve("none.json").toString()).exitCode());
    }

    @Test
    @DisplayName("report writes whichever of --json and --pdf is given; neither is bad input; both have help text")
    void eitherFormat() throws Exception {
        Path data = seededDataDir();
        Path json = dir.resolve("only.json");
        CliTestRun onlyJson = CliTestRun.of("report", "--all", "--json", json.toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.VERIFIED, onlyJson.exitCode(), onlyJson.out() + onlyJson.err());
        assertTrue(Files.isRegularFile(json));
        assertTrue(onlyJson.out().contains("wrote json"), onlyJson.out());
        assertTrue(!onlyJson.out().contains("wrote pdf"), onlyJson.out());

        Path pdf = dir.resolve("only.pdf");
        CliTestRun onlyPdf = CliTestRun.of("report", "--all", "--pdf", pdf.toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.VERIFIED, onlyPdf.exitCode(), onlyPdf.out() + onlyPdf.err());
        assertTrue(Files.isRegularFile(pdf));
        assertEquals(ExitCode.VERIFIED, CliTestRun.of("check-report", pdf.toString()).exitCode());
        // without endpoints the mismatch cannot be re-executed, and the output says so
        assertTrue(onlyPdf.out().contains("1 mismatched record has no claimed-vs-local pictures"), onlyPdf.out());
        try (Store store = Store.open(new DataDirectory(data))) {
            assertEquals(List.of("pdf", "json"), store.read(tx -> tx.reports().all()).stream()
                    .map(io.proofdesk.domain.ReportEntry::format).toList());
        }

        CliTestRun neither = CliTestRun.of("report", "--all", "--data-dir", data.toString());
        assertEquals(ExitCode.BAD_INPUT, neither.exitCode());
        assertTrue(neither.err().contains("give --json FILE, --pdf FILE or both"), neither.err());

        CliTestRun help = CliTestRun.of("report", "--help");
        assertEquals(0, help.exitCode(), help.err());
        for (String option : List.of("--json=FILE", "--pdf=FILE", "--title=TEXT")) {
            String line = help.out().lines().filter(l -> l.contains(option)).findFirst().orElseThrow();
            assertTrue(line.strip().length() > option.length() + 10, "help text for " + option + ": " + line);
        }
        assertTrue(help.out().contains("default: Verification report"), help.out());
    }

    @Test
    @DisplayName("check-report on a report whose summary was edited prints sentences, never a Java record")
    void tamperedSummaryIsSentences() throws Exception {
        Path data = seededDataDir();
        Path json = dir.resolve("s.json");
        assertEquals(ExitCode.VERIFIED, CliTestRun.of("report", "--all", "--json", json.toString(), "--data-dir",
                data.toString()).exitCode());
        String text = Files.readString(json).replace("\"mismatch\":1", "\"mismatch\":0");
        Path tampered = dir.resolve("s-tampered.json");
        Files.writeString(tampered, text);
        CliTestRun check = CliTestRun.of("check-report", tampered.toString());
        assertEquals(ExitCode.MISMATCH, check.exitCode(), check.out());
        assertTrue(!check.out().contains("ReportSummary["), check.out());
        assertTrue(check.out().contains("failed: the summary says 4 records: 3 verified, 0 mismatch, 0 unverified, "
                + "0 error, but the report holds 4 records: 3 verified, 1 mismatch, 0 unverified, 0 error"), check.out());
        assertTrue(check.out().contains("not compared with the auditor's key: give --key PUBKEY.pem"), check.out());
        assertTrue(!check.out().contains("no --key given"), check.out());
    }

    @Test
    @DisplayName("check-report on a PDF: 0 for the exported file, 1 for an edited table row or a cut-off end, 2 without a PDF signature")
    void pdfCheckExitCodes() throws Exception {
        Path data = seededDataDir();
        Path pdf = dir.resolve("r.pdf");
        CliTestRun run = CliTestRun.of("report", "--all", "--json", dir.resolve("r.json").toString(), "--pdf",
                pdf.toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(data.resolve(io.proofdesk.report.AuditorCertificate.FILE)),
                "the auditor's certificate is made beside its key");
        String pub = data.resolve("auditor-key.pub.pem").toString();

        CliTestRun valid = CliTestRun.of("check-report", pdf.toString(), "--key", pub);
        assertEquals(ExitCode.VERIFIED, valid.exitCode(), valid.out());
        assertTrue(valid.out().contains("pdf      3 pages compared with what the signed JSON renders (text)"), valid.out());
        assertTrue(valid.out().contains("pdf      the PDF signature covers the whole file"), valid.out());

        byte[] bytes = Files.readAllBytes(pdf);
        Path edited = dir.resolve("edited.pdf");
        Files.write(edited, editPage2(bytes, true));
        CliTestRun tampered = CliTestRun.of("check-report", edited.toString(), "--key", pub);
        assertEquals(ExitCode.MISMATCH, tampered.exitCode(), tampered.out());
        assertTrue(tampered.out().startsWith("TAMPERED"), tampered.out());
        assertTrue(tampered.out().contains("failed: page 2 (\"Records\") differs from what the signed JSON renders"),
                tampered.out());

        Path cut = dir.resolve("cut.pdf");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        CliTestRun truncated = CliTestRun.of("check-report", cut.toString(), "--key", pub);
        assertEquals(ExitCode.MISMATCH, truncated.exitCode(), truncated.out());
        assertTrue(truncated.out().contains("the file was cut short"), truncated.out());

        Path unsigned = dir.resolve("unsigned.pdf");
        Files.write(unsigned, editPage2(bytes, false));
        CliTestRun old = CliTestRun.of("check-report", unsigned.toString(), "--key", pub);
        assertEquals(ExitCode.UNVERIFIED, old.exitCode(), old.out());
        assertTrue(old.out().startsWith("UNVERIFIED"), old.out());
        assertTrue(old.out().contains("not checked: no PDF signature"), old.out());
    }

    /**
     * With {@code forge}, an incremental update turning page 2's MISMATCH row into VERIFIED; without, the same file
     * re-saved without its signature and unchanged otherwise.
     */
    private static byte[] editPage2(byte[] pdf, boolean forge) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var out = new java.io.ByteArrayOutputStream();
            if (!forge) {
                doc.getDocumentCatalog().setAcroForm(null);
                doc.getPage(0).setAnnotations(List.of());
                doc.save(out);
                return out.toByteArray();
            }
            PDPage page = doc.getPage(1);
            List<PDStream> streams = new ArrayList<>();
            for (var it = page.getContentStreams(); it.hasNext(); ) {
                String s = new String(it.next().toByteArray(), StandardCharsets.ISO_8859_1).replace("(MISMATCH)", "(VERIFIED)");
                streams.add(new PDStream(doc, new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)),
                        COSName.FLATE_DECODE));
            }
            page.setContents(streams);
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    @Test
    @DisplayName("report with nothing verified is bad input and says to run verify first")
    void nothingVerified() {
        Path data = seededDataDir();
        CliTestRun run = CliTestRun.of("report", "--verdict", "error", "--json", dir.resolve("a.json").toString(),
                "--pdf", dir.resolve("a.pdf").toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        CliTestRun unknown = CliTestRun.of("report", "--id", String.format("0x%064x", 1) + ":0", "--json",
                dir.resolve("b.json").toString(), "--pdf", dir.resolve("b.pdf").toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("the store has no record"), unknown.err());
    }

    @Test
    @DisplayName("verify-bundle on a file that is not a zip, or a traversal zip, exits 3 saying why")
    void verifyBundleBadInput() throws Exception {
        Path notZip = dir.resolve("x.zip");
        Files.writeString(notZip, "not a zip");
        CliTestRun run = CliTestRun.of("verify-bundle", notZip.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        Path evil = dir.resolve("evil.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new java.util.zip.ZipEntry("../escape.txt"));
            z.write(1);
            z.closeEntry();
        }
        CliTestRun traversal = CliTestRun.of("verify-bundle", evil.toString());
        assertEquals(ExitCode.BAD_INPUT, traversal.exitCode());
        assertTrue(traversal.err().contains("path traversal"), traversal.err());
        assertTrue(!Files.exists(dir.getParent().resolve("escape.txt")));
    }
}
