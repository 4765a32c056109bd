package io.proofdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "proofdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Audit a decentralized AI inference network: sync, verify, re-execute, report.")
public final class ProofdeskCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProofdeskCli()).execute(args));
    }
}
