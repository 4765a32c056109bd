package io.proofdesk.ui.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessStartTest {

    private static final String STAT_TAIL = " R 27369 27369 2362 0 -1 4194304 121 0 0 0 0 0 0 0 20 0 1 0 189280 3133440 389";

    @Test
    void elapsedIsUptimeMinusTheStartTick() {
        assertEquals(Duration.ofMillis(1230),
                ProcessStart.elapsed("27436 (java)" + STAT_TAIL, "1894.03 3001.22\n"));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        assertEquals(Duration.ofMillis(70),
                ProcessStart.elapsed("27436 (a) b (c)" + STAT_TAIL, "1892.87 1.00"));
    }

    @Test
    void aStartAfterUptimeIsRefused() {
        assertThrows(IllegalStateException.class, () -> ProcessStart.elapsed("1 (x)" + STAT_TAIL, "10.00 1.00"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theProcessStartedShortlyBeforeTheJvmDid() {
        Instant start = ProcessStart.instant().orElseThrow();
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        // the launcher runs for a moment before the JVM; /proc counts in 10 ms ticks
        assertTrue(!start.isAfter(jvmStart.plusMillis(20)), start + " is after the JVM start " + jvmStart);
        assertTrue(start.isAfter(jvmStart.minusSeconds(30)), start + " is long before the JVM start " + jvmStart);
    }
}
