package io.proofdesk.store;

import io.proofdesk.domain.RecordId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The sync_notes table: why the sync stored a record without its blob, tensors or model (one sentence per record).
 * Rows go with their inference (cascade), so a reorg rollback removes them too.
 */
public final class SyncNoteDao extends Dao {

    SyncNoteDao(StatementCache statements) {
        super(statements);
    }

    /** Adds notes for stored records; a record that already has a note keeps it (a resumed sync changes nothing). */
    public void insertAll(Map<RecordId, String> notes) {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO sync_notes (inference_id, reason) VALUES (?, ?)")) {
            for (var e : notes.entrySet()) {
                ps.setString(1, e.getKey().toString());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("save " + notes.size() + " sync notes", e);
        }
    }

    public Optional<String> find(RecordId id) {
        return one("read sync note of " + id, "SELECT reason FROM sync_notes WHERE inference_id = ?",
                ps -> ps.setString(1, id.toString()), rs -> rs.getString(1));
    }

    public long count() {
        return count("count sync notes", "SELECT count(*) FROM sync_notes", ps -> { });
    }
}
