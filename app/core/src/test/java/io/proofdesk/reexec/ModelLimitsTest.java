package io.proofdesk.reexec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLimitsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("limits.properties overrides the defaults it names; no file gives the defaults")
    void readsTheDataFoldersSettings() throws Exception {
        assertEquals(ModelLimits.DEFAULT, ModelLimits.fromDataFolder(dir));
        assertEquals(ModelLimits.DEFAULT, ModelLimits.fromDataFolder(dir.resolve("missing")));
        Files.writeString(dir.resolve(ModelLimits.FILE_NAME), "# mine\nreexec.maxTensorMiB = 64\nreexec.maxRunSeconds=5\n");
        ModelLimits limits = ModelLimits.fromDataFolder(dir);
        assertEquals(64L << 20, limits.maxTensorBytes());
        assertEquals(Duration.ofSeconds(5), limits.maxRunTime());
        assertEquals(ModelLimits.DEFAULT.maxRunMemoryBytes(), limits.maxRunMemoryBytes());
    }

    @Test
    @DisplayName("an unknown key, or a value that is not a positive whole number, is refused naming file, key and value")
    void refusesWhatItCannotUse() throws Exception {
        Path file = dir.resolve(ModelLimits.FILE_NAME);
        Files.writeString(file, "reexec.maxTensorMib=64\n");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ModelLimits.fromDataFolder(dir));
        assertTrue(unknown.getMessage().contains("unknown setting 'reexec.maxTensorMib'"), unknown.getMessage());
        for (String bad : new String[] {"0", "-1", "1.5", "lots", "9223372036854775807"}) {
            Files.writeString(file, "reexec.maxRunMiB=" + bad + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelLimits.fromDataFolder(dir));
            assertTrue(e.getMessage().startsWith(file + ": reexec.maxRunMiB must be"), e.getMessage());
        }
    }

    @Test
    @DisplayName("sizes read as people write them")
    void bytesText() {
        assertEquals("256 MiB", ModelLimits.bytesText(256L << 20));
        assertEquals("3.7 GiB", ModelLimits.bytesText(4e9));
        assertEquals("1.5 MiB", ModelLimits.bytesText(1.5 * (1 << 20)));
        assertEquals("512 bytes", ModelLimits.bytesText(512));
    }
}
