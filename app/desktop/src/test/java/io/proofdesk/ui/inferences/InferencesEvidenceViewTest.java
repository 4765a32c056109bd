package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.EvidenceBadge;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictKind;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.choose;
import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each record's evidence level in the Inferences view over a real store: the Evidence column shows the stored level
 * (glyph + word, the detail as tooltip), its filter narrows the rows, a TRUSTED record's verdict carries its weaker
 * evidence, the detail shows "Evidence: LEVEL — detail", and Settings states the verdict policy.
 */
@ExtendWith(ApplicationExtension.class)
class InferencesEvidenceViewTest {

    private static final int RECORDS = 90;

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private final Map<RecordId, Evidence> stored = new HashMap<>();
    private final Map<RecordId, Verdict> verdicts = new HashMap<>();
    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);

    /** Record i: PROVED when i % 3 == 0, AGREED when 1, one endpoint's word (TRUSTED) when 2. */
    private static Evidence evidence(int i, Inference r) {
        return switch (i % 3) {
            case 0 -> Evidence.proved(r.blockNumber(), 0, "genesis");
            case 1 -> Evidence.agreed(2, 2);
            default -> Evidence.trustedSingleEndpoint();
        };
    }

    @Start
    void start(Stage primary) throws IOException {
        List<Inference> records = new DemoStore(11).populate(new DataDirectory(dataDir), RECORDS);
        for (int i = 0; i < records.size(); i++) {
            stored.put(records.get(i).id(), evidence(i, records.get(i)));
            verdicts.put(records.get(i).id(), records.get(i).verdict());
        }
        try (Store store = Store.open(new DataDirectory(dataDir))) {
            store.inTransaction(tx -> tx.inferences().setEvidence(stored));
        }
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        wiring.main().open(View.INFERENCES);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<InferenceRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    private void waitForRows(FxRobot robot, long shown) throws Exception {
        String text = MessageFormat.format(strings.getString("inferences.count"), RECORDS, shown);
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        TableView<InferenceRow> table = table(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> count.getText().equals(text)
                && (table.getItems().isEmpty() || !table.getItems().getFirst().isLoading())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long count(EvidenceLevel level) {
        return stored.values().stream().filter(e -> e.level() == level).count();
    }

    @Test
    void theEvidenceColumnShowsTheStoredLevelAndTrustedVerdictsSayItInTheirTooltip(FxRobot robot) throws Exception {
        waitForRows(robot, RECORDS);
        List<EvidenceCell> cells = onFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c instanceof EvidenceCell && c.getItem() != null && c.getGraphic() != null)
                .map(c -> (EvidenceCell) c).toList());
        assertTrue(cells.size() >= 5, "evidence cells on screen: " + cells.size());
        for (EvidenceCell c : cells) {
            Evidence expected = stored.get(c.getItem().inference().id());
            EvidenceBadge badge = (EvidenceBadge) c.getGraphic();
            assertEquals(expected.level(), badge.getLevel());
            assertEquals(expected.level().name(), badge.getText(), "glyph and word, never colour alone");
            assertEquals(expected.detail(), c.getTooltip().getText());
        }
        List<VerdictCell> verdictCells = onFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c instanceof VerdictCell && c.getItem() != null && c.getGraphic() != null)
                .map(c -> (VerdictCell) c).toList());
        int qualified = 0;
        for (VerdictCell c : verdictCells) {
            RecordId id = c.getItem().inference().id();
            boolean weaker = stored.get(id).level() == EvidenceLevel.TRUSTED && verdicts.get(id) != null;
            String text = c.qualifiedText();
            String word = strings.getString(VerdictKind.of(verdicts.get(id)).wordKey());
            assertEquals(weaker ? word + " \u00b7 one endpoint, not proved" : "", text, id.toString());
            qualified += weaker ? 1 : 0;
        }
        assertTrue(qualified > 0, "a TRUSTED record with a verdict is on screen");
    }

    @Test
    void theEvidenceFilterNarrowsTheRows(FxRobot robot) throws Exception {
        waitForRows(robot, RECORDS);
        for (EvidenceLevel level : List.of(EvidenceLevel.AGREED, EvidenceLevel.TRUSTED)) {
            choose(robot, "#evidenceFilter", level.name());
            waitForRows(robot, count(level));
            List<InferenceRow> rows = onFx(() -> List.copyOf(table(robot).getItems()));
            assertEquals(count(level), rows.size());
            assertTrue(rows.stream().filter(r -> !r.isLoading()).allMatch(r -> r.inference().evidence().level() == level
                    && stored.get(r.inference().id()).level() == level), level.name());
        }
        choose(robot, "#evidenceFilter", strings.getString("inferences.filter.any.evidence"));
        waitForRows(robot, RECORDS);
        choose(robot, "#evidenceFilter", "PROVED");
        waitForRows(robot, count(EvidenceLevel.PROVED));
        robot.clickOn(strings.getString("inferences.filter.clear"));
        waitForRows(robot, RECORDS);
    }

    @Test
    void theDetailShowsTheEvidenceLineAndATrustedVerdictsWeakerEvidence(FxRobot robot) throws Exception {
        waitForRows(robot, RECORDS);
        RecordId proved = open(robot, EvidenceLevel.PROVED);
        Label detail = robot.lookup("#evidenceDetail").queryAs(Label.class);
        EvidenceBadge badge = robot.lookup("#evidenceBadge").queryAs(EvidenceBadge.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                detail.getText().equals("\u2014 " + stored.get(proved).detail())));
        assertTrue(stored.get(proved).detail().startsWith("receipt proved against block "), stored.get(proved).detail());
        assertEquals(EvidenceLevel.PROVED, onFx(badge::getLevel));
        assertEquals("PROVED", onFx(badge::getText));
        assertTrue(onFx(() -> robot.lookup("#evidenceLine").query().isVisible()));
        assertEquals("", onFx(() -> robot.lookup("#verdictQualifier").queryAs(Label.class).getText()));
        assertEquals("", onFx(() -> robot.lookup("#bannerQualifier").queryAs(Label.class).getText()));

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        RecordId trusted = open(robot, EvidenceLevel.TRUSTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                detail.getText().equals("\u2014 one endpoint, not proved")
                        && robot.lookup("#verdictQualifier").queryAs(Label.class).getText()
                        .equals("\u00b7 one endpoint, not proved")));
        assertEquals(EvidenceLevel.TRUSTED, onFx(badge::getLevel));
        VerdictBadge header = robot.lookup("#verdictBadge").queryAs(VerdictBadge.class);
        assertEquals(strings.getString("verdict.verified"), onFx(header::getText), trusted.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#bannerQualifier")
                .queryAs(Label.class).getText().equals("\u00b7 one endpoint, not proved")));
    }

    @Test
    void settingsStateTheVerdictPolicy(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.main().open(View.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        Label policy = robot.lookup("#verdictPolicyText").queryAs(Label.class);
        assertEquals("A record whose log fails a proof is never stored or verified; TRUSTED records show their weaker "
                + "evidence wherever their verdict is shown.", onFx(policy::getText));
        List<EvidenceLevel> legend = onFx(() -> robot.lookup("#verdictPolicy").lookup(".evidence-badge")
                .queryAllAs(EvidenceBadge.class).stream().map(EvidenceBadge::getLevel).toList());
        assertEquals(List.of(EvidenceLevel.PROVED, EvidenceLevel.AGREED, EvidenceLevel.TRUSTED), legend);
    }

    /** Opens the first listed record of {@code level} that has a VERIFIED verdict; returns its id. */
    private RecordId open(FxRobot robot, EvidenceLevel level) throws Exception {
        TableView<InferenceRow> table = table(robot);
        int index = onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                InferenceRow r = table.getItems().get(i);
                if (!r.isLoading() && stored.get(r.inference().id()).level() == level
                        && verdicts.get(r.inference().id()) == Verdict.VERIFIED) {
                    return i;
                }
            }
            throw new AssertionError("no loaded VERIFIED " + level + " row");
        });
        RecordId id = onFx(() -> table.getItems().get(index).inference().id());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        });
        robot.type(KeyCode.ENTER);
        TextField field = robot.lookup("#idField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> field.getText().equals(id.toString())));
        return id;
    }
}
