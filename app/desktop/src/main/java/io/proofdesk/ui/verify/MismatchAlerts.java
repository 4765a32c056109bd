package io.proofdesk.ui.verify;

/** Tells the user, wherever they are in the app, that a batch found mismatches. Called on the FX thread. */
@FunctionalInterface
public interface MismatchAlerts {

    void mismatchesFound(BatchRun run);
}
