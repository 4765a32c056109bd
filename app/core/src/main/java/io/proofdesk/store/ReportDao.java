package io.proofdesk.store;

import io.proofdesk.domain.ReportEntry;
import java.util.List;
import java.util.Optional;

/** The reports table: reports written, for the Reports view. */
public final class ReportDao extends Dao {

    private static final ReportRowMapper MAPPER = new ReportRowMapper();
    private static final String SELECT = "SELECT " + ReportRowMapper.COLUMNS + " FROM reports ";

    ReportDao(StatementCache statements) {
        super(statements);
    }

    /** Stores a report entry and returns it with its new id. */
    public ReportEntry insert(ReportEntry r) {
        long id = one("save report " + r.path(), "INSERT INTO reports (path, sha256, created_at, record_count, format) "
                + "VALUES (?, ?, ?, ?, ?) RETURNING id", ps -> {
                    ps.setString(1, r.path());
                    ps.setString(2, r.sha256());
                    Sql.setInstant(ps, 3, r.createdAt());
                    ps.setInt(4, r.recordCount());
                    ps.setString(5, r.format());
                }, rs -> rs.getLong(1)).orElseThrow();
        return r.withId(id);
    }

    public Optional<ReportEntry> find(long id) {
        return one("read report " + id, SELECT + "WHERE id = ?", ps -> ps.setLong(1, id), MAPPER);
    }

    /** Newest first. */
    public List<ReportEntry> all() {
        return list("list reports", SELECT + "ORDER BY created_at DESC, id DESC", ps -> { }, MAPPER);
    }

    public boolean delete(long id) {
        return update("delete report " + id, "DELETE FROM reports WHERE id = ?", ps -> ps.setLong(1, id)) > 0;
    }
}
