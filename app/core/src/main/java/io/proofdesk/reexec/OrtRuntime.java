package io.proofdesk.reexec;

import ai.onnxruntime.OrtEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The process's one ONNX Runtime environment. Every Proofdesk caller gets it here, never from
 * {@link OrtEnvironment#getEnvironment()} directly (CoreArchitectureTest holds that).
 *
 * <p>Why: creating the environment makes ONNX Runtime (1.29.0, Linux) initialise the Microsoft 1DS telemetry layer
 * it is built with, which runs a libstdc++ {@code std::regex_search} over {@code /proc/self/cmdline}. That regex
 * engine recurses once per character, about 260 bytes of native stack per command-line byte, so on a 1 MB Java
 * thread stack a command line longer than about 4,000 bytes overruns the stack's guard pages: the JVM dies with
 * SIGSEGV (exit 139) before it can write an hs_err file. Launches that put the class path on the command line
 * ({@code mvn ... exec:exec@run}: about 10 KB; IDEs) hit it; the jpackage launcher's command line is just its own
 * path. So the environment is created once on a thread whose stack is sized from the command line's length.
 */
public final class OrtRuntime {

    /** Native stack per command-line byte: four times the measured 260 bytes. */
    static final long STACK_PER_COMMAND_LINE_BYTE = 1024;
    /** Stack for the rest of the environment's creation, and the floor. */
    static final long BASE_STACK = 8L * 1024 * 1024;
    /** Where the command line cannot be read (not Linux, or no /proc): enough for a 64 KB command line. */
    static final long UNKNOWN_COMMAND_LINE_STACK = BASE_STACK + 64L * 1024 * STACK_PER_COMMAND_LINE_BYTE;

    private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");

    private OrtRuntime() {
    }

    /**
     * Creates the environment on first use (on a thread of its own, see the class comment), then returns it.
     *
     * @throws IllegalStateException if ONNX Runtime cannot start here (its native library did not load); every call
     *                               says so again, as {@link OrtEnvironment#getEnvironment()} would
     */
    public static OrtEnvironment environment() {
        return Holder.ENVIRONMENT.get();
    }

    /** The stack the creating thread gets for a command line of this many bytes (empty: unknown). */
    static long stackBytesFor(OptionalLong commandLineBytes) {
        if (commandLineBytes.isEmpty()) {
            return UNKNOWN_COMMAND_LINE_STACK;
        }
        return BASE_STACK + commandLineBytes.getAsLong() * STACK_PER_COMMAND_LINE_BYTE;
    }

    /** Length of this process's command line as the kernel shows it to the process itself; empty where unknown. */
    static OptionalLong commandLineBytes(Path cmdline) {
        // procfs reports size 0, so count what a read returns
        try (InputStream in = Files.newInputStream(cmdline)) {
            long total = 0;
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
            return OptionalLong.of(total);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    private static Supplier<OrtEnvironment> create() {
        try {
            OrtEnvironment environment = createOnLargeStack();
            return () -> environment;
        } catch (RuntimeException | LinkageError e) {
            return () -> {
                throw new IllegalStateException("ONNX Runtime could not start: " + e.getMessage(), e);
            };
        }
    }

    private static OrtEnvironment createOnLargeStack() {
        long stack = stackBytesFor(commandLineBytes(COMMAND_LINE));
        CompletableFuture<OrtEnvironment> created = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                created.complete(OrtEnvironment.getEnvironment());
            } catch (Throwable t) {
                created.completeExceptionally(t);
            }
        }, "onnxruntime-init", stack);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return created.get();
                } catch (InterruptedException e) {
                    // the environment is process-wide and its creation short: finish it, then restore the flag
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lazy, once per process, thread-safe: the JVM initialises a class once. */
    private static final class Holder {
        static final Supplier<OrtEnvironment> ENVIRONMENT = create();
    }
}
