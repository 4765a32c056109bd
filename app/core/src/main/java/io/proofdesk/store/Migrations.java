package io.proofdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled migrations, in the order {@code migrations/migrations.list} gives (a jar cannot list a folder).
 * Files may hold several statements separated by ';' at line ends; lines starting with "--" are comments.
 * No statement may contain ';' inside a literal (none needs to; triggers are not used).
 */
final class Migrations {

    private static final String ROOT = "/io/proofdesk/store/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final List<Migration> all;

    private Migrations(List<Migration> all) {
        this.all = List.copyOf(all);
    }

    static Migrations bundled() {
        String list = read(ROOT + "migrations.list");
        List<Migration> out = new ArrayList<>();
        for (String line : list.split("\n")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("bad migration file name " + name);
            }
            int version = Integer.parseInt(m.group(1));
            if (version != out.size() + 1) {
                throw new IllegalStateException("migration " + name + " out of sequence, expected V" + (out.size() + 1));
            }
            out.add(new Migration(version, m.group(2).replace('_', ' '), name, split(read(ROOT + name))));
        }
        return new Migrations(out);
    }

    static List<String> split(String sql) {
        StringBuilder body = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        return Arrays.stream(body.toString().split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing store resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read store resource " + resource, e);
        }
    }

    List<Migration> all() {
        return all;
    }

    /** The first {@code version} migrations: the schema an older build created, for upgrade tests. */
    Migrations upTo(int version) {
        return new Migrations(all.subList(0, version));
    }

    int latestVersion() {
        return all.size();
    }
}
