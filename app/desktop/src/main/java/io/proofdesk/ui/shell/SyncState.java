package io.proofdesk.ui.shell;

/** The log sync as the status bar shows it. */
public enum SyncState {
    IDLE("status.sync.idle"),
    SYNCING("status.sync.syncing"),
    UP_TO_DATE("status.sync.upToDate"),
    FAILED("status.sync.failed");

    private final String textKey;

    SyncState(String textKey) {
        this.textKey = textKey;
    }

    public String textKey() {
        return textKey;
    }
}
