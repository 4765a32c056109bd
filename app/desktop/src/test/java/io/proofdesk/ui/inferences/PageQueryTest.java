package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every way of reading a page returns exactly the rows a plain offset read returns, in every order, on real SQLite. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageQueryTest {

    private static final int ROWS = 1_050;
    private Store store;

    @BeforeAll
    void fill(@TempDir Path dir) {
        store = Store.open(new DataDirectory(dir));
        List<Inference> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(InferencesMillionRowsTest.record(i));
        }
        store.inTransaction(tx -> tx.saveInferences(rows));
    }

    @AfterAll
    void close() {
        store.close();
    }

    static Stream<Arguments> pages() {
        List<Arguments> out = new ArrayList<>();
        for (InferenceSort sort : InferenceSort.values()) {
            for (InferenceQuery q : List.of(InferenceQuery.all(), InferenceQuery.all().withModel("QmModelB"))) {
                for (PageQuery.Strategy s : PageQuery.Strategy.values()) {
                    out.add(Arguments.of(q.sortedBy(sort), s));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} for {0}")
    @MethodSource("pages")
    void everyStrategyReadsTheSameRows(InferenceQuery q, PageQuery.Strategy strategy) {
        long total = store.read(tx -> tx.inferences().count(q));
        int page = 50;
        for (long offset = 0; offset < total; offset += page) {
            int length = (int) Math.min(page, total - offset);
            long first = offset;
            List<Inference> expected = store.read(tx -> tx.inferences().pageAt(q, first, length));
            Inference before = first == 0 ? null : store.read(tx -> tx.inferences().pageAt(q, first - 1, 1)).getFirst();
            Inference after = first + length >= total ? null
                    : store.read(tx -> tx.inferences().pageAt(q, first + length, 1)).getFirst();
            PageQuery pq = switch (strategy) {
                case AFTER_PREVIOUS_ROW -> before == null ? null : new PageQuery(q, first, length, total, before, null);
                case BEFORE_NEXT_ROW -> after == null ? null : new PageQuery(q, first, length, total, null, after);
                case OFFSET_FROM_START, OFFSET_FROM_END -> new PageQuery(q, first, length, total, null, null);
            };
            if (pq == null || (strategy.name().startsWith("OFFSET") && pq.strategy() != strategy)) {
                continue; // this page is read another way
            }
            assertEquals(strategy, pq.strategy());
            List<Inference> got = store.read(tx -> pq.run(tx.inferences()));
            assertEquals(expected.stream().map(Inference::id).toList(), got.stream().map(Inference::id).toList(),
                    strategy + " at " + first);
        }
    }
}
