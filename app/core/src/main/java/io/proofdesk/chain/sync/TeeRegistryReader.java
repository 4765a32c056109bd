package io.proofdesk.chain.sync;

import io.proofdesk.chain.TeeRegistryEvents;
import io.proofdesk.chain.TeeRegistryRecords;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.store.Store;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.proofdesk.chain.sync.ChunkReader.hex;
import static io.proofdesk.chain.sync.ChunkReader.instant;

/**
 * The TEE registry as a sync sees it: its events of a chunk (TEE and PCR events, approvals and revocations) and the
 * registry's current record of each TEE they name ({@code getTEE} at the chunk's last block), kept for the rest of
 * the sync so that records name their TEE's endpoint. Thread-safe where records are built in parallel
 * ({@link #endpointOf}).
 */
final class TeeRegistryReader {

    private final ContractAddresses contracts;
    private final Store store;
    /** teeId -> registry record; filled lazily, kept across chunks. */
    private final Map<String, Tee> cache = new HashMap<>();
    private final Set<String> unknown = new HashSet<>();

    TeeRegistryReader(ContractAddresses contracts, Store store) {
        this.contracts = contracts;
        this.store = store;
    }

    static boolean isRegistryTopic(String topic) {
        return TeeRegistryEvents.isKnown(topic);
    }

    /** Forgets cached TEE records (after a reorg they are read again). */
    synchronized void forget() {
        cache.clear();
        unknown.clear();
    }

    /** The registry's events of a chunk, in log order, and the TEEs whose records they make stale. */
    void readEvents(RpcEndpoint rpc, List<Log> logs, Map<Long, BlockRef> headers, List<TeeEvent> events,
                    List<ChunkData.RegistryOp> ops, Set<String> teesToRead) {
        for (Log l : logs) {
            long block = l.getBlockNumber().longValueExact();
            long index = l.getLogIndex().longValueExact();
            String tx = l.getTransactionHash().toLowerCase(Locale.ROOT);
            Instant time = headers.get(block).timestamp();
            TeeRegistryEvents.Decoded e = decode(rpc, l, "a TEERegistry event",
                    () -> TeeRegistryEvents.decode(l.getTopics(), l.getData()));
            switch (e.kind()) {
                case REGISTERED, ENABLED, DISABLED -> {
                    teesToRead.add(e.teeId());
                    events.add(new TeeEvent(block, index, tx, e.kind(), e.teeId(), null, e.teeType(), null, time));
                }
                case HEARTBEAT -> {
                    teesToRead.add(e.teeId());
                    events.add(new TeeEvent(block, index, tx, e.kind(), e.teeId(), null, null, null,
                            instant(e.timestamp(), time)));
                }
                case PCR_APPROVED -> {
                    boolean typed = e.teeType() != TeeRegistryEvents.ANY_TEE_TYPE;
                    events.add(new TeeEvent(block, index, tx, e.kind(), null, e.pcrHash(), typed ? e.teeType() : null,
                            e.version(), time));
                    ops.add(new ChunkData.RegistryOp.Approve(e.pcrHash(), e.teeType(), e.version(), block));
                }
                case PCR_REVOKED -> {
                    String pcr = e.pcrHash();
                    events.add(new TeeEvent(block, index, tx, e.kind(), null, pcr, e.teeType(), null, time));
                    ops.add(new ChunkData.RegistryOp.Revoke(pcr, block));
                    // a revocation disables the TEEs running that PCR set, without a TEEDisabled log of their own
                    store.read(t -> t.tees().byPcrHash(pcr)).forEach(t -> teesToRead.add(t.teeId()));
                    cachedWithPcr(pcr).forEach(t -> teesToRead.add(t.teeId()));
                }
            }
        }
    }

    private static <T> T decode(RpcEndpoint rpc, Log l, String event, java.util.function.Supplier<T> decoder) {
        return ChunkReader.decodeLog(rpc.url(), l, event, decoder);
    }

    private synchronized List<Tee> cachedWithPcr(String pcr) {
        return cache.values().stream().filter(t -> pcr.equals(t.pcrHash())).toList();
    }

    /** Current registry records (at {@code block}) of these TEEs; unknown ones are left out. */
    List<Tee> readTees(RpcEndpoint rpc, Set<String> ids, long block) {
        List<Tee> out = new ArrayList<>();
        for (String id : ids) {
            Tee t = readTee(rpc, id, block);
            if (t == null) {
                // a TEE the registry no longer knows was removed (TEERemoved, og-evm 758e149): its last entry is kept
                // for its key, no longer enabled
                t = removed(id);
            }
            if (t != null) {
                out.add(t);
                synchronized (this) {
                    cache.put(id, t);
                    unknown.remove(id);
                }
            }
        }
        return out;
    }

    private Tee removed(String id) {
        Tee known;
        synchronized (this) {
            known = cache.get(id);
        }
        if (known == null) {
            known = store.read(tx -> tx.tees().find(id)).orElse(null);
        }
        return known == null || !known.enabled() ? null : new Tee(known.teeId(), known.owner(),
                known.paymentAddress(), known.endpoint(), known.publicKey(), known.tlsCertificate(), known.pcrHash(),
                known.teeType(), false, known.registeredAt(), known.lastHeartbeat());
    }

    /** The PCR hash the registry gave this TEE in this sync, or null when it was not read. */
    synchronized String pcrHashOf(String teeId) {
        Tee t = cache.get(teeId);
        return t == null ? null : t.pcrHash();
    }

    private Tee readTee(RpcEndpoint rpc, String id, long block) {
        if (contracts.registry() == null) {
            return null;
        }
        Optional<TeeRegistryRecords.RegistryTee> found;
        try {
            found = TeeRegistryRecords.read(rpc.web3j(), contracts.registry(), id,
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
        } catch (TeeRegistryRecords.UnknownLayoutException e) {
            throw new RpcAnswerMalformedException(rpc.url(), e.getMessage(), e);
        } catch (Exception e) {
            throw rpc.translate("getTEE(" + id + ")", e);
        }
        if (found.isEmpty()) {
            return null; // the registry does not know this TEE
        }
        TeeRegistryRecords.RegistryTee info = found.get();
        return new Tee(id, info.owner(), info.paymentAddress(), info.endpoint(), Bytes.of(info.publicKey()),
                Bytes.of(info.tlsCertificate()), info.pcrHash(), info.teeType(), info.enabled(),
                instant(info.registeredAt(), null), instant(info.lastHeartbeatAt(), null));
    }

    /** The node URL of a TEE: from this sync's reads, the store, or the registry; null if none knows it. */
    synchronized String endpointOf(RpcEndpoint rpc, String teeId, long block) {
        if (teeId == null) {
            return null;
        }
        Tee t = cache.get(teeId);
        if (t == null && !unknown.contains(teeId)) {
            t = store.read(tx -> tx.tees().find(teeId)).orElseGet(() -> readTee(rpc, teeId, block));
            if (t == null) {
                unknown.add(teeId);
            } else {
                cache.put(teeId, t);
            }
        }
        return t == null ? null : t.endpoint();
    }
}
