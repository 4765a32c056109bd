package io.proofdesk.ui.network;

/**
 * Where Proofdesk reads from: the embedded demo network on this machine, a devnet someone started with
 * {@code proofdesk devnet} (its devnet.json), or a network whose endpoints the user typed.
 */
public enum NetworkMode {
    DEMO,
    DEVNET,
    CUSTOM
}
