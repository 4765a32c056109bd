package io.proofdesk.store;

import io.proofdesk.domain.ModelFile;
import java.util.Comparator;
import java.util.List;

/** The model_files table; a file's model version must be stored first. */
public final class ModelFileDao extends Dao {

    private static final ModelFileRowMapper MAPPER = new ModelFileRowMapper();
    private static final String SELECT = "SELECT " + ModelFileRowMapper.COLUMNS + " FROM model_files ";

    ModelFileDao(StatementCache statements) {
        super(statements);
    }

    public void upsert(ModelFile f) {
        update("save file " + f.fileName() + " of " + f.modelName(), "INSERT INTO model_files (" + ModelFileRowMapper.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model_name, version, file_name) DO UPDATE SET "
                + "cid = excluded.cid, sha256 = excluded.sha256, size_bytes = excluded.size_bytes, "
                + "input_signature = excluded.input_signature, output_signature = excluded.output_signature, "
                + "registered_block = excluded.registered_block", ps -> {
                    ps.setString(1, f.modelName());
                    ps.setString(2, f.version());
                    ps.setString(3, f.fileName());
                    ps.setString(4, f.cid());
                    ps.setString(5, f.sha256());
                    ps.setLong(6, f.sizeBytes());
                    ps.setString(7, f.inputSignatureJson());
                    ps.setString(8, f.outputSignatureJson());
                    Sql.setLong(ps, 9, f.registeredBlock());
                });
    }

    public List<ModelFile> forVersion(String modelName, String version) {
        return list("list files of " + modelName + " " + version, SELECT + "WHERE model_name = ? AND version = ? "
                + "ORDER BY file_name", ps -> {
                    ps.setString(1, modelName);
                    ps.setString(2, version);
                }, MAPPER);
    }

    /**
     * Files with this CID in (model name, version, file name) order. A verification reads this for every record, and
     * the index on cid does not give that order: SQLite's sort (a temporary B-tree per execution) cost more than the
     * query, so the rows, nearly always one, are ordered here as SQLite's BINARY collation would order them.
     */
    public List<ModelFile> byCid(String cid) {
        List<ModelFile> rows = list("find files with CID " + cid, SELECT + "WHERE cid = ?", ps -> ps.setString(1, cid),
                MAPPER);
        if (rows.size() > 1) {
            rows.sort(REGISTRY_ORDER);
        }
        return rows;
    }

    private static final Comparator<ModelFile> REGISTRY_ORDER = Comparator
            .comparing(ModelFile::modelName, Sql.BINARY)
            .thenComparing(ModelFile::version, Sql.BINARY)
            .thenComparing(ModelFile::fileName, Sql.BINARY);

    public List<ModelFile> bySha256(String sha256) {
        return list("find files with SHA-256 " + sha256, SELECT + "WHERE sha256 = ? ORDER BY model_name, version, file_name",
                ps -> ps.setString(1, sha256), MAPPER);
    }
}
