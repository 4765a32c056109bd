package io.proofdesk.cli;

/** Something the user gave the CLI (a path, a URL, an option value) is wrong; exits with {@link ExitCode#BAD_INPUT}. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
