package io.proofdesk.ui;

import io.proofdesk.ui.shell.OpenTarget;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The desktop's command line: {@code [--data-dir DIR] [--open SECTION|RECORD_ID] [--smoke-exit]}. Blank arguments
 * (from launch scripts) are ignored. {@code --open} shows a section ({@code inferences}) or a record's detail; when a
 * window already runs on the data folder, that window is asked to show it. {@code --smoke-exit} opens the main
 * window, prints the time it took, and exits 0 (packaging checks).
 */
record AppArgs(Optional<Path> dataDir, Optional<OpenTarget> open, boolean smokeExit) {

    static final String USAGE = "usage: proofdesk-desktop [--data-dir DIR] [--open SECTION|RECORD_ID] [--smoke-exit]";

    /** Exit code for a command line we cannot use (the CLI's "bad input"). */
    static final int EXIT_BAD_INPUT = 3;

    /** For {@code main}: checks the command line before any window opens, and exits with a sentence if it is wrong. */
    static void checkOrExit(String[] args) {
        try {
            parse(List.of(args));
        } catch (AppArgsException e) {
            System.err.println("proofdesk: " + e.getMessage());
            System.exit(EXIT_BAD_INPUT);
        }
    }

    static AppArgs parse(List<String> raw) {
        List<String> args = raw.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        Optional<Path> dataDir = Optional.empty();
        Optional<OpenTarget> open = Optional.empty();
        boolean smokeExit = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals("--smoke-exit")) {
                smokeExit = true;
                continue;
            }
            if (arg.equals("--open") || arg.startsWith("--open=")) {
                String target = arg.equals("--open") ? (i + 1 < args.size() ? args.get(++i) : "")
                        : arg.substring("--open=".length());
                try {
                    open = Optional.of(OpenTarget.parse(target));
                } catch (IllegalArgumentException e) {
                    throw new AppArgsException(e.getMessage() + ". " + USAGE);
                }
                continue;
            }
            if (arg.equals("--data-dir")) {
                if (i + 1 >= args.size()) {
                    throw new AppArgsException("--data-dir needs a folder. " + USAGE);
                }
                value = args.get(++i);
            } else if (arg.startsWith("--data-dir=")) {
                value = arg.substring("--data-dir=".length());
            } else {
                throw new AppArgsException("unknown argument '" + arg + "'. " + USAGE);
            }
            if (value.isBlank()) {
                throw new AppArgsException("--data-dir needs a folder. " + USAGE);
            }
            try {
                dataDir = Optional.of(Path.of(value));
            } catch (InvalidPathException e) {
                throw new AppArgsException("--data-dir '" + value + "' is not a valid folder path: " + e.getReason());
            }
        }
        return new AppArgs(dataDir, open, smokeExit);
    }

    /** A command line the desktop cannot understand; the message says what and how to fix it. */
    static final class AppArgsException extends IllegalArgumentException {
        AppArgsException(String message) {
            super(message);
        }
    }
}
