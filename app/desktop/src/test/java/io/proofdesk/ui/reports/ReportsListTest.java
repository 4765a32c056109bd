package io.proofdesk.ui.reports;

import io.proofdesk.domain.Inference;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.Report;
import io.proofdesk.report.ReportAuditor;
import io.proofdesk.report.ReportChecker;
import io.proofdesk.report.ReportSigner;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.EmptyState;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Reports list across restarts and for files from elsewhere: reports in the reports folder are listed even when
 * the store no longer knows them (a broken one as a row with its problem); Check with no row selected checks a file
 * the user picks, and the signer can be compared with a chosen public key; the empty list says what to do next
 * according to the store.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsListTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path elsewhere;

    private AppWiring wiring;
    private Stage stage;
    /** What the "file dialog" answers next, in order. */
    private final Deque<Path> picks = new ArrayDeque<>();

    private void show(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                wiring = new AppWiring(new DataDirectory(dataDir));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            wiring.useReportFilePicker((owner, title, folder, filter, patterns) -> picks.poll());
            stage = new Stage();
            wiring.mainWindow().show(stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            wiring.main().open(View.REPORTS);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
    }

    private void close(FxRobot robot) {
        if (wiring != null) {
            robot.interact(() -> {
                stage.hide();
                wiring.close();
            });
            wiring = null;
        }
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        close(robot);
    }

    @Test
    @DisplayName("after a restart with a new store, the reports folder's files are listed; a broken file is a row with why")
    void reportsOnDiskSurviveANewStore(FxRobot robot) throws Exception {
        new DemoStore(3).populate(new DataDirectory(dataDir), 60);
        show(robot);
        TableView<ReportRow> table = table(robot);
        robot.interact(() -> robot.lookup("#exportRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 2));
        close(robot);

        // the demo network's store is new each start: the reports table is empty then
        for (String f : List.of(Store.DATABASE_FILE, Store.DATABASE_FILE + "-wal", Store.DATABASE_FILE + "-shm")) {
            Files.deleteIfExists(dataDir.resolve(f));
        }
        Files.writeString(dataDir.resolve(AppWiring.REPORTS_FOLDER).resolve("from-a-colleague.json"), "not json");
        show(robot);
        TableView<ReportRow> again = table(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> again.getItems().size() == 3));
        assertFalse(robot.lookup("#emptyState").query().isVisible());
        List<String> statuses = onFx(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < again.getItems().size(); i++) {
                out.add(again.getItems().get(i).fileName() + " = " + again.getColumns().get(5).getCellData(i));
            }
            return out;
        });
        assertEquals(2, statuses.stream().filter(s -> s.endsWith("= On disk")).count(), statuses.toString());
        String broken = statuses.stream().filter(s -> s.startsWith("from-a-colleague.json")).findFirst().orElseThrow();
        assertTrue(broken.startsWith("from-a-colleague.json = Unreadable: it is not a Proofdesk report (not JSON)"),
                broken);
        int pdf = onFx(() -> {
            for (int i = 0; i < again.getItems().size(); i++) {
                if (again.getItems().get(i).entry().format().equals("pdf")) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(onFx(() -> again.getItems().get(pdf).entry().recordCount()) > 0, "its record count was read");
    }

    @Test
    @DisplayName("with no row selected, Check checks a picked file; the signer is compared with a chosen public key")
    void checkAReceivedReportAgainstAChosenKey(FxRobot robot) throws Exception {
        new DemoStore(5).populate(new DataDirectory(dataDir), 40);
        show(robot);
        TableView<ReportRow> table = table(robot);
        robot.interact(() -> robot.lookup("#exportRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 2));
        Path ours = onFx(() -> table.getItems().stream().filter(r -> r.entry().format().equals("json")).findFirst()
                .orElseThrow().path());

        // a colleague signs the same content with their own key and sends it over
        AuditorKey colleague = AuditorKey.loadOrCreate(elsewhere.resolve("colleague"));
        Report mine = new ReportChecker().check(ours, Optional.empty()).report().orElseThrow();
        Report theirs = new Report(mine.schema(), "From a colleague", mine.createdAt(), new ReportAuditor(
                Base64.getEncoder().encodeToString(colleague.publicKeyDer()), colleague.fingerprint()), mine.network(),
                mine.environment(), mine.summary(), mine.records(), mine.models());
        Path received = Files.write(elsewhere.resolve("received.json"), new ReportSigner(colleague).sign(theirs).file());

        robot.interact(() -> table.getSelectionModel().clearSelection());
        Button check = robot.lookup("#reportCheck").queryButton();
        assertEquals("Check a file…", onFx(check::getText));
        assertFalse(onFx(check::isDisabled), "Check works without a selection");
        picks.add(received);
        checkAndWait(robot, "#reportCheck");
        assertEquals("Valid", text(robot, "#checkBadge .label"));
        String lines = text(robot, "#checkLines");
        assertTrue(lines.startsWith("File: " + received), lines);
        assertTrue(lines.contains("File SHA-256: " + ReportChecker.fileSha256(received) + " (the hash of the file’s "
                + "bytes"), lines);
        assertTrue(lines.contains("Report hash: "), lines);
        assertTrue(lines.contains("Signed with the auditor key whose fingerprint is " + colleague.fingerprint()), lines);
        assertTrue(lines.contains("That key was not compared with the auditor’s"), lines);
        assertFalse(lines.contains("--key"), "no CLI flags in the view: " + lines);
        assertTrue(lines.contains("Records: " + mine.summary().records() + " ("), lines);

        picks.add(elsewhere.resolve("colleague").resolve(AuditorKey.PUBLIC_FILE));
        checkAndWait(robot, "#checkCompareKey");
        assertEquals("Valid", text(robot, "#checkBadge .label"));
        assertTrue(text(robot, "#checkLines").contains("That is the public key you chose (auditor-key.pub.pem)."),
                text(robot, "#checkLines"));
        assertTrue(text(robot, "#checkKey").contains("compared with the public key"), text(robot, "#checkKey"));

        // our own key is not the colleague's: the same file no longer passes
        picks.add(dataDir.resolve(AuditorKey.PUBLIC_FILE));
        checkAndWait(robot, "#checkCompareKey");
        assertEquals("Tampered", text(robot, "#checkBadge .label"));
        lines = text(robot, "#checkLines");
        assertTrue(lines.contains("That is not the public key you chose"), lines);
        assertTrue(lines.contains("What does not verify:"), lines);

        robot.interact(() -> robot.lookup("#checkClearKey").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> "Valid".equals(text(robot, "#checkBadge .label"))));
        assertFalse(onFx(() -> robot.lookup("#checkKey").query().isVisible()));

        // our own export says who signed it
        robot.interact(() -> table.getSelectionModel().select(0));
        assertEquals("Check", onFx(check::getText));
        checkAndWait(robot, "#reportCheck");
        assertTrue(text(robot, "#checkLines").contains("That is your own auditor key"), text(robot, "#checkLines"));
    }

    @Test
    @DisplayName("the empty list says to sync, to verify, or to export, according to the store")
    void emptyStateFollowsTheStore(FxRobot robot) throws Exception {
        show(robot);
        assertEquals("There is nothing to report yet: sync a network from Network, verify its inferences, then "
                + "export a report with the panel on the left.", hint(robot));
        close(robot);

        try (Store store = Store.open(new DataDirectory(dataDir))) {
            store.inTransaction(tx -> tx.saveInferences(new DemoStore(8).inferences(25)));
        }
        show(robot);
        assertEquals("None of the 25 stored inferences has a verdict yet: verify some from Inferences or Verify, "
                + "then export a report with the panel on the left.", hint(robot));
        close(robot);

        for (String f : List.of(Store.DATABASE_FILE, Store.DATABASE_FILE + "-wal", Store.DATABASE_FILE + "-shm")) {
            Files.deleteIfExists(dataDir.resolve(f));
        }
        List<Inference> records = new DemoStore(9).populate(new DataDirectory(dataDir), 2000);
        long verified = records.stream().filter(r -> r.verdict() != null).count();
        show(robot);
        String hint = hint(robot);
        assertTrue(hint.startsWith(String.format("%,d inferences have a verdict: export a report of them",
                verified)), hint);
        assertFalse(hint.contains("Verify some inferences first"), hint);
    }

    private String hint(FxRobot robot) throws Exception {
        EmptyState empty = robot.lookup("#emptyState").queryAs(EmptyState.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !empty.getHint().equals(
                "Export a report with the panel on the left.")));
        assertTrue(onFx(empty::isVisible));
        return onFx(empty::getHint);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ReportRow> table(FxRobot robot) {
        return robot.lookup("#reportTable").queryAs(TableView.class);
    }

    private void checkAndWait(FxRobot robot, String button) throws Exception {
        robot.interact(() -> robot.lookup(button).queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() ->
                !robot.lookup("#reportCheck").queryButton().isDisabled()
                        && robot.lookup("#checkBadge").query().isVisible()));
    }

    private static String text(FxRobot robot, String query) {
        Object node = robot.lookup(query).query();
        return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
    }
}
