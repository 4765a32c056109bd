package io.proofdesk.network;

import io.proofdesk.store.Transaction;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The network a store was last synced from, kept in the store's meta table next to its chain id and genesis hash:
 * endpoints, contracts and the trust roots as PEM text. Commands that verify, report or bundle a store use it when
 * they are given no endpoints of their own.
 */
public final class SyncedNetworks {

    static final String META_KEY = "synced_network";

    private SyncedNetworks() {
    }

    /** Call in the sync's transaction; the roots must already be PEM text ({@link TrustRootFiles#resolve}). */
    public static void record(Transaction tx, NetworkProfile profile) {
        if (profile.trustRoots().stream().anyMatch(r -> !TrustRootFiles.isPem(r))) {
            throw new IllegalArgumentException("a synced network keeps its trust roots as PEM text, not paths");
        }
        tx.meta().put(META_KEY, NetworkProfileJson.toJson(profile));
    }

    /** Empty for a store that was never synced, or synced by a Proofdesk that did not record its network. */
    public static Optional<NetworkProfile> read(Transaction tx) {
        return tx.meta().get(META_KEY).map(json -> NetworkProfileJson.parse(json.getBytes(StandardCharsets.UTF_8),
                "the network recorded in the store"));
    }
}
