package io.proofdesk.ui.startup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeExitTest {

    @Test
    void lineCountsWholeMillisecondsFromProcessStart() {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals("SMOKE window_shown_ms=1234",
                SmokeExit.line(Optional.of(start), start.plusMillis(1234).plusNanos(999_999)));
    }

    @Test
    void unknownProcessStartIsMinusOne() {
        assertEquals("SMOKE window_shown_ms=-1", SmokeExit.line(Optional.empty(), Instant.now()));
    }

    @Test
    void thisProcessHasAStartTime() {
        // bench startup depends on the OS telling us; on Linux it comes from /proc
        assertTrue(ProcessHandle.current().info().startInstant().isPresent());
    }
}
