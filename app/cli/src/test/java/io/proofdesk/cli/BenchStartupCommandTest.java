package io.proofdesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchStartupCommandTest {

    @Test
    void resultLineHasMedianMinAndTheRatioToTheGoal() {
        assertEquals("RESULT startup ratio=0.500 median_ms=1250 min_ms=900 runs=3",
                BenchStartupCommand.result(List.of(1400L, 900L, 1250L)).line());
        assertEquals("RESULT startup ratio=1.20 median_ms=3000 min_ms=2000 runs=4",
                BenchStartupCommand.result(List.of(4000L, 2000L, 2800L, 3200L)).line());
    }

    @Test
    void readsTheSmokeLineAmongOtherOutput() {
        assertEquals(1834, BenchStartupCommand.shownMillis("Prism: sw\nSMOKE window_shown_ms=1834\nbye\n", Path.of("x")));
        BenchStartupCommand.StartupBenchException none = assertThrows(BenchStartupCommand.StartupBenchException.class,
                () -> BenchStartupCommand.shownMillis("Exception in thread main\n", Path.of("/opt/p")));
        assertTrue(none.getMessage().contains("/opt/p printed no 'SMOKE window_shown_ms=' line"), none.getMessage());
        assertTrue(none.getMessage().contains("Exception in thread main"), none.getMessage());
        assertThrows(BenchStartupCommand.StartupBenchException.class,
                () -> BenchStartupCommand.shownMillis("SMOKE window_shown_ms=-1\n", Path.of("x")));
    }

    @Test
    void findsTheLauncherBesideTheCliInAnAppImage(@TempDir Path image) throws IOException {
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path desktop = Files.createFile(bin.resolve("Proofdesk"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertEquals(desktop, BenchStartupCommand.launcher(Optional.empty(), bin.resolve("proofdesk").toString(), null));
        UserInputException missing = assertThrows(UserInputException.class,
                () -> BenchStartupCommand.launcher(Optional.empty(), null, image.toString()));
        assertTrue(missing.getMessage().contains("packaging/target/image/Proofdesk/bin/Proofdesk"), missing.getMessage());
        assertThrows(UserInputException.class, () -> BenchStartupCommand.launcher(Optional.empty(), null, null));
    }
}
