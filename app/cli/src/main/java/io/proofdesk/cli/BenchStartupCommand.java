package io.proofdesk.cli;

import io.proofdesk.bench.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold start of the packaged desktop app: runs {@code Proofdesk --smoke-exit} several times, each with a fresh data
 * folder, and reads the milliseconds from process start to the main window being shown that it prints.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Cold start of the packaged desktop app under the current DISPLAY: runs 'Proofdesk --smoke-exit' "
                + "N times, each with a fresh data folder, and reports process start -> main window shown.",
                "ratio = median / 2500 ms, the goal (lower is better; under 1 meets it)."})
public final class BenchStartupCommand implements Callable<Integer> {

    static final double GOAL_MS = 2500;
    private static final Pattern SMOKE = Pattern.compile("^SMOKE window_shown_ms=(-?\\d+)$", Pattern.MULTILINE);
    private static final int MAX_OUTPUT = 256 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "launches (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--app", paramLabel = "LAUNCHER",
            description = "the desktop launcher (default: the Proofdesk next to this CLI in an installed app, else "
                    + "packaging/target/image/Proofdesk/bin/Proofdesk in the build tree)")
    Path app;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "per launch (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100) {
            throw new UserInputException("--runs must be 1..100, was " + runs);
        }
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new UserInputException("no DISPLAY: run it on a desktop, or under Xvfb: xvfb-run -a proofdesk bench startup");
        }
        Path launcher = launcher(Optional.ofNullable(app), System.getProperty("jpackage.app-path"),
                System.getProperty("proofdesk.root"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("launcher %s, DISPLAY=%s, %d runs%n", launcher, display, runs);
        List<Long> shown = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            long ms = launchOnce(launcher);
            shown.add(ms);
            out.printf("run %d: window shown %d ms after process start%n", i, ms);
            out.flush();
        }
        out.println(result(shown).line());
        return ExitCode.VERIFIED;
    }

    static BenchResult result(List<Long> shownMs) {
        List<Long> sorted = shownMs.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("median_ms", String.valueOf(Math.round(median)));
        values.put("min_ms", String.valueOf(sorted.getFirst()));
        values.put("runs", String.valueOf(n));
        return new BenchResult("startup", median / GOAL_MS, values);
    }

    /** The explicit launcher, else the one beside this CLI in an app image, else the build tree's image. */
    static Path launcher(Optional<Path> explicit, String appPath, String root) {
        Path chosen;
        if (explicit.isPresent()) {
            chosen = explicit.get();
        } else if (appPath != null && !appPath.isBlank()) {
            chosen = Path.of(appPath).resolveSibling("Proofdesk");
        } else if (root != null && !root.isBlank()) {
            chosen = Path.of(root, "packaging", "target", "image", "Proofdesk", "bin", "Proofdesk");
        } else {
            throw new UserInputException("cannot tell where the desktop app is; pass --app /opt/proofdesk/bin/Proofdesk");
        }
        if (!Files.isRegularFile(chosen) || !Files.isExecutable(chosen)) {
            throw new UserInputException("no desktop launcher at " + chosen + " (build it: mvn -B -Ppackage -pl "
                    + "packaging -am package -DskipTests, or pass --app)");
        }
        return chosen;
    }

    /** The {@code SMOKE window_shown_ms=} value in a launch's output. */
    static long shownMillis(String output, Path launcher) {
        Matcher m = SMOKE.matcher(output);
        if (!m.find()) {
            throw new StartupBenchException(launcher, "printed no 'SMOKE window_shown_ms=' line", output);
        }
        long ms = Long.parseLong(m.group(1));
        if (ms < 0) {
            throw new StartupBenchException(launcher, "could not tell its own process start time", output);
        }
        return ms;
    }

    private long launchOnce(Path launcher) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("proofdesk-bench-startup");
        // output to a file, not a pipe: a launch that prints a lot must not block on a full pipe and look slow
        Path log = Files.createTempFile("proofdesk-bench-startup", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--smoke-exit", "--data-dir", data.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // run from the packaged CLI, we inherit the jpackage launcher's _JPACKAGE_LAUNCHER marker; a child
            // launcher that sees it skips its .cfg and hands --smoke-exit to the JVM as an option
            pb.environment().keySet().removeIf(name -> name.startsWith("_JPACKAGE"));
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new StartupBenchException(launcher, "did not exit within " + timeoutSeconds + " s", tail(log));
            }
            if (p.exitValue() != 0) {
                throw new StartupBenchException(launcher, "exited with " + p.exitValue(), tail(log));
            }
            return shownMillis(tail(log), launcher);
        } finally {
            Files.deleteIfExists(log);
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static String tail(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }

    /** A launch of the desktop app that did not end with its window shown; carries the launcher and its output's end. */
    static final class StartupBenchException extends RuntimeException {
        StartupBenchException(Path launcher, String what, String output) {
            super(launcher + " " + what + (output.isBlank() ? "" : "; its output ended: "
                    + output.substring(Math.max(0, output.length() - 600)).strip()));
        }
    }
}
