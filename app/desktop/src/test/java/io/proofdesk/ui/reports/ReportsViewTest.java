package io.proofdesk.ui.reports;

import io.proofdesk.domain.Inference;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.View;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Reports view over a real store with verdicts: export, list, check, tampering, deleted files, bad folders. */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private List<Inference> records;

    @Start
    void start(Stage primary) throws IOException {
        records = new DemoStore(11).populate(new DataDirectory(dataDir), 120);
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.setWidth(1280);
        stage.setHeight(800);
        wiring.main().open(View.REPORTS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    void exportWritesBothFilesAndTheListShowsThemWithTheirHashes(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#emptyState").query().isVisible(), "no report yet");
        TableView<ReportRow> table = exportDefault(robot);

        Path folder = dataDir.resolve(AppWiring.REPORTS_FOLDER);
        List<ReportRow> rows = onFx(() -> List.copyOf(table.getItems()));
        assertEquals(Set.of("json", "pdf"), rows.stream().map(r -> r.entry().format()).collect(Collectors.toSet()));
        long withVerdict = records.stream().filter(r -> r.verdict() != null).count();
        for (int i = 0; i < rows.size(); i++) {
            ReportRow row = rows.get(i);
            Path file = row.path();
            assertEquals(folder.toAbsolutePath(), file.getParent(), "default folder <dataDir>/reports");
            String onDisk = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertEquals(onDisk, row.entry().sha256(), file + " hash as listed");
            int index = i;
            String shown = onFx(() -> table.getColumns().get(4).getCellData(index).toString());
            assertEquals(onDisk.substring(0, 8) + "…" + onDisk.substring(60), shown);
            assertEquals(withVerdict, row.entry().recordCount());
            assertTrue(row.present());
        }
        String result = text(robot, "#exportResult");
        assertTrue(result.startsWith("Wrote a signed report of " + withVerdict + " records"), result);
        long without = records.size() - withVerdict;
        assertTrue(without > 0, "the demo store has records not checked yet");
        String gaps = text(robot, "#exportGaps");
        assertTrue(gaps.contains(without + " selected records had no verdict yet and were left out"), gaps);
    }

    @Test
    void checkSaysValidThenTamperedAfterAByteOfTheJsonChanged(FxRobot robot) throws Exception {
        TableView<ReportRow> table = exportDefault(robot);
        int json = indexOf(robot, table, "json");
        check(robot, table, json);
        assertEquals("Valid", text(robot, "#checkBadge .label"));
        assertTrue(text(robot, "#checkTitle").contains("the file is as it was signed"), text(robot, "#checkTitle"));
        String lines = text(robot, "#checkLines");
        Path file = onFx(() -> table.getItems().get(json).path());
        assertTrue(lines.startsWith("File: " + file), lines);
        String listed = onFx(() -> table.getItems().get(json).entry().sha256());
        assertTrue(lines.contains("File SHA-256: " + listed + " (the hash of the file’s bytes, as the list shows it)"),
                lines);
        assertTrue(lines.matches("(?s).*Report hash: [0-9a-f]{64} \\(SHA-256 of the signed report inside the file.*"),
                lines);
        assertTrue(lines.contains("That is your own auditor key: this Proofdesk signed it."), lines);
        assertEquals("File SHA-256", onFx(() -> table.getColumns().get(4).getText()));

        byte[] bytes = Files.readAllBytes(file);
        // one letter of the title: still well-formed JSON, but no longer what was signed
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Verification report");
        assertTrue(at > 0);
        bytes[at] = 'W';
        Files.write(file, bytes);
        check(robot, table, json);
        assertEquals("Tampered", text(robot, "#checkBadge .label"));
        assertTrue(text(robot, "#checkTitle").contains("changed after it was signed"), text(robot, "#checkTitle"));
        lines = text(robot, "#checkLines");
        assertTrue(lines.startsWith("File: " + file), lines);
        assertTrue(lines.contains("What does not verify:\n• "), lines);

        // read again, the list marks the file as no longer the one written
        robot.interact(() -> wiring.main().open(View.SETTINGS));
        robot.interact(() -> wiring.main().open(View.REPORTS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().stream()
                .anyMatch(r -> r.status() == io.proofdesk.report.ListedReport.Status.CHANGED)));
        int changed = indexOf(robot, table, "json");
        assertEquals("Changed since written", onFx(() -> table.getColumns().get(5).getCellData(changed).toString()));
    }

    /**
     * The exported PDF names models from the demo registry and still checks Valid page by page (the check re-draws
     * the pages from the signed JSON alone); the same PDF without its PDF signature is Unverified, saying why.
     */
    @Test
    void anExportedPdfWithModelNamesChecksValidAndWithoutItsSignatureUnverified(FxRobot robot) throws Exception {
        TableView<ReportRow> table = exportDefault(robot);
        int pdf = indexOf(robot, table, "pdf");
        Path file = onFx(() -> table.getItems().get(pdf).path());
        byte[] signed = Files.readAllBytes(file);
        var report = io.proofdesk.report.SignedReport.parse(
                new io.proofdesk.report.PdfReportReader().attachedJson(signed)).report();
        assertFalse(report.models().isEmpty(), "the demo registry names the reported models in the signed JSON");
        int pages;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(signed)) {
            pages = doc.getNumberOfPages();
        }
        check(robot, table, pdf);
        assertEquals("Valid", text(robot, "#checkBadge .label"));
        String lines = text(robot, "#checkLines");
        assertTrue(lines.contains("PDF: " + pages + " pages compared with what the signed JSON renders"), lines);
        assertTrue(lines.contains("PDF: the PDF signature covers the whole file"), lines);

        try (var doc = org.apache.pdfbox.Loader.loadPDF(signed)) {
            doc.getDocumentCatalog().setAcroForm(null);
            doc.getPage(0).setAnnotations(List.of());
            doc.save(file.toFile());
        }
        robot.interact(() -> robot.lookup("#reportCheck").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() ->
                text(robot, "#checkBadge .label").equals("Unverified")));
        lines = text(robot, "#checkLines");
        assertTrue(lines.contains("What could not be checked:\n• no PDF signature: "), lines);
        assertFalse(lines.contains("What does not verify:"), lines);
    }

    @Test
    void aDeletedFileShowsMissingAndOpeningItSaysSo(FxRobot robot) throws Exception {
        TableView<ReportRow> table = exportDefault(robot);
        int pdf = indexOf(robot, table, "pdf");
        Path file = onFx(() -> table.getItems().get(pdf).path());
        Files.delete(file);

        // leaving and coming back re-reads the list
        robot.interact(() -> wiring.main().open(View.SETTINGS));
        robot.interact(() -> wiring.main().open(View.REPORTS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 2
                && table.getItems().stream().anyMatch(r -> !r.present())));
        int row = indexOf(robot, table, "pdf");
        assertEquals("Missing", onFx(() -> table.getColumns().get(5).getCellData(row).toString()));
        check(robot, table, row);
        assertEquals("Missing", text(robot, "#checkBadge .label"));
        assertTrue(text(robot, "#checkTitle").contains("moved or deleted"), text(robot, "#checkTitle"));

        robot.interact(() -> robot.lookup("#reportOpen").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !text(robot, "#reportNotice").isEmpty()));
        assertTrue(text(robot, "#reportNotice").contains("is missing"), text(robot, "#reportNotice"));
    }

    @Test
    void openingWithoutADesktopHandlerIsASentence(FxRobot robot) throws Exception {
        TableView<ReportRow> table = exportDefault(robot);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#reportOpen").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !text(robot, "#reportNotice").isEmpty()));
        // the tests run headless, so there is no program to open a file with
        assertTrue(text(robot, "#reportNotice").startsWith("This system has no program registered to open"),
                text(robot, "#reportNotice"));
    }

    @Test
    void anUnwritableFolderAndUnknownIdsAreSentences(FxRobot robot) throws Exception {
        Path notAFolder = Files.writeString(dataDir.resolve("plain-file"), "x");
        robot.interact(() -> {
            robot.lookup("#exportFolder").queryAs(TextInputControl.class).setText(notAFolder.resolve("sub").toString());
            robot.lookup("#exportRun").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#exportRun").queryButton()
                .isDisabled() && !text(robot, "#exportResult").isEmpty()));
        String result = text(robot, "#exportResult");
        assertTrue(result.startsWith("The report cannot be written to the folder " + notAFolder.resolve("sub")),
                result);
        assertTrue(robot.lookup("#emptyState").query().isVisible(), "nothing was written");

        Inference verified = records.stream().filter(r -> r.verdict() != null).findFirst().orElseThrow();
        String unknown = "0x" + "ab".repeat(32) + ":9";
        robot.interact(() -> {
            robot.lookup("#exportFolder").queryAs(TextInputControl.class).setText(dataDir.resolve("out").toString());
            robot.lookup("#exportByIds").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
            robot.lookup("#exportIds").queryAs(TextInputControl.class).setText(verified.id() + "\n" + unknown);
            robot.lookup("#exportRun").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> text(robot, "#exportResult")
                .startsWith("Wrote")));
        result = text(robot, "#exportResult");
        assertTrue(result.startsWith("Wrote a signed report of 1 records"), result);
        String gaps = text(robot, "#exportGaps");
        assertTrue(gaps.contains("1 selected records are not in the store and were left out (first: " + unknown),
                gaps);
        try (var files = Files.list(dataDir.resolve("out"))) {
            assertEquals(2, files.count());
        }
    }

    /**
     * The Inferences view hands its filter to the export panel: the report holds exactly the records that filter
     * selects; then selected rows are handed over instead, and the report holds exactly those.
     */
    @Test
    void theInferencesViewHandsItsFilterAndThenItsSelectionToTheExport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
        assertFalse(robot.lookup("#exportHandedOver").query().isVisible(), "nothing handed over yet");
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        io.proofdesk.ui.FxWait.choose(robot, "#verdictFilter", "Mismatch");
        List<String> mismatched = records.stream().filter(r -> r.verdict() == io.proofdesk.domain.Verdict.MISMATCH)
                .map(r -> r.id().toString()).sorted().toList();
        assertTrue(mismatched.size() > 1 && mismatched.size() < records.size(), "the demo store has a few mismatches");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> text(robot, ".count-label")
                .endsWith(mismatched.size() + " shown")));
        robot.interact(() -> robot.lookup("#reportButton").queryButton().fire());

        javafx.scene.control.RadioButton handed = robot.lookup("#exportHandedOver").queryAs(
                javafx.scene.control.RadioButton.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(handed::isVisible));
        assertTrue(onFx(handed::isSelected), "the handed-over records are the export's scope");
        assertEquals("The " + mismatched.size() + " inferences the Inferences view’s filters select",
                onFx(handed::getText));
        assertEquals(mismatched, exportedIds(robot, "from-filter"));

        robot.interact(() -> wiring.main().open(View.INFERENCES));
        @SuppressWarnings("unchecked")
        TableView<io.proofdesk.ui.inferences.InferenceRow> rows = robot.lookup(".inference-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> rows.getItems().size() == mismatched.size()
                && rows.getItems().stream().noneMatch(io.proofdesk.ui.inferences.InferenceRow::isLoading)));
        List<String> picked = onFx(() -> {
            rows.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
            rows.getSelectionModel().selectIndices(0, 1);
            return rows.getSelectionModel().getSelectedItems().stream().map(r -> r.inference().id().toString())
                    .sorted().toList();
        });
        robot.interact(() -> robot.lookup("#reportButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> handed.getText().equals(
                "The 2 inferences selected in the Inferences view")));
        assertEquals(picked, exportedIds(robot, "from-selection"));
    }

    /** Exports the current scope as JSON only under {@code name} and returns the report's record ids, sorted. */
    private List<String> exportedIds(FxRobot robot, String name) throws Exception {
        robot.interact(() -> {
            robot.lookup("#exportPdf").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
            robot.lookup("#exportName").queryAs(TextInputControl.class).setText(name);
            robot.lookup("#exportRun").queryButton().fire();
        });
        Path json = dataDir.resolve(AppWiring.REPORTS_FOLDER).resolve(name + ".json");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> text(robot, "#exportResult")
                .startsWith("Wrote") && Files.exists(json)));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        List<String> ids = new java.util.ArrayList<>();
        tree.findValues("id").forEach(n -> ids.add(n.asText()));
        return ids.stream().filter(s -> s.contains(":")).sorted().toList();
    }

    /** Exports all records with a verdict to the default folder and waits until both files are listed. */
    @SuppressWarnings("unchecked")
    private TableView<ReportRow> exportDefault(FxRobot robot) throws Exception {
        TableView<ReportRow> table = robot.lookup("#reportTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
        robot.interact(() -> robot.lookup("#exportRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 2));
        assertFalse(robot.lookup("#emptyState").query().isVisible());
        return table;
    }

    private int indexOf(FxRobot robot, TableView<ReportRow> table, String format) throws Exception {
        return onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).entry().format().equals(format)) {
                    return i;
                }
            }
            throw new AssertionError("no " + format + " row");
        });
    }

    private void check(FxRobot robot, TableView<ReportRow> table, int row) throws Exception {
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            robot.lookup("#reportCheck").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() ->
                !robot.lookup("#reportCheck").queryButton().isDisabled()
                        && robot.lookup("#checkBadge").query().isVisible()));
    }

    private static String text(FxRobot robot, String query) {
        Object node = robot.lookup(query).query();
        return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
    }
}
