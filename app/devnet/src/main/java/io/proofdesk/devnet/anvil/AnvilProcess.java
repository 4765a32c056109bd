package io.proofdesk.devnet.anvil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A running anvil on 127.0.0.1, stopped by {@link #close()}, by a JVM shutdown hook, or - if the JVM
 * dies without running hooks (SIGKILL, crash) - by its wrapper.
 *
 * <p>Why a wrapper: the JDK cannot ask Linux to signal a child when its parent dies (no PDEATHSIG),
 * so anvil runs under a small {@code sh} script that holds the read end of the JVM's stdin pipe.
 * Every way the JVM ends closes that pipe; the script sees EOF and sends anvil SIGTERM. {@link #close()}
 * uses the same path (it closes the pipe), so normal and abnormal ends behave alike.
 */
public final class AnvilProcess implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 15;

    // $1.. = anvil and its arguments. fd 3 keeps the JVM's stdin pipe; anvil itself gets neither.
    private static final String WRAPPER = """
            exec 3<&0 0</dev/null
            "$@" 3<&- &
            pid=$!
            echo "$pid" > "$PROOFDESK_ANVIL_PID_FILE"
            trap 'kill -TERM "$pid" 2>/dev/null' TERM INT HUP
            ( cat <&3 >/dev/null; kill -TERM "$pid" 2>/dev/null ) &
            exec 3<&-
            wait "$pid"
            """;

    private final Process wrapper;
    private final ProcessHandle anvil;
    private final int port;
    private final AnvilOptions options;
    private final Thread shutdownHook;
    private boolean closed;

    private AnvilProcess(Process wrapper, ProcessHandle anvil, int port, AnvilOptions options) {
        this.wrapper = wrapper;
        this.anvil = anvil;
        this.port = port;
        this.options = options;
        this.shutdownHook = new Thread(this::stop, "anvil-shutdown-" + port);
    }

    /** Starts anvil on a free loopback port and returns once {@code eth_chainId} answers with the chain id. */
    public static AnvilProcess start(AnvilOptions options) {
        createWorkDir(options);
        AnvilStartException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            try {
                AnvilProcess started = launch(options, port);
                try {
                    Runtime.getRuntime().addShutdownHook(started.shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl+C while anvil was starting: the JVM's hooks run without ours, so stop it here
                    started.stop();
                    throw new CancellationException("anvil was stopped as it started: the JVM is shutting down");
                }
                return started;
            } catch (PortTakenException e) {
                // another process grabbed the port between our probe and anvil's bind: try a new one
                last = e.failure;
            }
        }
        throw last;
    }

    private static AnvilProcess launch(AnvilOptions options, int port) {
        Path log = options.logFile();
        Path pidFile = options.workDir().resolve("anvil.pid");
        List<String> command = new ArrayList<>(List.of("sh", "-c", WRAPPER, "proofdesk-anvil"));
        command.addAll(anvilArguments(options, port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("PROOFDESK_ANVIL_PID_FILE", pidFile.toString());
        Process wrapper;
        try {
            Files.deleteIfExists(pidFile);
            wrapper = builder.start();
        } catch (IOException e) {
            throw new AnvilStartException("cannot run " + options.binary() + ": " + e.getMessage(), port, log, e);
        }
        try {
            ProcessHandle anvil = awaitReady(wrapper, pidFile, options, port);
            return new AnvilProcess(wrapper, anvil, port, options);
        } catch (RuntimeException | Error e) { // Error: e.g. web3j failing to load while the JVM exits
            wrapper.destroyForcibly();
            closeQuietly(wrapper);
            throw e;
        }
    }

    private static List<String> anvilArguments(AnvilOptions options, int port) {
        List<String> args = new ArrayList<>(List.of(options.binary().toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(options.chainId())));
        options.blockTime().ifPresent(t -> args.addAll(List.of("--block-time", Long.toString(t.toSeconds()))));
        if (options.persistState()) {
            args.addAll(List.of("--state", options.stateFile().toString()));
        }
        return args;
    }

    private static ProcessHandle awaitReady(Process wrapper, Path pidFile, AnvilOptions options, int port) {
        Path log = options.logFile();
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        Web3j probe = Web3j.build(new HttpService("http://127.0.0.1:" + port));
        try {
            while (true) {
                if (!wrapper.isAlive()) {
                    String tail = logTail(log);
                    AnvilStartException failure = new AnvilStartException(
                            "it exited with code " + wrapper.exitValue() + "; last log lines:\n" + tail, port, log, null);
                    if (tail.contains("Address already in use")) {
                        throw new PortTakenException(failure);
                    }
                    throw failure;
                }
                Long chainId = chainIdOrNull(probe);
                if (chainId != null) {
                    if (chainId != options.chainId()) {
                        throw new AnvilStartException("it answered with chain id " + chainId + ", expected "
                                + options.chainId() + " (is another node on this port?)", port, log, null);
                    }
                    return anvilHandle(pidFile, port, log);
                }
                if (System.nanoTime() > deadline) {
                    throw new AnvilStartException("eth_chainId did not answer within " + options.startTimeout()
                            + "; last log lines:\n" + logTail(log), port, log, null);
                }
                sleep(50);
            }
        } finally {
            probe.shutdown();
        }
    }

    private static Long chainIdOrNull(Web3j probe) {
        try {
            return probe.ethChainId().send().getChainId().longValueExact();
        } catch (IOException | RuntimeException notYet) {
            return null; // connection refused until anvil has bound its port
        }
    }

    private static ProcessHandle anvilHandle(Path pidFile, int port, Path log) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).orElseThrow(
                    () -> new AnvilStartException("its process " + pid + " is already gone", port, log, null));
        } catch (IOException | NumberFormatException e) {
            throw new AnvilStartException("cannot read its pid from " + pidFile + ": " + e.getMessage(), port, log, e);
        }
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long chainId() {
        return options.chainId();
    }

    /** The anvil process itself (not its wrapper). */
    public long pid() {
        return anvil.pid();
    }

    public Path logFile() {
        return options.logFile();
    }

    public boolean isAlive() {
        return anvil.isAlive();
    }

    /** Stops anvil (SIGTERM, then SIGKILL after 10 s) and waits for it to be gone. Idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrRemoved) {
            // nothing to undo
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(wrapper); // the wrapper's watcher sees EOF and sends anvil SIGTERM
        try {
            anvil.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStoppedInTime) {
            anvil.destroyForcibly();
        }
        try {
            if (!wrapper.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                wrapper.destroyForcibly();
            }
        } catch (InterruptedException e) {
            wrapper.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is gone already, which is all we wanted
        }
    }

    private static void createWorkDir(AnvilOptions options) {
        try {
            Files.createDirectories(options.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create anvil work dir " + options.workDir(), e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for anvil", e);
        }
    }

    /** Internal signal: the port was taken, retry with another one. */
    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient AnvilStartException failure;

        PortTakenException(AnvilStartException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
