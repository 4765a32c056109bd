package io.proofdesk.store;

import io.proofdesk.domain.Model;
import java.util.List;
import java.util.Optional;

/** The models table. */
public final class ModelDao extends Dao {

    private static final ModelRowMapper MAPPER = new ModelRowMapper();
    private static final String SELECT = "SELECT " + ModelRowMapper.COLUMNS + " FROM models ";

    ModelDao(StatementCache statements) {
        super(statements);
    }

    public void upsert(Model m) {
        update("save model " + m.name(), "INSERT INTO models (" + ModelRowMapper.COLUMNS + ") VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, description = excluded.description, "
                + "created_at = excluded.created_at, registered_block = excluded.registered_block", ps -> {
                    ps.setString(1, m.name());
                    ps.setString(2, m.owner());
                    ps.setString(3, m.description());
                    Sql.setInstant(ps, 4, m.createdAt());
                    Sql.setLong(ps, 5, m.registeredBlock());
                });
    }

    public Optional<Model> find(String name) {
        return one("read model " + name, SELECT + "WHERE name = ?", ps -> ps.setString(1, name), MAPPER);
    }

    public List<Model> all() {
        return list("list models", SELECT + "ORDER BY name", ps -> { }, MAPPER);
    }

    public List<Model> byOwner(String owner) {
        return list("list models of " + owner, SELECT + "WHERE owner = ? ORDER BY name", ps -> ps.setString(1, owner), MAPPER);
    }
}
