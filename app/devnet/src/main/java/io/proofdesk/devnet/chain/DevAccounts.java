package io.proofdesk.devnet.chain;

import org.web3j.crypto.Credentials;

/**
 * anvil's deterministic dev accounts (derived from the public "test test ... junk" mnemonic). They hold
 * test ether on a local chain only; they are published keys, never secrets.
 */
public final class DevAccounts {
    private static final String KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private DevAccounts() {
    }

    /** Account #0: deploys the contracts and is their admin, operator and relayer. */
    public static Credentials deployer() {
        return Credentials.create(KEY_0);
    }

    /** Account #1: a second party, e.g. for access-control tests. */
    public static Credentials other() {
        return Credentials.create(KEY_1);
    }
}
