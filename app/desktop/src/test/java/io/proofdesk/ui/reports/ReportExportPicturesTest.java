package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.VerificationWorld;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.verify.VerificationEndpoints;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PDF exported from the desktop carries the claimed-vs-local pictures of its mismatches, as the CLI's does: the
 * export re-executes the MISMATCH records on the configured network (a real demo network: TEE nodes running ONNX
 * Runtime, blob store, hub); without a network it says the pictures are missing and why.
 */
@ExtendWith(ApplicationExtension.class)
class ReportExportPicturesTest {

    @TempDir
    static Path dir;
    static VerificationWorld world;
    static List<RecordId> mismatches;

    private AppWiring wiring;
    private Stage stage;

    @BeforeAll
    static void verifiedNetwork() throws IOException {
        world = new VerificationWorld(dir);
        // the verdicts a Verify all would have stored; the store keeps no local outputs
        try (Store store = Store.open(world.dataDirectory()); SessionCache sessions = SessionCache.withDefaults()) {
            Verifier verifier = new Verifier(store, world.endpoints().current().orElseThrow().sources(), sessions,
                    VerifierOptions.defaults(), Clock.systemUTC());
            world.all.forEach(verifier::verifyAndSave);
            mismatches = world.all.stream().filter(id -> store.read(tx -> tx.latestVerdict(id)).orElseThrow()
                    .verdict() == Verdict.MISMATCH).toList();
        }
    }

    @AfterAll
    static void stopNetwork() {
        world.close();
    }

    private void show(FxRobot robot, VerificationEndpoints endpoints) throws Exception {
        robot.interact(() -> {
            try {
                wiring = new AppWiring(world.dataDirectory(), endpoints);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stage = new Stage();
            wiring.mainWindow().show(stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            wiring.main().open(View.REPORTS);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    @DisplayName("the exported PDF's mismatch pages draw claimed against local outputs, re-executed during the export")
    void mismatchPagesHavePictures(FxRobot robot) throws Exception {
        assertTrue(mismatches.contains(world.forgedDigits), "the forged record is a mismatch: " + mismatches);
        show(robot, world.endpoints());
        Path pdf = export(robot, "pictures");
        String result = text(robot, "#exportResult");
        assertTrue(result.contains("Re-executed " + mismatches.size() + " mismatched records on this machine"), result);
        assertEquals("", text(robot, "#exportGaps"));

        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String forgedPage = pageWith(doc, world.forgedDigits.toString());
            assertTrue(forgedPage.contains("claimed vs local"), forgedPage);
            assertTrue(forgedPage.contains("largest |local - claimed| = "), forgedPage);
            assertFalse(forgedPage.contains("not part of this report"), forgedPage);
            assertTrue(forgedPage.contains("Model: digits-cnn, version 1.00"), forgedPage);
        }
    }

    @Test
    @DisplayName("without a network to re-execute on, the export is written and says its mismatches have no pictures")
    void withoutANetworkTheExportSaysSo(FxRobot robot) throws Exception {
        show(robot, Optional::empty);
        Path pdf = export(robot, "no-network");
        assertTrue(Files.isRegularFile(pdf));
        assertTrue(text(robot, "#exportGaps").contains(mismatches.size() + " mismatched records have no "
                + "claimed-vs-local pictures: no network is configured"), text(robot, "#exportGaps"));
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertTrue(pageWith(doc, world.forgedDigits.toString()).contains("not part of this report"));
        }
    }

    /** Exports the MISMATCH records as PDF only under {@code name}; the PDF's path once written. */
    private Path export(FxRobot robot, String name) throws Exception {
        robot.interact(() -> {
            robot.lookup("#exportByVerdict").queryAs(RadioButton.class).setSelected(true);
            robot.lookup("#exportJson").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
            robot.lookup("#exportName").queryAs(TextInputControl.class).setText(name);
            robot.lookup("#exportRun").queryButton().fire();
        });
        Path pdf = world.dataDirectory().resolve(AppWiring.REPORTS_FOLDER).resolve(name + ".pdf");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> text(robot, "#exportResult")
                .startsWith("Wrote") && Files.exists(pdf)));
        return pdf;
    }

    private static String pageWith(PDDocument doc, String text) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            String page = stripper.getText(doc);
            if (page.contains("Mismatch - record") && page.contains(text)) {
                return page;
            }
        }
        throw new AssertionError("no mismatch page names " + text);
    }

    private static String text(FxRobot robot, String query) {
        Object node = robot.lookup(query).query();
        return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
    }
}
