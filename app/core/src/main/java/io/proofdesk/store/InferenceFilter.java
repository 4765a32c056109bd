package io.proofdesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of an inferences query and its arguments, built in step from an {@link InferenceQuery}; used by
 * {@link InferenceDao} only. Terms on the chain key and time are named so a keyset page can drop the bound its key
 * already implies.
 */
final class InferenceFilter {

    static final String BLOCK_FROM = "block_number >= ?";
    static final String BLOCK_TO = "block_number <= ?";
    static final String TIME_FROM = "timestamp >= ?";
    static final String TIME_TO = "timestamp < ?";

    private final List<String> terms = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();
    private final List<Integer> arity = new ArrayList<>();

    /**
     * How a substring of the record id is looked for. No B-tree index serves text that can sit anywhere in the id, so
     * either way ids are scanned; the question is which rows are read. Measured on a million rows (2 cores, busy):
     * a count scans only the primary key's index (ids and rowids, a fraction of the rows' size): about 0.2-0.4 s.
     */
    enum IdSearch {
        /**
         * Test each row where the query reads it: a page walks its order index and stops when it is full, which is
         * quick when many ids match (typing "a" fills a page within the first few hundred rows) and slow when few
         * do (a page read every row in block order: 1.5-2 s), and an aggregate reads every row of the table.
         */
        IN_ROWS,
        /**
         * Scan the ids first, in the primary key's index, into a set of rowids, then read only those rows: one
         * index scan plus the matches (0.2-0.4 s for a tail like "7a120:0"), but slow when most ids match, as the
         * set then holds most rows (7-11 s for "a").
         */
        IDS_FIRST
    }

    private InferenceFilter() {
    }

    /** The WHERE clause for {@code q}; a substring of the id is searched as {@code idSearch} says. */
    static InferenceFilter of(InferenceQuery q, IdSearch idSearch) {
        InferenceFilter f = new InferenceFilter();
        if (q.model() != null) {
            f.add("model = ?", q.model());
        }
        if (q.modelVersion() != null) {
            f.add("model_version = ?", q.modelVersion());
        }
        if (q.teeId() != null) {
            f.add("tee_id = ?", q.teeId());
        }
        if (q.nodeUrl() != null) {
            f.add("node_url = ?", q.nodeUrl());
        }
        if (q.mode() != null) {
            f.add("mode = ?", q.mode().name());
        }
        if (q.settlement() != null) {
            f.add("settlement = ?", q.settlement().name());
        }
        if (q.verdict() != null) {
            f.add("verdict = ?", q.verdict().name());
        }
        if (q.notChecked()) {
            f.add("verdict IS NULL");
        }
        if (q.evidence() != null) {
            f.add("evidence = ?", q.evidence().name());
        }
        if (q.fromBlock() != null) {
            f.add(BLOCK_FROM, q.fromBlock());
        }
        if (q.toBlock() != null) {
            f.add(BLOCK_TO, q.toBlock());
        }
        if (q.from() != null) {
            f.add(TIME_FROM, q.from().toEpochMilli());
        }
        if (q.to() != null) {
            f.add(TIME_TO, q.to().toEpochMilli());
        }
        if (q.idPrefix() != null) {
            // a range on the primary key rather than LIKE, which SQLite would not serve from the index;
            // ids are ASCII, so U+FFFF sorts after every id that starts with the prefix
            f.add("id >= ? AND id < ?", q.idPrefix(), q.idPrefix() + '\uffff');
        }
        if (q.idContains() != null) {
            addIdContains(f, q.idContains(), idSearch);
        }
        return f;
    }

    /**
     * A substring of the record id. "0x" occurs only at an id's start, so text starting with it is a prefix, served
     * by a range on the primary key; other text is searched as {@code how} says.
     */
    private static void addIdContains(InferenceFilter f, String text, IdSearch how) {
        if (text.startsWith("0x")) {
            f.add("id >= ? AND id < ?", text, text + '\uffff');
        } else if (how == IdSearch.IDS_FIRST) {
            f.add("rowid IN (SELECT rowid FROM inferences WHERE instr(id, ?) > 0)", text);
        } else {
            f.add("instr(id, ?) > 0", text);
        }
    }

    void add(String term, Object... values) {
        terms.add(term);
        arity.add(values.length);
        args.addAll(List.of(values));
    }

    /** Drops a term added before (one holding a single argument) with its argument. */
    void remove(String term) {
        int at = terms.indexOf(term);
        if (at < 0 || arity.get(at) != 1) {
            throw new IllegalStateException("no single-argument term " + term);
        }
        int first = 0;
        for (int i = 0; i < at; i++) {
            first += arity.get(i);
        }
        terms.remove(at);
        arity.remove(at);
        args.remove(first);
    }

    String where() {
        return terms.isEmpty() ? "" : "WHERE " + String.join(" AND ", terms);
    }

    int bindFilters(PreparedStatement ps) throws SQLException {
        return bindFilters(ps, 1);
    }

    int bindFilters(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }

    void bind(PreparedStatement ps, int limit) throws SQLException {
        ps.setInt(bindFilters(ps), limit);
    }
}
