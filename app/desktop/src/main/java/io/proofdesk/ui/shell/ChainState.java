package io.proofdesk.ui.shell;

/** The chain connection as the status bar shows it; the string key names the word shown beside the dot. */
public enum ChainState {
    NOT_CONNECTED("status.chain.notConnected", "chain-not-connected"),
    CONNECTING("status.chain.connecting", "chain-connecting"),
    CONNECTED("status.chain.connected", "chain-connected"),
    /** Connected to the embedded demo network on this machine. */
    DEMO("status.chain.demo", "chain-connected"),
    FAILED("status.chain.failed", "chain-failed");

    private final String textKey;
    private final String styleClass;

    ChainState(String textKey, String styleClass) {
        this.textKey = textKey;
        this.styleClass = styleClass;
    }

    public String textKey() {
        return textKey;
    }

    public String styleClass() {
        return styleClass;
    }
}
