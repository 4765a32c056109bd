package io.proofdesk.ui.network;

/** Where the configured network stands; the Network view shows its empty state unless READY. */
public enum NetworkPhase {
    /** Nothing chosen yet (the app has not started its network). */
    NOT_CONFIGURED,
    /** The demo network is starting, or the store is being switched. */
    STARTING,
    /** Endpoints are known and probed. */
    READY,
    /** Starting failed; {@code NetworkService.problemProperty()} says why. */
    FAILED,
    /** The demo start was cancelled. */
    STOPPED
}
