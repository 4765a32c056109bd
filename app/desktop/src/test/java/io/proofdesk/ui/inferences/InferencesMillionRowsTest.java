package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The performance check (run on its own: {@code -Dtest=InferencesMillionRowsTest}): a million inferences through
 * the store's bulk path, the real Inferences view on top, scrolled to the end and back and filtered every way.
 * Asserts the rows and counts shown and that the heap stays under 1 GiB; prints, never asserts, the times.
 * {@code -Dproofdesk.perf.rows=N} runs it on fewer rows.
 */
@ExtendWith(ApplicationExtension.class)
class InferencesMillionRowsTest {

    static final int ROWS = Integer.getInteger("proofdesk.perf.rows", 1_000_000);
    private static final int CHUNK = 20_000;
    private static final long FIRST_BLOCK = 1_000;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<String> MODELS = List.of("QmModelA", "QmModelB", "QmModelC", "QmModelD", "QmModelE");
    private static final List<String> TEES = List.of(hash(0xA1), hash(0xA2), hash(0xA3), hash(0xA4));
    private static final List<String> NODES = List.of("http://127.0.0.1:18601", "http://127.0.0.1:18602",
            "http://127.0.0.1:18603", "http://127.0.0.1:18604");

    @TempDir
    static Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);

    static String hash(long n) {
        return "0x" + "0".repeat(48) + HexFormat.of().toHexDigits(n);
    }

    // the record for row i of the chain: every field a function of i, so expected counts are computed, not stored
    static String model(int i) {
        return MODELS.get(i % MODELS.size());
    }

    static boolean tee(int i) {
        return i % 3 != 0;
    }

    static boolean batch(int i) {
        return tee(i) && i % 10 == 1;
    }

    static boolean mismatch(int i) {
        return i % 100 == 0;
    }

    static Inference record(int i) {
        RecordId id = batch(i) ? RecordId.leaf(hash(i), 0, 0) : RecordId.of(hash(i), 0);
        SettlementKind s = batch(i) ? SettlementKind.BATCH : tee(i) ? SettlementKind.INDIVIDUAL : SettlementKind.ONCHAIN;
        return new Inference(id, tee(i) ? InferenceMode.TEE : InferenceMode.VANILLA, model(i), i % 2 == 0 ? "1.00" : "2.00",
                tee(i) ? TEES.get(i % 4) : null, NODES.get(i % 4), s, FIRST_BLOCK + i, T0.plusSeconds(3L * i),
                null, null, null, Bytes.empty(), null, null, List.of(), List.of(), List.of(), null);
    }

    @BeforeAll
    static void fill() {
        long started = System.nanoTime();
        try (Store store = Store.open(new DataDirectory(dataDir))) {
            for (int from = 0; from < ROWS; from += CHUNK) {
                List<Inference> chunk = new ArrayList<>(CHUNK);
                for (int i = from; i < Math.min(ROWS, from + CHUNK); i++) {
                    chunk.add(record(i));
                }
                store.inTransaction(tx -> tx.saveInferences(chunk));
            }
            store.inTransaction(tx -> {
                for (int i = 0; i < ROWS; i += 100) {
                    tx.saveVerdict(new VerdictRecord(record(i).id(), Verdict.MISMATCH, null, T0, null, List.of()));
                }
            });
        }
        System.out.printf("PERF fill: %,d inferences (no tensors) + %,d verdicts in %.1f s%n", ROWS, ROWS / 100,
                (System.nanoTime() - started) / 1e9);
    }

    @Start
    void start(Stage primary) throws IOException {
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

    private long count(IntPredicate p) {
        long n = 0;
        for (int i = 0; i < ROWS; i++) {
            if (p.test(i)) {
                n++;
            }
        }
        return n;
    }

    /** Waits until the label shows the count and the row at {@code index} is loaded; returns the seconds it took. */
    private double waitFor(FxRobot robot, long shown, int index, long startedNanos) throws Exception {
        return waitFor(robot, shown, index, startedNanos, null);
    }

    /** As above, and the table must show a new query's rows rather than {@code before}. */
    private double waitFor(FxRobot robot, long shown, int index, long startedNanos, Object before) throws Exception {
        String text = MessageFormat.format(strings.getString("inferences.count"), ROWS, shown);
        Label label = robot.lookup("#countLabel").queryAs(Label.class);
        TableView<InferenceRow> table = table(robot);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> label.getText().equals(text)
                && table.getItems() != before && (shown == 0 || !table.getItems().get(index).isLoading())));
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private Inference row(FxRobot robot, int index) throws Exception {
        return onFx(() -> table(robot).getItems().get(index).inference());
    }

    private static double usedHeapMiB() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    @Test
    void aMillionRowsScrollFilterAndStayUnderAGigabyte(FxRobot robot) throws Exception {
        double opened = waitFor(robot, ROWS, 0, System.nanoTime());
        System.out.printf("PERF first rows shown after the view opened: %.2f s%n", opened);
        assertEquals(FIRST_BLOCK + ROWS - 1, row(robot, 0).blockNumber(), "newest block first");

        TableView<InferenceRow> table = table(robot);
        long t = System.nanoTime();
        robot.interact(() -> table.scrollTo(ROWS - 1));
        double toEnd = waitFor(robot, ROWS, ROWS - 1, t);
        assertEquals(FIRST_BLOCK, row(robot, ROWS - 1).blockNumber(), "the last row is the oldest block");
        assertEquals(FIRST_BLOCK + 1, row(robot, ROWS - 2).blockNumber());
        t = System.nanoTime();
        robot.interact(() -> table.scrollTo(ROWS / 2));
        double toMiddle = waitFor(robot, ROWS, ROWS / 2, t);
        assertEquals(FIRST_BLOCK + ROWS - 1 - ROWS / 2, row(robot, ROWS / 2).blockNumber());
        t = System.nanoTime();
        robot.interact(() -> table.scrollTo(0));
        double back = waitFor(robot, ROWS, 0, t);
        System.out.printf("PERF scroll to end %.2f s, to middle %.2f s, back to top %.2f s%n", toEnd, toMiddle, back);
        // keyboard: page down from the top moves the selection and the rows stay right
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(javafx.scene.input.KeyCode.PAGE_DOWN, 3);
        int selected = onFx(() -> table.getSelectionModel().getSelectedIndex());
        assertTrue(selected > 10, "page down moved the selection, to " + selected);
        waitFor(robot, ROWS, selected, System.nanoTime());
        assertEquals(FIRST_BLOCK + ROWS - 1 - selected, row(robot, selected).blockNumber());

        Controls f = new Controls(robot);
        check(robot, "model", () -> f.choose("#modelFilter", "QmModelC"), i -> model(i).equals("QmModelC"),
                r -> r.model().equals("QmModelC"));
        check(robot, "cleared", f::clear, i -> true, r -> true);
        check(robot, "tee", () -> f.choose("#teeFilter", TEES.get(2)), i -> tee(i) && i % 4 == 2,
                r -> TEES.get(2).equals(r.teeId()));
        check(robot, "node", () -> {
            f.choose("#teeFilter", null);
            f.choose("#nodeFilter", NODES.get(1));
        }, i -> i % 4 == 1, r -> r.nodeUrl().equals(NODES.get(1)));
        check(robot, "mode", () -> {
            f.choose("#nodeFilter", null);
            f.choose("#modeFilter", InferenceMode.VANILLA);
        }, i -> !tee(i), r -> r.mode() == InferenceMode.VANILLA);
        check(robot, "settlement", () -> {
            f.choose("#modeFilter", null);
            f.choose("#settlementFilter", SettlementKind.BATCH);
        }, InferencesMillionRowsTest::batch, r -> r.settlement() == SettlementKind.BATCH);
        check(robot, "verdict", () -> {
            f.choose("#settlementFilter", null);
            f.choose("#verdictFilter", VerdictFilter.MISMATCH);
        }, InferencesMillionRowsTest::mismatch, r -> r.verdict() == Verdict.MISMATCH);
        check(robot, "not checked", () -> f.choose("#verdictFilter", VerdictFilter.NOT_CHECKED),
                i -> !mismatch(i), r -> r.verdict() == null);
        int lo = ROWS / 4;
        int hi = ROWS / 4 + 4_999;
        check(robot, "block range", () -> {
            f.choose("#verdictFilter", null);
            f.text("#fromBlock", Long.toString(FIRST_BLOCK + lo));
            f.text("#toBlock", Long.toString(FIRST_BLOCK + hi));
        }, i -> i >= lo && i <= hi, r -> r.blockNumber() >= FIRST_BLOCK + lo && r.blockNumber() <= FIRST_BLOCK + hi);
        LocalDate day = T0.plusSeconds(3L * ROWS / 2).atZone(ZoneOffset.UTC).toLocalDate();
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        check(robot, "time range (one day)", () -> {
            f.text("#fromBlock", "");
            f.text("#toBlock", "");
            f.date("#fromDate", day);
            f.date("#toDate", day);
        }, i -> !T0.plusSeconds(3L * i).isBefore(dayStart) && T0.plusSeconds(3L * i).isBefore(dayStart.plusSeconds(86_400)),
                r -> r.timestamp().atZone(ZoneOffset.UTC).toLocalDate().equals(day));
        String prefix = hash(777_777 % ROWS).substring(0, 64);
        check(robot, "tx hash search", () -> {
            f.clear();
            f.text("#search", prefix);
        }, i -> hash(i).startsWith(prefix), r -> r.id().txHash().startsWith(prefix));
        // any part of an id: the visible tail of one (few match, the ids are scanned first), then one hex digit
        // as typing starts (most match, and a page fills in block order)
        String tail = InferenceFormat.shortId(record(777_777).id()).substring(9);
        check(robot, "id tail search " + tail, () -> f.text("#search", tail),
                i -> record(i).id().toString().contains(tail), r -> r.id().toString().contains(tail));
        check(robot, "one digit search", () -> f.text("#search", "a"),
                i -> record(i).id().toString().contains("a"), r -> r.id().toString().contains("a"));
        check(robot, "sort by time, oldest first", () -> {
            f.text("#search", "");
            table.getSortOrder().setAll(List.of(table.getColumns().get(1)));
            table.getColumns().get(1).setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
        }, i -> true, r -> true);
        assertEquals(FIRST_BLOCK, row(robot, 0).blockNumber(), "oldest first after sorting by time ascending");
        t = System.nanoTime();
        robot.interact(() -> table.scrollTo(ROWS - 1));
        waitFor(robot, ROWS, ROWS - 1, t);
        assertEquals(FIRST_BLOCK + ROWS - 1, row(robot, ROWS - 1).blockNumber(), "newest last when oldest first");

        InferenceRows rows = onFx(() -> (InferenceRows) table.getItems());
        assertTrue(rows.cachedPages() <= InferenceRows.MAX_PAGES, rows.cachedPages() + " pages in memory");
        double heap = usedHeapMiB();
        System.out.printf("PERF heap used after GC: %.0f MiB (max %d MiB)%n", heap,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertTrue(heap < 1024, "heap used " + heap + " MiB");
    }

    /** The filters as the user sets them: through the view's own controls. */
    private static final class Controls {
        private final FxRobot robot;

        Controls(FxRobot robot) {
            this.robot = robot;
        }

        @SuppressWarnings("unchecked")
        void choose(String combo, Object value) {
            ComboBox<FilterCombo.Choice<Object>> box = robot.lookup(combo).queryAs(ComboBox.class);
            box.getItems().stream().filter(c -> java.util.Objects.equals(c.value(), value)).findFirst()
                    .ifPresentOrElse(box::setValue, () -> {
                        throw new AssertionError(combo + " offers no " + value + ": " + box.getItems());
                    });
        }

        void text(String field, String value) {
            robot.lookup(field).queryAs(TextField.class).setText(value);
        }

        void date(String picker, LocalDate value) {
            robot.lookup(picker).queryAs(DatePicker.class).setValue(value);
        }

        void clear() {
            robot.lookup(".button").match((javafx.scene.control.Button b) -> "Clear filters".equals(b.getText()))
                    .queryButton().fire();
        }
    }

    private void check(FxRobot robot, String name, Runnable apply, IntPredicate expected, Predicate<Inference> shown)
            throws Exception {
        long want = count(expected);
        Object before = onFx(() -> table(robot).getItems());
        long t = System.nanoTime();
        robot.interact(apply);
        double seconds = waitFor(robot, want, 0, t, before);
        System.out.printf("PERF filter %-28s %,9d rows in %.2f s%n", name, want, seconds);
        if (want > 0) {
            TableView<InferenceRow> table = table(robot);
            int visible = (int) Math.min(want, 20);
            for (int i = 0; i < visible; i++) {
                Inference r = row(robot, i);
                assertTrue(shown.test(r), name + ": row " + i + " is " + r);
            }
            assertTrue(onFx(() -> table.getItems().size()) == want, name + " row count");
        }
    }
}
