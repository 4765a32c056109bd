package io.proofdesk.ui.startup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a cold start spends its time, printed only with {@code -Dproofdesk.startup.trace=true}:
 * {@code STARTUP <mark>_ms=<ms from process start>} per mark (main entered, FX toolkit up, wiring built, main view
 * loaded, window shown). Costs nothing when off; kept to plain JDK calls so that turning it on does not itself load
 * anything heavy (no java.management).
 */
public final class StartupTrace {

    public static final String PROPERTY = "proofdesk.startup.trace";
    static final String PREFIX = "STARTUP ";

    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    private StartupTrace() {
    }

    public static void mark(String name) {
        if (ON) {
            System.err.println(line(name, ProcessStart.instant(), Instant.now()));
        }
    }

    /** Process start as {@link ProcessStart} has it (on Linux to 10 ms); -1 where the OS cannot say. */
    static String line(String name, Optional<Instant> processStart, Instant now) {
        return PREFIX + name + "_ms=" + processStart.map(start -> Duration.between(start, now).toMillis()).orElse(-1L);
    }
}
