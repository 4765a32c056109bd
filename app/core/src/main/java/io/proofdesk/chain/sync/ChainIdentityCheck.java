package io.proofdesk.chain.sync;

import io.proofdesk.domain.Endpoint;
import io.proofdesk.domain.EndpointKind;
import io.proofdesk.network.SyncedNetworks;
import io.proofdesk.store.Store;
import io.proofdesk.store.Transaction;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The first step of a sync: every endpoint must serve the configured chain (and one another's), and the store must
 * hold that chain (same chain id and genesis block) or nothing. An endpoint that cannot be reached is dropped while
 * another remains. Records the endpoints, the chain and the network the sync was given in the store.
 */
final class ChainIdentityCheck {

    static final String META_CHAIN_ID = "chain_id";
    static final String META_GENESIS = "genesis_hash";

    /** The chain the endpoints serve; {@code genesisFirstSeen}: this sync is the first to record the genesis. */
    record Identity(long chainId, String genesisHash, boolean genesisFirstSeen) {
    }

    private final Store store;
    private final SyncConfig config;
    private final SyncListener listener;
    private final Clock clock;

    ChainIdentityCheck(Store store, SyncConfig config, SyncListener listener, Clock clock) {
        this.store = store;
        this.config = config;
        this.listener = listener;
        this.clock = clock;
    }

    /** The endpoints and sources of the configuration, recorded before any is asked. */
    void registerEndpoints() {
        store.inTransaction(tx -> {
            config.rpcUrls().forEach(u -> addEndpoint(tx, EndpointKind.RPC, u));
            addEndpoint(tx, EndpointKind.HUB, config.hubUrl());
            addEndpoint(tx, EndpointKind.FILE_STORE, config.fileStoreUrl());
            addEndpoint(tx, EndpointKind.BLOB_STORE, config.blobStoreUrl());
        });
    }

    private static void addEndpoint(Transaction tx, EndpointKind kind, String url) {
        if (url != null && tx.endpoints().find(kind, url).isEmpty()) {
            tx.endpoints().upsert(Endpoint.of(kind, url));
        }
    }

    /** Checks {@code endpoints} (removing and closing the unreachable ones) and the store against each other. */
    Identity check(List<RpcEndpoint> endpoints) {
        Long chainId = config.expectedChainId();
        SyncException firstFailure = null;
        for (RpcEndpoint e : List.copyOf(endpoints)) {
            long id;
            try {
                id = e.chainId();
            } catch (RpcTimeoutException | RpcUnreachableException ex) {
                firstFailure = firstFailure == null ? ex : firstFailure;
                listener.warning(ex.getMessage() + "; not using this endpoint");
                endpoints.remove(e);
                e.close();
                continue;
            }
            if (chainId != null && id != chainId) {
                throw new WrongChainException(e.url(), "serves chain " + id + ", but chain " + chainId
                        + (config.expectedChainId() != null ? " is configured" : " is served by " + config.rpcUrls().getFirst()));
            }
            chainId = id;
            long finalId = id;
            store.inTransaction(tx -> tx.endpoints().upsert(new Endpoint(EndpointKind.RPC, e.url(), finalId,
                    e.stats().lastLatencyMs(), null, clock.instant())));
        }
        if (endpoints.isEmpty()) {
            throw firstFailure;
        }
        String genesis = endpoints.getFirst().header(0).hash();
        long id = chainId;
        boolean firstSeen = store.inTransactionGet(tx -> {
            Optional<String> storedId = tx.meta().get(META_CHAIN_ID);
            Optional<String> storedGenesis = tx.meta().get(META_GENESIS);
            if (storedId.isPresent() && !storedId.get().equals(Long.toString(id))) {
                throw new StoreChainMismatchException(store.databaseFile().toString(), "the store holds chain "
                        + storedId.get() + ", but the endpoints serve chain " + id
                        + "; use another data directory for this chain");
            }
            if (storedGenesis.isPresent() && !storedGenesis.get().equals(genesis)) {
                throw new StoreChainMismatchException(store.databaseFile().toString(), "the store holds a chain with "
                        + "genesis block " + storedGenesis.get() + ", but the endpoints serve one with genesis " + genesis
                        + " (same chain id " + id + ", a different network or a restarted devnet); use another data "
                        + "directory");
            }
            tx.meta().put(META_CHAIN_ID, Long.toString(id));
            tx.meta().put(META_GENESIS, genesis);
            SyncedNetworks.record(tx, config.recorded(id));
            return storedGenesis.isEmpty();
        });
        return new Identity(id, genesis, firstSeen);
    }
}
