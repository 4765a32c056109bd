package io.proofdesk.ui.network;

/** Where Proofdesk reads from: the embedded demo network on this machine, or endpoints the user typed. */
public enum NetworkMode {
    DEMO,
    CUSTOM
}
