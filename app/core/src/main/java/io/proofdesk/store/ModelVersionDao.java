package io.proofdesk.store;

import io.proofdesk.domain.ModelVersion;
import java.util.List;
import java.util.Optional;

/** The model_versions table; a version's model must be stored first. */
public final class ModelVersionDao extends Dao {

    private static final ModelVersionRowMapper MAPPER = new ModelVersionRowMapper();
    private static final String SELECT = "SELECT " + ModelVersionRowMapper.COLUMNS + " FROM model_versions ";

    ModelVersionDao(StatementCache statements) {
        super(statements);
    }

    public void upsert(ModelVersion v) {
        update("save version " + v.version() + " of " + v.modelName(), "INSERT INTO model_versions ("
                + ModelVersionRowMapper.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (model_name, version) "
                + "DO UPDATE SET cid = excluded.cid, created_at = excluded.created_at, "
                + "registered_block = excluded.registered_block, notes = excluded.notes", ps -> {
                    ps.setString(1, v.modelName());
                    ps.setString(2, v.version());
                    ps.setString(3, v.cid());
                    Sql.setInstant(ps, 4, v.createdAt());
                    Sql.setLong(ps, 5, v.registeredBlock());
                    ps.setString(6, v.notes());
                });
    }

    public Optional<ModelVersion> find(String modelName, String version) {
        return one("read version " + version + " of " + modelName, SELECT + "WHERE model_name = ? AND version = ?", ps -> {
            ps.setString(1, modelName);
            ps.setString(2, version);
        }, MAPPER);
    }

    public List<ModelVersion> forModel(String modelName) {
        return list("list versions of " + modelName, SELECT + "WHERE model_name = ? ORDER BY created_at, version",
                ps -> ps.setString(1, modelName), MAPPER);
    }

    /** Versions whose main file has this CID (what an inference record names). */
    public List<ModelVersion> byCid(String cid) {
        return list("find versions with CID " + cid, SELECT + "WHERE cid = ? ORDER BY model_name, version",
                ps -> ps.setString(1, cid), MAPPER);
    }
}
