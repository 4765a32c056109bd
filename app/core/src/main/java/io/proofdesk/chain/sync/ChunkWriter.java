package io.proofdesk.chain.sync;

import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.EndpointKind;
import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.SyncCheckpoint;
import io.proofdesk.store.BlobDao;
import io.proofdesk.store.Store;
import io.proofdesk.store.Transaction;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one read chunk in ONE store transaction: TEE events, PCR approvals and revocations, TEE rows, raw blobs,
 * records with their notes, logs of unknown event versions, block hashes (the last {@code keptBlockHashes}), the
 * checkpoint of every watched address and what the endpoints did. A crash at any moment loses nothing and a resumed
 * sync duplicates nothing.
 */
final class ChunkWriter {

    private final Store store;
    private final SyncConfig config;
    private final Clock clock;
    private final List<String> addresses;

    ChunkWriter(Store store, SyncConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.addresses = config.contracts().all();
    }

    /** Writes {@code data}; returns how many records were stored (a record already stored is not again). */
    int write(ChunkData data, List<RpcEndpoint> endpoints, SyncBlobReader blobs) {
        Instant now = clock.instant();
        return store.inTransactionGet(tx -> {
            tx.teeEvents().insertAll(data.teeEvents());
            for (ChunkData.RegistryOp op : data.registryOps()) {
                switch (op) {
                    case ChunkData.RegistryOp.Approve a -> tx.pcrApprovals().approve(
                            new PcrApproval(a.pcrHash(), a.teeType(), a.version(), a.block(), null));
                    case ChunkData.RegistryOp.Revoke r -> tx.pcrApprovals().revoke(r.pcrHash(), r.block());
                }
            }
            data.tees().forEach(tx.tees()::upsert);
            Map<String, Bytes> kept = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> b : data.blobs().entrySet()) {
                if (b.getValue().length <= BlobDao.MAX_BLOB_BYTES) {
                    kept.put(b.getKey(), Bytes.of(b.getValue()));
                }
            }
            tx.blobs().putAll(kept, now);
            int stored = tx.saveInferences(data.inferences());
            tx.syncNotes().insertAll(data.notes());
            tx.unknownEvents().insertAll(data.unknownEvents());
            data.blocks().forEach(tx.blockHashes()::put);
            tx.blockHashes().keepLast(config.keptBlockHashes());
            for (String a : addresses) {
                tx.checkpoints().put(new SyncCheckpoint(a, data.range().to(), data.end().hash(), now));
            }
            recordEndpoints(tx, now, endpoints, blobs);
            return stored;
        });
    }

    private void recordEndpoints(Transaction tx, Instant now, List<RpcEndpoint> endpoints, SyncBlobReader blobs) {
        for (RpcEndpoint e : endpoints) {
            if (e.stats().calls() > 0) {
                tx.endpoints().recordProbe(EndpointKind.RPC, e.url(), e.stats().lastLatencyMs(),
                        e.stats().lastError(), now);
            }
        }
        if (blobs.url() != null && blobs.stats().calls() > 0 && config.blobStoreUrl() != null) {
            tx.endpoints().recordProbe(EndpointKind.BLOB_STORE, config.blobStoreUrl(), blobs.stats().lastLatencyMs(),
                    blobs.stats().lastError(), now);
        }
    }
}
