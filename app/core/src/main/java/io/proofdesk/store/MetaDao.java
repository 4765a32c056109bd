package io.proofdesk.store;

import java.util.Optional;

/** The meta table: facts about the store itself, e.g. "chain_id" and "genesis_hash" of the network it holds. */
public final class MetaDao extends Dao {

    MetaDao(StatementCache statements) {
        super(statements);
    }

    public Optional<String> get(String key) {
        return one("read store setting " + key, "SELECT value FROM meta WHERE key = ?",
                ps -> ps.setString(1, key), rs -> rs.getString(1));
    }

    public void put(String key, String value) {
        update("write store setting " + key,
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                ps -> {
                    ps.setString(1, key);
                    ps.setString(2, value);
                });
    }
}
