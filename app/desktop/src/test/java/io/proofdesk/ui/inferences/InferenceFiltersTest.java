package io.proofdesk.ui.inferences;

import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter bar's state mapped onto the store query, without a toolkit. */
class InferenceFiltersTest {

    @Test
    void nothingSetIsEveryInferenceNewestBlockFirst() {
        assertEquals(InferenceQuery.all(), new InferenceFilters().toQuery());
    }

    @Test
    void everyFilterReachesTheQuery() {
        InferenceFilters f = new InferenceFilters();
        f.modelProperty().set("QmA");
        f.versionProperty().set("2.00");
        f.teeProperty().set("0xabc");
        f.nodeProperty().set("http://127.0.0.1:18601");
        f.modeProperty().set(InferenceMode.TEE);
        f.settlementProperty().set(SettlementKind.BATCH);
        f.verdictProperty().set(VerdictFilter.MISMATCH);
        f.fromBlockProperty().set("100");
        f.toBlockProperty().set("2,000");
        f.fromDateProperty().set(LocalDate.of(2025, 6, 1));
        f.toDateProperty().set(LocalDate.of(2025, 6, 2));
        f.searchProperty().set("  0xAB12 ");
        f.sortProperty().set(InferenceSort.TIME_ASC);
        InferenceQuery q = f.toQuery();
        assertEquals("QmA", q.model());
        assertEquals("2.00", q.modelVersion());
        assertEquals("0xabc", q.teeId());
        assertEquals("http://127.0.0.1:18601", q.nodeUrl());
        assertEquals(InferenceMode.TEE, q.mode());
        assertEquals(SettlementKind.BATCH, q.settlement());
        assertEquals(Verdict.MISMATCH, q.verdict());
        assertFalse(q.notChecked());
        assertEquals(100L, q.fromBlock());
        assertEquals(2_000L, q.toBlock());
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), q.from());
        assertEquals(Instant.parse("2025-06-03T00:00:00Z"), q.to(), "the end date is a whole day, inclusive");
        assertEquals("0xab12", q.idContains());
        assertNull(q.idPrefix());
        assertEquals(InferenceSort.TIME_ASC, q.sort());

        f.clear();
        assertEquals(InferenceQuery.all().sortedBy(InferenceSort.TIME_ASC), f.toQuery(), "clear keeps the sort");
    }

    @Test
    void notCheckedIsItsOwnChoice() {
        InferenceFilters f = new InferenceFilters();
        f.verdictProperty().set(VerdictFilter.NOT_CHECKED);
        assertTrue(f.toQuery().notChecked());
        assertNull(f.toQuery().verdict());
    }

    @ParameterizedTest(name = "search \"{0}\" -> {1}")
    @CsvSource(nullValues = "null", value = {"'',null", "'   ',null", "3f9a,3f9a", "0x3F9A,0x3f9a",
            "' 9677:159 ',9677:159", "'#12',#12"})
    void searchTextIsASubstringOfTheId(String text, String expected) {
        InferenceFilters f = new InferenceFilters();
        f.searchProperty().set(text);
        assertEquals(expected, f.toQuery().idContains());
    }

    @ParameterizedTest(name = "block \"{0}\" -> {1}")
    @CsvSource(nullValues = "null", value = {"'',null", "12,12", "'1,204',1204", "abc,null", "-5,null",
            "99999999999999999999,null"})
    void blockTextBecomesABound(String text, Long block) {
        assertEquals(block, InferenceFilters.block(text));
    }
}
