package io.proofdesk.cli;

/** The CLI's exit codes, the same for every command (DESIGN.md section 5). */
public final class ExitCode {
    public static final int VERIFIED = 0;
    public static final int MISMATCH = 1;
    public static final int UNVERIFIED = 2;
    public static final int BAD_INPUT = 3;
    public static final int ERROR = 4;

    private ExitCode() {
    }
}
