package io.proofdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Proofdesk keeps the user's data: {@code --data-dir} or the {@code proofdesk.dataDir} system property
 * first, then {@code $XDG_DATA_HOME/proofdesk}, then {@code ~/.local/share/proofdesk}.
 */
public record DataDirectory(Path path) {

    public static final String PROPERTY = "proofdesk.dataDir";

    public static DataDirectory resolve(Path explicit) {
        return resolve(explicit, System.getProperties().getProperty(PROPERTY), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    static DataDirectory resolve(Path explicit, String property, Map<String, String> env, Path home) {
        if (explicit != null) {
            return new DataDirectory(explicit.toAbsolutePath().normalize());
        }
        if (property != null && !property.isBlank()) {
            return new DataDirectory(Path.of(property).toAbsolutePath().normalize());
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new DataDirectory(Path.of(xdg, "proofdesk"));
        }
        return new DataDirectory(home.resolve(".local/share/proofdesk"));
    }

    /** Creates the folder if needed; a clear error if it exists as a file or cannot be written. */
    public Path ensureExists() throws IOException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IOException("data directory " + path + " exists but is not a folder");
        }
        Files.createDirectories(path);
        if (!Files.isWritable(path)) {
            throw new IOException("data directory " + path + " is not writable");
        }
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }
}
