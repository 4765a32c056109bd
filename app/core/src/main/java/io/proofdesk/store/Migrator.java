package io.proofdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/** Brings a store up to the bundled schema, one transaction per migration, recorded in schema_version. */
final class Migrator {

    private final Migrations migrations;
    private final Clock clock;

    Migrator(Migrations migrations, Clock clock) {
        this.migrations = migrations;
        this.clock = clock;
    }

    /** Returns the schema version the store is at afterwards. */
    int migrate(Connection c, Path file) throws SQLException {
        SchemaVersionDao versions = new SchemaVersionDao(c);
        int current = versions.currentVersion();
        if (current > migrations.latestVersion()) {
            throw new StoreSchemaTooNewException(file, current, migrations.latestVersion());
        }
        for (Migration m : migrations.all()) {
            if (m.version() <= current) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    versions.createIfAbsent();
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    versions.record(m.version(), m.description(), clock.instant());
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw new StoreException("migration " + m.resource() + " failed on " + file + ": "
                            + e.getMessage() + " (rolled back; the store stays at version " + current + ")", e);
                }
            }
            current = m.version();
        }
        return current;
    }
}
