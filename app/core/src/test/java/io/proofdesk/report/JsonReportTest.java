package io.proofdesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed JSON report: canonical form, hash and signature, and what checking it catches. */
class JsonReportTest {

    @TempDir
    Path dir;
    AuditorKey key;
    final ReportChecker checker = new ReportChecker();

    @BeforeEach
    void key() throws Exception {
        key = ReportFixtures.testKey(dir);
    }

    @Test
    @DisplayName("a signed report checks as VALID, names its signer and keeps its summary")
    void roundTrip() throws Exception {
        SignedReport signed = new ReportSigner(key).sign(ReportFixtures.report(key, 7));
        Path file = dir.resolve("r.json");
        new JsonReportExporter().export(signed, file);
        ReportCheckResult r = checker.check(file, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
        assertEquals(key.fingerprint(), r.signerFingerprint());
        assertEquals(signed.report(), r.report().orElseThrow());
        assertEquals(new ReportSummary(7, 4, 1, 1, 1), r.report().get().summary());
    }

    @Test
    @DisplayName("the JSON report is byte-exact: the golden file for a fixed report, key and time")
    void golden() throws Exception {
        byte[] actual = new ReportSigner(key).sign(ReportFixtures.report(key, 5)).file();
        String update = System.getProperty("proofdesk.updateGolden");
        if (update != null) {
            Files.write(Path.of(update).resolve("golden-report.json"), actual);
        }
        try (InputStream in = getClass().getResourceAsStream("golden-report.json")) {
            assertArrayEquals(in.readAllBytes(), actual, "the report's bytes changed; if on purpose, bump the schema");
        }
    }

    @Test
    @DisplayName("a report of the previous schema (proofdesk-report/1: chain order, no models) still checks VALID")
    void schema1StillChecks() throws Exception {
        byte[] old;
        try (InputStream in = getClass().getResourceAsStream("golden-report-v1.json")) {
            old = in.readAllBytes();
        }
        ReportCheckResult r = checker.checkJson(old, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.VALID, r.outcome(), r.problems().toString());
        Report report = r.report().orElseThrow();
        assertEquals(Report.SCHEMA_1, report.schema());
        assertNull(report.models());
        assertEquals(List.of("VERIFIED", "VERIFIED", "MISMATCH", "UNVERIFIED", "ERROR"),
                report.records().stream().map(ReportRecord::verdict).toList());
    }

    @Test
    @DisplayName("a validly signed report in a format this Proofdesk does not read is UNVERIFIED, naming the format; "
            + "with a broken signature it is TAMPERED")
    void newerFormat() throws Exception {
        Report current = ReportFixtures.report(key, 3);
        Report newer = new Report("proofdesk-report/4", current.title(), current.createdAt(), current.auditor(),
                current.network(), current.environment(), current.summary(), current.records(), current.models());
        byte[] file = new ReportSigner(key).sign(newer).file();
        ReportCheckResult r = checker.checkJson(file, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.UNVERIFIED, r.outcome(), r.problems().toString());
        assertEquals(List.of("the report is in format proofdesk-report/4, which this Proofdesk does not read (it reads "
                + "proofdesk-report/1, proofdesk-report/2 and proofdesk-report/3), so what it says was not checked; "
                + "check it with a Proofdesk that reads proofdesk-report/4"), r.problems());
        assertTrue(r.report().isEmpty());
        assertEquals(key.fingerprint(), r.signerFingerprint());

        CanonicalReportJson c = new CanonicalReportJson();
        ObjectNode root = (ObjectNode) c.parse(file);
        ((ObjectNode) root.get("report")).put("title", "changed");
        ReportCheckResult changed = checker.checkJson(c.bytes(root), Optional.empty());
        assertEquals(ReportCheckResult.Outcome.TAMPERED, changed.outcome(), changed.problems().toString());
        assertTrue(changed.problems().getLast().startsWith("the report is in format proofdesk-report/4"),
                changed.problems().toString());
    }

    @Test
    @DisplayName("the schema's rules are checked: /2 has a models table naming only its records' CIDs and lists "
            + "mismatches first; /1 has no models")
    void schemaRules() throws Exception {
        Report r = ReportFixtures.report(key, 7);
        List<ReportRecord> chainOrder = new ArrayList<>(r.records());
        chainOrder.sort(java.util.Comparator.comparingLong(ReportRecord::block));
        record Case(Report report, String problem) {
        }
        List<Case> cases = List.of(
                new Case(with(r, Report.SCHEMA, r.records(), null), "the report has no \"models\" table"),
                new Case(with(r, Report.SCHEMA, r.records(), java.util.Map.of("QmElsewhere",
                        List.of(new ReportModel("x", "1")))), "\"models\" names QmElsewhere, which no record"),
                new Case(with(r, Report.SCHEMA, r.records(), java.util.Map.of(ReportFixtures.CID, List.of())),
                        "\"models\" lists no version for " + ReportFixtures.CID),
                new Case(with(r, Report.SCHEMA, chainOrder, r.models()), "record 3 (MISMATCH) comes after a VERIFIED "
                        + "record: " + Report.SCHEMA + " lists mismatches first"),
                new Case(with(r, Report.SCHEMA_1, withoutEvidence(chainOrder), r.models()), "a proofdesk-report/1 "
                        + "report has no \"models\""));
        for (Case k : cases) {
            ReportCheckResult result = checker.checkJson(new ReportSigner(key).sign(k.report()).file(), Optional.empty());
            assertEquals(ReportCheckResult.Outcome.TAMPERED, result.outcome(), k.problem());
            assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(k.problem())),
                    k.problem() + " in " + result.problems());
        }
        assertTrue(checker.checkJson(new ReportSigner(key).sign(with(r, Report.SCHEMA_1, withoutEvidence(chainOrder),
                null)).file(), Optional.empty()).isValid(), "a /1 report in chain order without models is valid");
    }

    /** The records as a report before evidence levels held them. */
    static List<ReportRecord> withoutEvidence(List<ReportRecord> records) {
        return records.stream().map(x -> withEvidence(x, null)).toList();
    }

    static ReportRecord withEvidence(ReportRecord x, ReportEvidence e) {
        return new ReportRecord(x.id(), x.txHash(), x.logIndex(), x.leafIndex(), x.block(), x.timestamp(), x.mode(),
                x.settlement(), x.model(), x.modelVersion(), x.teeId(), x.node(), x.verdict(), x.reason(),
                x.checkedAt(), x.tolerance(), x.verifiedWith(), x.checks(), x.outputs(), e);
    }

    static Report with(Report r, String schema, List<ReportRecord> records,
                               java.util.Map<String, List<ReportModel>> models) {
        return new Report(schema, r.title(), r.createdAt(), r.auditor(), r.network(), r.environment(), r.summary(),
                records, models);
    }

    @Test
    @DisplayName("records are listed mismatches first, then errors, unverified and verified, chain order within each")
    void mismatchesFirst() {
        Report r = ReportFixtures.report(key, 12);
        List<String> verdicts = r.records().stream().map(ReportRecord::verdict).toList();
        assertEquals(List.of("MISMATCH", "MISMATCH", "ERROR", "ERROR", "UNVERIFIED", "UNVERIFIED", "VERIFIED",
                "VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED"), verdicts);
        List<Long> mismatchBlocks = r.records().stream().filter(x -> x.verdict().equals("MISMATCH"))
                .map(ReportRecord::block).toList();
        assertEquals(List.of(102L, 109L), mismatchBlocks, "chain order within a verdict");
        List<Long> verifiedBlocks = r.records().stream().filter(x -> x.verdict().equals("VERIFIED"))
                .map(ReportRecord::block).toList();
        assertEquals(List.of(100L, 101L, 105L, 106L, 107L, 108L), verifiedBlocks);

        // records given out of chain order (ids typed or selected by hand) are listed in chain order within a verdict
        List<ReportItem> reversed = new ArrayList<>(ReportFixtures.items(12));
        java.util.Collections.reverse(reversed);
        Report fromReversed = new ReportBuilder().build("t", ReportFixtures.CREATED, key, ReportFixtures.NETWORK,
                ReportFixtures.ENV, reversed, ReportFixtures.MODELS);
        assertEquals(r.records(), fromReversed.records());
    }

    @Test
    @DisplayName("a summary that does not count the records is said in words, not as a Java record")
    void summaryMismatchIsASentence() throws Exception {
        CanonicalReportJson c = new CanonicalReportJson();
        byte[] file = new ReportSigner(key).sign(ReportFixtures.report(key, 3)).file();
        ObjectNode root = (ObjectNode) c.parse(file);
        ((ObjectNode) root.get("report").get("summary")).put("verified", 3);
        ReportCheckResult r = checker.checkJson(c.bytes(root), Optional.empty());
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        String problem = r.problems().stream().filter(p -> p.startsWith("the summary")).findFirst().orElseThrow();
        assertEquals("the summary says 3 records: 3 verified, 1 mismatch, 0 unverified, 0 error, but the report "
                + "holds 3 records: 2 verified, 1 mismatch, 0 unverified, 0 error", problem);
        assertTrue(r.problems().stream().noneMatch(p -> p.contains("ReportSummary[")), r.problems().toString());
    }

    @Test
    @DisplayName("every single-byte change of a small report is rejected as tampered or unreadable, never valid")
    void everyByteFlipIsDetected() {
        byte[] file = new ReportSigner(key).sign(ReportFixtures.report(key, 1)).file();
        assertEquals(ReportCheckResult.Outcome.VALID, checker.checkJson(file, Optional.empty()).outcome());
        List<String> accepted = new ArrayList<>();
        int tampered = 0;
        for (int i = 0; i < file.length; i++) {
            for (int mask : new int[] {0x01, 0x20, 0x80}) {
                byte[] copy = file.clone();
                copy[i] ^= (byte) mask;
                ReportCheckResult r = checker.checkJson(copy, Optional.empty());
                if (r.isValid()) {
                    accepted.add("byte " + i + " ^ " + mask);
                } else if (r.outcome() == ReportCheckResult.Outcome.TAMPERED) {
                    tampered++;
                }
            }
        }
        assertTrue(accepted.isEmpty(), "accepted: " + accepted);
        assertTrue(tampered > file.length, "most flips leave readable JSON and are caught as tampering: " + tampered);
    }

    @Test
    @DisplayName("a re-signed report with another key is valid alone but rejected when the auditor's key is expected")
    void expectedKey() throws Exception {
        AuditorKey other = AuditorKey.generate();
        byte[] file = new ReportSigner(other).sign(ReportFixtures.report(other, 2)).file();
        assertTrue(checker.checkJson(file, Optional.empty()).isValid());
        ReportCheckResult r = checker.checkJson(file, Optional.of(key.publicKey()));
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertTrue(r.problems().getFirst().contains("not by the expected key"), r.problems().toString());
    }

    @Test
    @DisplayName("a changed verdict with the hash recomputed still fails: the signature covers the report")
    void changedContentWithNewHash() throws Exception {
        CanonicalReportJson c = new CanonicalReportJson();
        byte[] file = new ReportSigner(key).sign(ReportFixtures.report(key, 3)).file();
        ObjectNode root = (ObjectNode) c.parse(file);
        // the mismatch comes first in a report
        ObjectNode rec = (ObjectNode) root.get("report").get("records").get(0);
        rec.put("verdict", "VERIFIED");
        ObjectNode summary = (ObjectNode) root.get("report").get("summary");
        summary.put("verified", 3);
        summary.put("mismatch", 0);
        root.put("sha256", ReportSigner.sha256Hex(c.bytes(root.get("report"))));
        ReportCheckResult r = checker.checkJson(c.bytes(root), Optional.empty());
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertEquals(List.of("the Ed25519 signature does not verify under the key in the file (" + key.fingerprint()
                + ")"), r.problems());
    }

    @Test
    @DisplayName("re-indented JSON is reported as not canonical; garbage and other JSON are unreadable")
    void notCanonicalAndUnreadable() throws Exception {
        CanonicalReportJson c = new CanonicalReportJson();
        byte[] file = new ReportSigner(key).sign(ReportFixtures.report(key, 2)).file();
        byte[] pretty = c.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(c.parse(file));
        ReportCheckResult r = checker.checkJson(pretty, Optional.empty());
        assertEquals(ReportCheckResult.Outcome.TAMPERED, r.outcome());
        assertTrue(r.problems().getFirst().contains("canonical"), r.problems().toString());
        assertEquals(ReportCheckResult.Outcome.UNREADABLE,
                checker.checkJson("not json".getBytes(StandardCharsets.UTF_8), Optional.empty()).outcome());
        assertEquals(ReportCheckResult.Outcome.UNREADABLE,
                checker.checkJson("{\"a\":1}".getBytes(StandardCharsets.UTF_8), Optional.empty()).outcome());
        assertEquals(ReportCheckResult.Outcome.UNREADABLE, checker.checkJson(
                "{\"report\":{},\"report\":{}}".getBytes(StandardCharsets.UTF_8), Optional.empty()).outcome());
    }

    @Test
    @DisplayName("canonical form follows RFC 8785: UTF-16 code unit key order (U+20AC before U+1F600), minimal escapes with lower-case hex, no fractions")
    void canonicalRules() throws Exception {
        CanonicalReportJson c = new CanonicalReportJson();
        JsonNode n = c.parse("{\"b\":1,\"a\":[true,null,\"\\u001F\\u00e9\\ud83d\\ude00\\/\"],\"\\u20ac\":0,\"\\ud83d\\ude00\":2}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\":[true,null,\"\\u001f\u00e9\ud83d\ude00/\"],\"b\":1,\"\u20ac\":0,\"\ud83d\ude00\":2}",
                new String(c.bytes(n), StandardCharsets.UTF_8));
        assertArrayEquals(c.bytes(n), c.bytes(c.parse(c.bytes(n))));
        assertThrows(IllegalArgumentException.class, () -> c.bytes(c.parse("[1.5]".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class,
                () -> c.bytes(c.parse("[9007199254740993]".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    @DisplayName("the auditor key is created once with mode 600, reloaded with the same fingerprint, refused if group-readable")
    void auditorKeyFiles() throws Exception {
        Path data = dir.resolve("data");
        AuditorKey created = AuditorKey.loadOrCreate(data);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(AuditorKey.PRIVATE_FILE))));
        assertEquals(created.fingerprint(), AuditorKey.loadOrCreate(data).fingerprint());
        assertEquals(created.fingerprint(),
                AuditorKey.fingerprint(AuditorKey.readPublicKey(data.resolve(AuditorKey.PUBLIC_FILE))));
        assertNotEquals(key.fingerprint(), created.fingerprint());
        Files.setPosixFilePermissions(data.resolve(AuditorKey.PRIVATE_FILE), PosixFilePermissions.fromString("rw-r-----"));
        AuditorKeyException e = assertThrows(AuditorKeyException.class, () -> AuditorKey.loadOrCreate(data));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }
}
