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
 * Writes one chunk in one store transaction: the records with their notes, TEE events, PCR approvals and revocations,
 * logs of unknown event versions, TEE rows, raw blobs, block hashes (the last ones kept) and the checkpoint of every
 * contract address, with the endpoints' latest latency and error. A crash at any moment loses nothing and a resumed
 * sync duplicates nothing.
 */
final class ChunkWriter {

    private final Store store;
    private final SyncConfig config;
    private final List<String> addresses;
    private final SyncBlobReader blobs;
    private final Clock clock;

    ChunkWriter(Store store, SyncConfig config, List<String> addresses, SyncBlobReader blobs, Clock clock) {
        this.store = store;
        this.config = config;
        this.addresses = addresses;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Writes a chunk and the checkpoint of every contract address in one store transaction; the records stored. */
    int write(ChunkData data, List<RpcEndpoint> endpoints) {
        var now = clock.instant();
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
            recordEndpoints(tx, endpoints, now);
            return stored;
        });
    }

    private void recordEndpoints(Transaction tx, List<RpcEndpoint> endpoints, Instant now) {
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
