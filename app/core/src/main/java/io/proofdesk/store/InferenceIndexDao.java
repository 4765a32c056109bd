package io.proofdesk.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inferences table's filter indexes, set aside while a sync writes a store that is empty or small next to what
 * it will write. Each synced row updated every index, one B-tree insert at a time (about half the writer's CPU on a
 * fresh store); building an index once from the finished table sorts its entries in one pass. Dropping records their
 * definitions in {@code meta} in the same transaction, and restoring re-creates exactly those and clears the record
 * in one transaction too, so the store is never left without its indexes and without knowing it: a sync restores
 * them when it reaches the head or stops, {@link Store#open} when a crash or kill came first. Queries made meanwhile
 * give the same rows, scanning the table instead.
 *
 * <p>Kept always: the primary key, {@code inferences_chain_order} (unique; the parent key of the verdicts' foreign
 * key and the order of every block-sorted page) and {@code inferences_time}, which the cross-range page query names
 * with INDEXED BY.
 */
public final class InferenceIndexDao extends Dao {

    static final String META_KEY = "deferred_inference_indexes";
    static final List<String> KEPT = List.of("inferences_chain_order", "inferences_time");

    /** Fewer expected rows than this are written with the indexes in place: the DDL would cost more than it saves. */
    static final long MIN_BULK_ROWS = 500;

    /** What a recorded definition must be: one CREATE INDEX on the inferences table, nothing after it. */
    private static final java.util.regex.Pattern INDEX_ON_INFERENCES = java.util.regex.Pattern.compile(
            "CREATE (UNIQUE )?INDEX \\w+ ON inferences\\s*\\([^;]*");

    private final StoreJson json;
    private final MetaDao meta;

    InferenceIndexDao(StatementCache statements, StoreJson json, MetaDao meta) {
        super(statements);
        this.json = json;
        this.meta = meta;
    }

    /**
     * Sets the filter indexes aside if about {@code expectedRows} more records are coming and that is at least as
     * many as the table holds (and at least {@link #MIN_BULK_ROWS}): rebuilding then costs less than maintaining
     * them row by row. Returns whether they are set aside now (also when they already were). In the caller's
     * transaction.
     */
    public boolean deferForBulk(long expectedRows) {
        if (deferred()) {
            return true;
        }
        if (expectedRows < MIN_BULK_ROWS || expectedRows < storedRowsAtMost()) {
            return false;
        }
        List<String[]> indexes = list("list the inferences indexes", "SELECT name, sql FROM sqlite_master WHERE "
                + "type = 'index' AND tbl_name = 'inferences' AND sql IS NOT NULL ORDER BY name", ps -> { },
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        List<String> definitions = new ArrayList<>();
        for (String[] index : indexes) {
            if (!KEPT.contains(index[0])) {
                definitions.add(index[1]);
                ddl("DROP INDEX " + index[0]);
            }
        }
        meta.put(META_KEY, json.write(definitions));
        return true;
    }

    /** Whether the filter indexes are set aside (a bulk sync is under way, or one was stopped by a crash). */
    public boolean deferred() {
        return meta.get(META_KEY).isPresent();
    }

    /**
     * Re-creates the indexes set aside, if any, and clears the record of them, in the caller's transaction. Returns
     * how many were built.
     */
    public int restore() {
        Optional<String> recorded = meta.get(META_KEY);
        if (recorded.isEmpty()) {
            return 0;
        }
        List<String> definitions = json.readStrings(recorded.get(), "deferred inference indexes");
        for (String definition : definitions) {
            // the record is only ever what deferForBulk read from sqlite_master; anything else is not run
            if (!INDEX_ON_INFERENCES.matcher(definition).matches()) {
                throw new IllegalStateException("the store's record of deferred indexes holds \""
                        + (definition.length() > 80 ? definition.substring(0, 77) + "..." : definition)
                        + "\", which is not an index of the inferences table");
            }
            ddl(definition);
        }
        update("clear the record of deferred indexes", "DELETE FROM meta WHERE key = ?",
                ps -> ps.setString(1, META_KEY));
        return definitions.size();
    }

    /** The table's largest rowid: rows are only appended (a reorg deletes the newest), so it bounds the row count. */
    private long storedRowsAtMost() {
        return count("size the inferences table", "SELECT coalesce(max(rowid), 0) FROM inferences", ps -> { });
    }

    private void ddl(String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw Sql.failure("change the inferences indexes (" + sql + ")", e);
        }
    }

    /** SQLite's names of the inferences table's indexes, for tests. */
    List<String> names() {
        return list("list the inferences indexes", "SELECT name FROM sqlite_master WHERE type = 'index' "
                + "AND tbl_name = 'inferences' ORDER BY name", ps -> { }, rs -> rs.getString(1));
    }
}
