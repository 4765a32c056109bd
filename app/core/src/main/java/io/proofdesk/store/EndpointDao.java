package io.proofdesk.store;

import io.proofdesk.domain.Endpoint;
import io.proofdesk.domain.EndpointKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The endpoints table: configured RPC/hub/store/node URLs and their last probe. */
public final class EndpointDao extends Dao {

    private static final EndpointRowMapper MAPPER = new EndpointRowMapper();

    EndpointDao(StatementCache statements) {
        super(statements);
    }

    /** Inserts or replaces the endpoint with the same kind and URL. */
    public void upsert(Endpoint e) {
        update("save endpoint " + e.url(), "INSERT INTO endpoints (" + EndpointRowMapper.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, url) DO UPDATE SET chain_id = excluded.chain_id, "
                + "last_latency_ms = excluded.last_latency_ms, last_error = excluded.last_error, "
                + "last_seen = excluded.last_seen", ps -> {
                    Sql.setEnum(ps, 1, e.kind());
                    ps.setString(2, e.url());
                    Sql.setLong(ps, 3, e.chainId());
                    Sql.setLong(ps, 4, e.lastLatencyMs());
                    ps.setString(5, e.lastError());
                    Sql.setInstant(ps, 6, e.lastSeen());
                });
    }

    /** Records a probe: latency and no error on success, or the error (latency null) on failure. */
    public void recordProbe(EndpointKind kind, String url, Long latencyMs, String error, Instant at) {
        update("record probe of " + url, "UPDATE endpoints SET last_latency_ms = ?, last_error = ?, last_seen = ? "
                + "WHERE kind = ? AND url = ?", ps -> {
                    Sql.setLong(ps, 1, latencyMs);
                    ps.setString(2, error);
                    Sql.setInstant(ps, 3, at);
                    Sql.setEnum(ps, 4, kind);
                    ps.setString(5, url);
                });
    }

    public Optional<Endpoint> find(EndpointKind kind, String url) {
        return one("read endpoint " + url, "SELECT " + EndpointRowMapper.COLUMNS
                + " FROM endpoints WHERE kind = ? AND url = ?", ps -> {
                    Sql.setEnum(ps, 1, kind);
                    ps.setString(2, url);
                }, MAPPER);
    }

    public List<Endpoint> ofKind(EndpointKind kind) {
        return list("list endpoints", "SELECT " + EndpointRowMapper.COLUMNS + " FROM endpoints WHERE kind = ? ORDER BY url",
                ps -> Sql.setEnum(ps, 1, kind), MAPPER);
    }

    public List<Endpoint> all() {
        return list("list endpoints", "SELECT " + EndpointRowMapper.COLUMNS + " FROM endpoints ORDER BY kind, url",
                ps -> { }, MAPPER);
    }

    public boolean delete(EndpointKind kind, String url) {
        return update("delete endpoint " + url, "DELETE FROM endpoints WHERE kind = ? AND url = ?", ps -> {
            Sql.setEnum(ps, 1, kind);
            ps.setString(2, url);
        }) > 0;
    }
}
