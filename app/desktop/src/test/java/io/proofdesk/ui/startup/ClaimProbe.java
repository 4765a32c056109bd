package io.proofdesk.ui.startup;

import java.nio.file.Path;

/**
 * A second process for {@link InstanceLockTest}: claims the folder in args[0], prints what it got, and either sends a
 * focus request (when the folder is taken), asking to open args[1] if given, or holds the lock until its stdin
 * closes (when it got it).
 */
public final class ClaimProbe {

    private ClaimProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (InstanceLock.claim(Path.of(args[0]))) {
            case InstanceLock.AlreadyRunning running -> {
                running.requestFocus(args.length > 1 ? args[1] : null);
                System.out.println("ALREADY_RUNNING");
            }
            case InstanceLock.First first -> {
                System.out.println("FIRST");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // hold the lock until the test closes our stdin or kills us
                }
                first.lock().close();
            }
        }
    }
}
