package io.proofdesk.devnet.anvil;

import java.nio.file.Path;

/** Runs in a child JVM for AnvilProcessTest: starts anvil, reports its pid, then waits to be killed. */
public final class AnvilHost {
    private AnvilHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        AnvilProcess anvil = AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), Path.of(args[0])));
        System.out.println("ANVIL_PID " + anvil.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
