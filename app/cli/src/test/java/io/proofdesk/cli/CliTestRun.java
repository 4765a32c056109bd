package io.proofdesk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed. */
record CliTestRun(int exitCode, String out, String err) {

    static CliTestRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProofdeskCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliTestRun(code, out.toString(), err.toString());
    }
}
