package io.proofdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "proofdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Audit a decentralized AI inference network: sync, verify, re-execute, report.",
        subcommands = {CommandLine.HelpCommand.class, DevnetCommand.class, SyncCommand.class, ModelsCommand.class,
                InferencesCommand.class, VerifyCommand.class, ReexecCommand.class, AttestCommand.class,
                CheckSignatureCommand.class, CheckResponseCommand.class, ReportCommand.class, CheckReportCommand.class,
                BundleCommand.class, VerifyBundleCommand.class, NetworksCommand.class, InferenceCommand.class,
                BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified / match", "1:mismatch found / invalid", "2:unverified / unsupported",
                "3:bad input", "4:error"})
public final class ProofdeskCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ProofdeskCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("proofdesk: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'proofdesk " + ex.getCommandLine().getCommandName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }
}
