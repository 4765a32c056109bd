package io.proofdesk.ui;

import io.proofdesk.domain.RecordId;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.shell.OpenTarget;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppArgsTest {

    @Test
    @DisplayName("no arguments, or only blank ones, means the default data folder")
    void blankArgumentsAreIgnored() {
        assertEquals(Optional.empty(), AppArgs.parse(List.of()).dataDir());
        assertEquals(Optional.empty(), AppArgs.parse(List.of("", "  ")).dataDir());
    }

    @Test
    void dataDirInBothSpellings() {
        assertEquals(Optional.of(Path.of("/tmp/a")), AppArgs.parse(List.of("", "--data-dir", "/tmp/a")).dataDir());
        assertEquals(Optional.of(Path.of("/tmp/b")), AppArgs.parse(List.of("--data-dir=/tmp/b", " ")).dataDir());
    }

    @Test
    @DisplayName("--smoke-exit is off unless given, in any position, and combines with --data-dir")
    void smokeExit() {
        assertFalse(AppArgs.parse(List.of("--data-dir", "/tmp/a")).smokeExit());
        assertTrue(AppArgs.parse(List.of("--smoke-exit")).smokeExit());
        AppArgs both = AppArgs.parse(List.of("--data-dir", "/tmp/a", " ", "--smoke-exit"));
        assertTrue(both.smokeExit());
        assertEquals(Optional.of(Path.of("/tmp/a")), both.dataDir());
        assertEquals(Optional.of(Path.of("/tmp/b")), AppArgs.parse(List.of("--smoke-exit", "--data-dir=/tmp/b")).dataDir());
    }

    @Test
    @DisplayName("--open takes a section by name or a record id, in both spellings")
    void openTakesASectionOrARecord() {
        assertEquals(Optional.empty(), AppArgs.parse(List.of("--data-dir", "/tmp/a")).open());
        assertEquals(Optional.of(new OpenTarget.Section(View.VERIFY)), AppArgs.parse(List.of("--open", "verify")).open());
        assertEquals(Optional.of(new OpenTarget.Section(View.INFERENCES)),
                AppArgs.parse(List.of("--data-dir=/tmp/b", "--open=Inferences")).open());
        String id = "0x" + "ab".repeat(32) + ":3";
        AppArgs record = AppArgs.parse(List.of("--open", id, "--data-dir", "/tmp/c"));
        assertEquals(Optional.of(new OpenTarget.RecordDetail(RecordId.parse(id))), record.open());
        assertEquals(id, record.open().orElseThrow().text());
        assertEquals(Optional.of(Path.of("/tmp/c")), record.dataDir());
    }

    @ParameterizedTest(name = "--open {0} is refused with what it accepts")
    @ValueSource(strings = {"", "reprots", "0x12:3", "0x" + "ab"})
    void openRefusesWhatItCannotShow(String target) {
        AppArgs.AppArgsException e = assertThrows(AppArgs.AppArgsException.class,
                () -> AppArgs.parse(List.of("--open", target)));
        assertTrue(e.getMessage().contains("network, models, inferences, verify, reports, settings"), e.getMessage());
        assertTrue(e.getMessage().contains("<txHash>:<logIndex>"), e.getMessage());
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"--data-dir", "--data-dir=", "--verbose", "stray", "--smoke-exit=yes", "--smoke", "--open"})
    void rejectsWhatItCannotUse(String arg) {
        AppArgs.AppArgsException e = assertThrows(AppArgs.AppArgsException.class, () -> AppArgs.parse(List.of(arg)));
        assertTrue(e.getMessage().contains("usage: proofdesk-desktop"), e.getMessage());
    }
}
