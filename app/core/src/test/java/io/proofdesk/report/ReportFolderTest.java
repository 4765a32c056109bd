package io.proofdesk.report;

import io.proofdesk.domain.ReportEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Reports list's sources: the reports folder's files (read safely, a broken one is a row with its problem)
 * together with the store's entries (missing, changed or on disk).
 */
class ReportFolderTest {

    @TempDir
    Path dir;
    AuditorKey key;
    Path folder;

    @BeforeEach
    void files() throws Exception {
        key = ReportFixtures.testKey(dir);
        folder = Files.createDirectories(dir.resolve("reports"));
    }

    private SignedReport signed(int records) {
        return new ReportSigner(key).sign(ReportFixtures.report(key, records));
    }

    @Test
    @DisplayName("reports on disk are listed without any store entry; a broken file is a row saying why; others are skipped")
    void folderOnly() throws Exception {
        new JsonReportExporter().export(signed(7), folder.resolve("a.json"));
        new PdfReportExporter(key).export(signed(5), folder.resolve("a.pdf"));
        Files.writeString(folder.resolve("notes.json"), "{\"hello\": 1}");
        Files.write(folder.resolve("cut.pdf"), Arrays.copyOf(Files.readAllBytes(folder.resolve("a.pdf")), 300));
        Files.writeString(folder.resolve("readme.txt"), "not a report");
        Files.writeString(folder.resolve(".a.json123.part"), "half written");
        Files.createDirectories(folder.resolve("sub.json"));

        Map<String, ListedReport> rows = byName(new ReportFolder(folder).list(List.of()));
        assertEquals(Map.of("a.json", ListedReport.Status.ON_DISK, "a.pdf", ListedReport.Status.ON_DISK,
                        "notes.json", ListedReport.Status.UNREADABLE, "cut.pdf", ListedReport.Status.UNREADABLE),
                rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status())));
        ListedReport json = rows.get("a.json");
        assertEquals(7, json.entry().recordCount());
        assertEquals("json", json.entry().format());
        assertEquals(ReportFixtures.CREATED, json.entry().createdAt());
        assertEquals(ReportSigner.sha256Hex(Files.readAllBytes(folder.resolve("a.json"))), json.entry().sha256());
        assertNull(json.problem());
        assertEquals(5, rows.get("a.pdf").entry().recordCount());
        assertEquals("pdf", rows.get("a.pdf").entry().format());
        assertEquals("it is not a Proofdesk report: it has no \"report\" object", rows.get("notes.json").problem());
        assertTrue(rows.get("cut.pdf").problem().startsWith("it is not a Proofdesk PDF report: "),
                rows.get("cut.pdf").problem());
        assertEquals(0, rows.get("cut.pdf").entry().recordCount());
    }

    @Test
    @DisplayName("store entries are merged by path: gone is MISSING, other bytes are CHANGED, a missing folder adds nothing")
    void storedEntries() throws Exception {
        Path kept = folder.resolve("kept.json");
        Path changed = folder.resolve("changed.json");
        ReportEntry keptEntry = new JsonReportExporter().export(signed(2), kept);
        ReportEntry changedEntry = new JsonReportExporter().export(signed(3), changed);
        Files.writeString(changed, "{}");
        Path elsewhere = dir.resolve("elsewhere/old.pdf");
        ReportEntry goneEntry = new ReportEntry(1L, elsewhere.toString(), "ab".repeat(32),
                Instant.parse("2025-01-01T00:00:00Z"), 4, "pdf");

        List<ListedReport> list = new ReportFolder(folder).list(List.of(keptEntry, changedEntry, goneEntry));
        Map<String, ListedReport> rows = byName(list);
        assertEquals(3, list.size(), "each file once: " + list);
        assertEquals(ListedReport.Status.ON_DISK, rows.get("kept.json").status());
        assertEquals(keptEntry, rows.get("kept.json").entry(), "the stored entry is kept");
        assertEquals(ListedReport.Status.CHANGED, rows.get("changed.json").status());
        assertEquals(ListedReport.Status.MISSING, rows.get("old.pdf").status());
        assertEquals("old.pdf", Path.of(list.getLast().entry().path()).getFileName().toString(), "oldest last");

        assertEquals(List.of(ListedReport.Status.MISSING), new ReportFolder(dir.resolve("none")).list(List.of(goneEntry))
                .stream().map(ListedReport::status).toList());
    }

    @Test
    @DisplayName("a file is read again only when it changed: a replaced report shows its new hash and count")
    void rereadsChangedFiles() throws Exception {
        ReportFolder reports = new ReportFolder(folder);
        Path file = folder.resolve("r.json");
        new JsonReportExporter().export(signed(2), file);
        ListedReport first = reports.list(List.of()).getFirst();
        assertEquals(2, first.entry().recordCount());
        assertEquals(first, reports.list(List.of()).getFirst());
        new JsonReportExporter().export(signed(6), file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        ListedReport second = reports.list(List.of()).getFirst();
        assertEquals(6, second.entry().recordCount());
        assertNotEquals(first.entry().sha256(), second.entry().sha256());
    }

    private static Map<String, ListedReport> byName(List<ListedReport> list) {
        return list.stream().collect(Collectors.toMap(r -> Path.of(r.entry().path()).getFileName().toString(),
                Function.identity()));
    }
}
