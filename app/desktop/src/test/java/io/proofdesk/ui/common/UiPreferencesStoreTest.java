package io.proofdesk.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UiPreferencesStoreTest {

    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaults() {
        assertEquals(UiPreferences.DEFAULTS, new UiPreferencesStore(dir.resolve("ui.properties")).load());
    }

    @Test
    void roundTripsThemeAndWindow() throws IOException {
        UiPreferencesStore store = new UiPreferencesStore(dir.resolve("ui.properties"));
        UiPreferences saved = new UiPreferences(Theme.DARK,
                Optional.of(new WindowGeometry(40, -20.5, 1111, 777, true)));
        store.save(saved);
        assertEquals(saved, store.load());
        assertEquals(saved, new UiPreferencesStore(dir.resolve("ui.properties")).load());
    }

    @Test
    void remembersThatTheFirstRunCardWasDismissed() throws IOException {
        UiPreferencesStore store = new UiPreferencesStore(dir.resolve("ui.properties"));
        assertEquals(false, store.load().firstRunCardDismissed());
        store.save(UiPreferences.DEFAULTS.withTheme(Theme.DARK).withFirstRunCardDismissed(true));
        UiPreferences read = new UiPreferencesStore(dir.resolve("ui.properties")).load();
        assertEquals(true, read.firstRunCardDismissed());
        assertEquals(Theme.DARK, read.theme());
        assertEquals(true, read.withWindow(new WindowGeometry(0, 0, 900, 600, false)).firstRunCardDismissed(),
                "remembering the window keeps it");
    }

    @Test
    void writesAtomicallyLeavingNoTempFiles() throws IOException {
        UiPreferencesStore store = new UiPreferencesStore(dir.resolve("ui.properties"));
        store.save(UiPreferences.DEFAULTS.withTheme(Theme.DARK));
        store.save(UiPreferences.DEFAULTS);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only ui.properties remains");
        }
        assertTrue(Files.readString(dir.resolve("ui.properties")).contains("theme=LIGHT"));
    }

    @Test
    void damagedValuesFallBackOneByOne() throws IOException {
        Path file = dir.resolve("ui.properties");
        Files.writeString(file, "theme=PURPLE\nwindow.x=10\nwindow.y=10\nwindow.width=5\nwindow.height=600\n");
        assertEquals(UiPreferences.DEFAULTS, new UiPreferencesStore(file).load());

        Files.writeString(file, "theme=dark\nwindow.x=10\nwindow.y=NaN\nwindow.width=900\nwindow.height=600\n");
        assertEquals(new UiPreferences(Theme.DARK, Optional.empty()), new UiPreferencesStore(file).load());

        Files.writeString(file, "theme=DARK\nwindow.x=10\n");
        assertEquals(new UiPreferences(Theme.DARK, Optional.empty()), new UiPreferencesStore(file).load());
    }

    @Test
    void oversizedFileIsIgnored() throws IOException {
        Path file = dir.resolve("ui.properties");
        Files.writeString(file, "theme=DARK\n#" + "x".repeat(UiPreferencesStore.MAX_BYTES));
        assertEquals(UiPreferences.DEFAULTS, new UiPreferencesStore(file).load());
    }

    @Test
    void aFailedSaveNamesTheFile() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "");
        UiPreferencesStore store = new UiPreferencesStore(blocker.resolve("ui.properties"));
        IOException e = assertThrows(IOException.class, () -> store.save(UiPreferences.DEFAULTS));
        assertTrue(e.getMessage().startsWith("could not save display preferences to " + blocker.resolve("ui.properties")),
                e.getMessage());
    }
}
