package io.proofdesk.cli;

import io.proofdesk.network.UnsupportedNetworkException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Turns any failure of a command into one sentence on stderr and an exit code — never a stack trace, unless the
 * user asks for one with {@code PROOFDESK_DEBUG=1}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println("proofdesk " + cmd.getCommandName() + ": " + sentence(ex));
        if (System.getenv("PROOFDESK_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(ex);
    }

    static int exitCodeOf(Throwable ex) {
        return switch (ex) {
            case UserInputException e -> ExitCode.BAD_INPUT;
            case UnsupportedNetworkException e -> ExitCode.UNVERIFIED;
            case io.proofdesk.store.StoreCorruptException e -> ExitCode.BAD_INPUT;
            case IllegalArgumentException e -> ExitCode.BAD_INPUT;
            case NoSuchFileException e -> ExitCode.BAD_INPUT;
            case UncheckedIOException e when e.getCause() instanceof NoSuchFileException -> ExitCode.BAD_INPUT;
            default -> ExitCode.ERROR;
        };
    }

    static String sentence(Throwable ex) {
        if (ex instanceof NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile();
        }
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return m;
    }
}
