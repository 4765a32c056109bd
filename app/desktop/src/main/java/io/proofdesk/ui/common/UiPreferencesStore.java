package io.proofdesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes {@code ui.properties} in the data folder. A damaged file never stops the app: it falls back to
 * defaults and says why in the log. Writes go to a temp file first and are moved into place, so a crash mid-write
 * leaves the previous file intact.
 */
public final class UiPreferencesStore {

    public static final String FILE_NAME = "ui.properties";
    static final int MAX_BYTES = 64 * 1024;
    static final String FIRST_RUN_CARD_DISMISSED = "network.firstRunCard.dismissed";

    private static final System.Logger LOG = System.getLogger(UiPreferencesStore.class.getName());

    private final Path file;

    public UiPreferencesStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public UiPreferences load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                LOG.log(System.Logger.Level.WARNING, file + " is larger than " + MAX_BYTES + " bytes; using defaults");
                return UiPreferences.DEFAULTS;
            }
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return UiPreferences.DEFAULTS;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + " (" + e.getMessage() + "); using defaults");
            return UiPreferences.DEFAULTS;
        }
        return new UiPreferences(theme(p.getProperty("theme")), window(p),
                Boolean.parseBoolean(p.getProperty(FIRST_RUN_CARD_DISMISSED, "false").strip()));
    }

    private Theme theme(String value) {
        if (value == null) {
            return UiPreferences.DEFAULTS.theme();
        }
        try {
            return Theme.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, file + ": unknown theme '" + value + "'; using the default");
            return UiPreferences.DEFAULTS.theme();
        }
    }

    private Optional<WindowGeometry> window(Properties p) {
        String x = p.getProperty("window.x");
        if (x == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowGeometry(number(p, "window.x"), number(p, "window.y"),
                    number(p, "window.width"), number(p, "window.height"),
                    Boolean.parseBoolean(p.getProperty("window.maximized"))));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, file + ": ignoring the saved window position (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: '" + value + "'");
        }
    }

    /** @throws IOException naming the file and the reason, fit to show as a sentence */
    public void save(UiPreferences preferences) throws IOException {
        try {
            write(preferences);
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    ? fse.getReason() : e.getClass().getSimpleName();
            throw new IOException("could not save display preferences to " + file + " (" + reason + ")", e);
        }
    }

    private void write(UiPreferences preferences) throws IOException {
        Properties p = new Properties();
        p.setProperty("theme", preferences.theme().name());
        if (preferences.firstRunCardDismissed()) {
            p.setProperty(FIRST_RUN_CARD_DISMISSED, "true");
        }
        preferences.window().ifPresent(w -> {
            p.setProperty("window.x", Double.toString(w.x()));
            p.setProperty("window.y", Double.toString(w.y()));
            p.setProperty("window.width", Double.toString(w.width()));
            p.setProperty("window.height", Double.toString(w.height()));
            p.setProperty("window.maximized", Boolean.toString(w.maximized()));
        });
        StringWriter text = new StringWriter();
        p.store(text, "Proofdesk desktop preferences");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
