package io.proofdesk.store;

import io.proofdesk.domain.Tee;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The tees table: each TEE's current registry state (its history is in {@link TeeEventDao}). */
public final class TeeDao extends Dao {

    private static final TeeRowMapper MAPPER = new TeeRowMapper();
    private static final String SELECT = "SELECT " + TeeRowMapper.COLUMNS + " FROM tees ";

    TeeDao(StatementCache statements) {
        super(statements);
    }

    public void upsert(Tee t) {
        update("save TEE " + t.teeId(), "INSERT INTO tees (" + TeeRowMapper.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (tee_id) DO UPDATE SET owner = excluded.owner, payment_address = excluded.payment_address, "
                + "endpoint = excluded.endpoint, public_key = excluded.public_key, tls_cert = excluded.tls_cert, "
                + "pcr_hash = excluded.pcr_hash, tee_type = excluded.tee_type, enabled = excluded.enabled, "
                + "registered_at = excluded.registered_at, last_heartbeat = excluded.last_heartbeat", ps -> {
                    ps.setString(1, t.teeId());
                    ps.setString(2, t.owner());
                    ps.setString(3, t.paymentAddress());
                    ps.setString(4, t.endpoint());
                    Sql.setBytes(ps, 5, t.publicKey());
                    Sql.setBytes(ps, 6, t.tlsCertificate());
                    ps.setString(7, t.pcrHash());
                    ps.setInt(8, t.teeType());
                    ps.setInt(9, t.enabled() ? 1 : 0);
                    Sql.setInstant(ps, 10, t.registeredAt());
                    Sql.setInstant(ps, 11, t.lastHeartbeat());
                });
    }

    public boolean setEnabled(String teeId, boolean enabled) {
        return update("update TEE " + teeId, "UPDATE tees SET enabled = ? WHERE tee_id = ?", ps -> {
            ps.setInt(1, enabled ? 1 : 0);
            ps.setString(2, teeId);
        }) > 0;
    }

    /** Moves the last heartbeat forward (never back, so replayed old events change nothing). */
    public boolean recordHeartbeat(String teeId, Instant at) {
        return update("update TEE " + teeId, "UPDATE tees SET last_heartbeat = ? WHERE tee_id = ? "
                + "AND (last_heartbeat IS NULL OR last_heartbeat < ?)", ps -> {
                    Sql.setInstant(ps, 1, at);
                    ps.setString(2, teeId);
                    Sql.setInstant(ps, 3, at);
                }) > 0;
    }

    public Optional<Tee> find(String teeId) {
        return one("read TEE " + teeId, SELECT + "WHERE tee_id = ?", ps -> ps.setString(1, teeId), MAPPER);
    }

    public List<Tee> all() {
        return list("list TEEs", SELECT + "ORDER BY registered_at, tee_id", ps -> { }, MAPPER);
    }

    public List<Tee> byOwner(String owner) {
        return list("list TEEs of " + owner, SELECT + "WHERE owner = ? ORDER BY tee_id", ps -> ps.setString(1, owner), MAPPER);
    }

    public List<Tee> byPcrHash(String pcrHash) {
        return list("list TEEs running " + pcrHash, SELECT + "WHERE pcr_hash = ? ORDER BY tee_id",
                ps -> ps.setString(1, pcrHash), MAPPER);
    }

    public List<Tee> byType(int teeType, boolean enabledOnly) {
        return list("list TEEs of type " + teeType, SELECT + "WHERE tee_type = ?" + (enabledOnly ? " AND enabled = 1" : "")
                + " ORDER BY tee_id", ps -> ps.setInt(1, teeType), MAPPER);
    }
}
