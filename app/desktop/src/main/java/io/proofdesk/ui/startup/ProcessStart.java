package io.proofdesk.ui.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When this process started, for the startup timings. {@link ProcessHandle.Info#startInstant()} is not good enough
 * on Linux: it adds the process's start (in clock ticks since boot) to the boot time from {@code /proc/stat}, which
 * is whole seconds, so every duration from it comes out too long by the boot time's lost fraction (up to a second,
 * the same for every run until the next boot). Here the elapsed time is taken between two clocks that both count
 * from boot: the process's start tick in {@code /proc/self/stat} and {@code /proc/uptime}, each to 10 ms.
 */
public final class ProcessStart {

    /** USER_HZ, the unit of the start field in /proc/[pid]/stat; fixed at 100 by the Linux ABI on x86 and arm. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessStart() {
    }

    /** The process's start as an instant on the wall clock, where the OS says; else empty. */
    public static Optional<Instant> instant() {
        Instant now = Instant.now();
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            return Optional.of(now.minus(elapsed(stat, uptime)));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant(); // not Linux: the OS's own figure
        }
    }

    /** How long ago the process started: seconds since boot now, minus its start tick since boot. */
    static Duration elapsed(String procSelfStat, String procUptime) {
        // the command name (field 2) is in parentheses and may hold spaces or ')': fields are counted after the last ')'
        String[] after = procSelfStat.substring(procSelfStat.lastIndexOf(')') + 2).strip().split(" ");
        long startTicks = Long.parseLong(after[19]); // field 22, starttime; 'after' begins at field 3
        double uptimeSeconds = Double.parseDouble(procUptime.strip().split("\\s+")[0]);
        long elapsedMillis = Math.round(uptimeSeconds * 1000) - startTicks * 1000 / TICKS_PER_SECOND;
        if (elapsedMillis < 0) {
            throw new IllegalStateException("process start " + startTicks + " ticks is after uptime " + uptimeSeconds);
        }
        return Duration.ofMillis(elapsedMillis);
    }
}
