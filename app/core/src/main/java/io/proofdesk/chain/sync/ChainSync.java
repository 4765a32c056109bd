package io.proofdesk.chain.sync;

import io.proofdesk.chain.AdaptiveChunker;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.EndpointKind;
import io.proofdesk.domain.Tee;
import io.proofdesk.node.HubClient;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.store.Store;
import org.web3j.protocol.core.methods.response.Log;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Syncs the chain's registry, settlement and inference events (and the hub's models) into the store.
 *
 * <p>Flow: check every endpoint's chain id against the configuration and the store; copy the hub; then, from the
 * stored checkpoint to the head, read {@code eth_getLogs} in adaptive block chunks, decode them, fetch what the records
 * point to, and write each chunk with its checkpoint in one store transaction — a crash at any moment loses nothing
 * and a resumed sync duplicates nothing. Before each chunk the stored hash of the last synced block is compared with
 * the chain; on a mismatch the sync finds the common ancestor among the kept block hashes, rolls the store back to it
 * and reads again. With {@code follow} it then polls the head until cancelled. With two or more endpoints the head
 * block hashes are cross-checked (a disagreement is a warning) and an endpoint that times out or is unreachable is
 * replaced by the next one; an endpoint that answers wrongly stops the sync with the {@link SyncException} naming it.
 */
public final class ChainSync {

    private static final int MAX_CHAIN_CHANGES = 5;

    private final Store store;
    private final SyncConfig config;
    private final SyncListener listener;
    private final Clock clock;

    public ChainSync(Store store, SyncConfig config, SyncListener listener) {
        this(store, config, listener, Clock.systemUTC());
    }

    ChainSync(Store store, SyncConfig config, SyncListener listener, Clock clock) {
        this.store = store;
        this.config = config;
        this.listener = listener;
        this.clock = clock;
    }

    /** Syncs to the head (and with {@code follow}, keeps following) until done, cancelled or failed. */
    public SyncSummary run(SyncControl control) {
        long started = System.nanoTime();
        SyncLimits limits = config.limits();
        List<RpcEndpoint> endpoints = new ArrayList<>();
        config.rpcUrls().forEach(u -> endpoints.add(RpcEndpoint.open(u, limits)));
        List<ExplorerLogSource> explorers = new ArrayList<>();
        config.explorers().forEach(u -> explorers.add(ExplorerLogSource.open(u, limits)));
        try (SyncBlobReader blobs = SyncBlobReader.open(config.blobStoreUrl(), limits)) {
            ChainIdentityCheck identityCheck = new ChainIdentityCheck(store, config, listener, clock);
            identityCheck.registerEndpoints();
            ChainIdentityCheck.Identity identity = identityCheck.check(endpoints);
            long chainId = identity.chainId();
            HubClient hub = config.hubUrl() == null && config.fileStoreUrl() == null ? null
                    : HubClient.open(config.hubUrl(), config.fileStoreUrl(), limits.maxHubBytes(), limits.maxModelBytes(),
                            limits.rpcTimeout(), limits.modelTimeout());
            ModelLimits modelLimits = ModelLimits.DEFAULT.withMaxFileBytes(limits.maxModelBytes());
            int models = 0;
            if (config.hubUrl() != null) {
                models = new HubSync(hub, config.hubUrl(), modelLimits).sync(store, listener::warning).models();
            }
            ModelCatalog catalog = new ModelCatalog(config.fileStoreUrl() == null ? null : hub, modelLimits);
            store.read(tx -> {
                catalog.load(tx);
                return null;
            });
            Run run;
            try (ChunkReader reader = new ChunkReader(config.contracts(), blobs, catalog, store, config.nodeApi())) {
                ChunkProver prover = new ChunkProver(config.headerFormat(), config.checkpoints(),
                        new io.proofdesk.chain.proof.Checkpoint(0, identity.genesisHash()), identity.genesisFirstSeen(),
                        config.contracts().all(), reader.topics(),
                        n -> store.read(tx -> tx.blockHashes().find(n)), listener::warning);
                run = new Run(endpoints, reader, control, blobs, prover, explorers);
                run.syncLoop();
            }
            SyncSummary summary = new SyncSummary(chainId, run.startBlock, run.next - 1,
                    Math.max(0, run.next - run.startBlock), run.logs, run.records, run.blobsFetched, run.blobsFailed,
                    run.notes, run.reorgs, models, Duration.ofNanos(System.nanoTime() - started), run.unknownEvents,
                    run.unusedLogs);
            summary.warnings().forEach(listener::warning); // a run that kept nothing from what it saw must say so
            return summary;
        } finally {
            endpoints.forEach(RpcEndpoint::close);
            explorers.forEach(ExplorerLogSource::close);
        }
    }

    /** One run's state: the endpoint in use, the chunker and the counters. */
    private final class Run {
        private final List<RpcEndpoint> endpoints;
        private final ChunkReader reader;
        private final SyncControl control;
        private final SyncBlobReader blobs;
        private final AdaptiveChunker chunker;
        private final List<String> addresses = config.contracts().all();
        /** Chunk k+1 read while chunk k is written; the chunker is only touched by the reading side. */
        private final ChunkReadAhead ahead = new ChunkReadAhead();
        private long span;
        private int current;
        private int failuresInARow;
        private long startBlock;
        private long next;
        private long head;
        private long chunks;
        private long logs;
        private long records;
        private long blobsFetched;
        private long blobsFailed;
        private long notes;
        private long unknownEvents;
        private long unusedLogs;
        private long reorgs;

        private final ChunkProver prover;
        private final RangeQuorum quorum;
        private final ChunkWriter writer = new ChunkWriter(store, config, clock);

        Run(List<RpcEndpoint> endpoints, ChunkReader reader, SyncControl control, SyncBlobReader blobs,
            ChunkProver prover, List<ExplorerLogSource> explorers) {
            this.prover = prover;
            this.quorum = new RangeQuorum(prover.format(), config.effectiveQuorum(), explorers, listener::warning);
            this.endpoints = endpoints;
            this.reader = reader;
            this.control = control;
            this.blobs = blobs;
            SyncLimits l = config.limits();
            this.chunker = new AdaptiveChunker(l.initialSpan(), l.minSpan(), l.maxSpan(), l.targetLogs());
            this.span = chunker.span();
            this.next = store.read(tx -> {
                long from = Long.MAX_VALUE;
                for (String a : addresses) {
                    from = Math.min(from, tx.checkpoints().find(a).map(c -> c.lastBlock() + 1).orElse(config.fromBlock()));
                }
                return from;
            });
            this.startBlock = next;
        }

        RpcEndpoint rpc() {
            return endpoints.get(current);
        }

        void syncLoop() {
            try {
                loop();
            } finally {
                ahead.close(); // stopping (done, cancelled or failed): the chunk read ahead is not stored
            }
        }

        private void loop() {
            int changes = 0;
            boolean started = false;
            while (true) {
                checkCancelled();
                try {
                    head = rpc().headNumber();
                    crossCheckHeads();
                    if (!started) {
                        started = true;
                        listener.started(progress());
                    }
                    while (next <= head) {
                        checkCancelled();
                        try {
                            ChunkRead read = takeReadAhead();
                            if (read == null) {
                                next = checkReorg(next);
                                if (next > head) {
                                    break;
                                }
                                read = readChunk(rpc(), next, head, null);
                            }
                            if (read.range().to() < head) {
                                startReadAhead(read);
                            }
                            store(read);
                            changes = 0;
                        } catch (ChainChangedException e) {
                            dropReadAhead();
                            if (++changes >= MAX_CHAIN_CHANGES) {
                                throw new RpcAnswerMalformedException(rpc().url(), "the chain changed under "
                                        + MAX_CHAIN_CHANGES + " reads of the same range in a row (" + e.getMessage() + ")");
                            }
                            listener.warning(rpc().url() + ": " + e.getMessage() + "; reading the range again");
                        }
                        failuresInARow = 0;
                    }
                } catch (RpcTimeoutException | RpcUnreachableException e) {
                    dropReadAhead();
                    failover(e);
                    continue;
                } catch (ChainProofFailedException e) {
                    dropReadAhead();
                    dropLiar(e);
                    continue;
                }
                listener.progress(progress());
                if (!config.follow()) {
                    return;
                }
                sleep(config.pollMillis());
            }
        }

        /**
         * Reads the chunk starting at {@code from}: its logs (shrinking the range while the endpoint refuses it) and
         * everything its records need. With {@code link} (the previous chunk's last block, read but maybe not yet
         * stored) it first checks that block is still on the chain, as {@link #checkReorg} does for a stored one, and
         * answers null if not, so the reorg is handled once that chunk is stored.
         */
        private ChunkRead readChunk(RpcEndpoint rpc, long from, long head, BlockRef link) throws ChainChangedException {
            if (link != null && !rpc.header(link.number()).hash().equals(link.hash())) {
                return null;
            }
            BlockRange range = chunker.next(from, head);
            List<Log> found;
            while (true) {
                try {
                    found = rpc.logs(range, addresses, reader.topics());
                    break;
                } catch (RangeRefusedException refused) {
                    if (!chunker.refused()) {
                        throw refused.asFailure();
                    }
                    range = chunker.next(from, head);
                }
            }
            List<Long> blocks = found.stream().map(l -> l.getBlockNumber().longValueExact()).sorted().toList();
            BlockRange fitted = chunker.fit(range, blocks);
            if (!fitted.equals(range)) {
                found = found.stream().filter(l -> fitted.contains(l.getBlockNumber().longValueExact())).toList();
                range = fitted;
            }
            // the served logs' blobs download while the chunk is proved; a chunk that fails its proof stores nothing
            ChunkReader.Prefetch prefetch = reader.prefetch(rpc, found);
            ChunkReader.Started data = null;
            try {
                ChunkProver.Proved proved = quorum.check(rpc, endpoints, range, addresses, reader.topics(), found,
                        prover.prove(rpc, range, found, prefetch::blocksRead));
                data = reader.start(rpc, range, prefetch, proved);
            } finally {
                if (data == null) {
                    prefetch.cancel();
                }
            }
            chunker.succeeded(range, found.size());
            return new ChunkRead(range, data, chunker.span());
        }

        private void startReadAhead(ChunkRead previous) {
            RpcEndpoint rpc = rpc();
            long from = previous.range().to() + 1;
            long until = head;
            BlockRef link = previous.data().end();
            ahead.start(() -> readChunk(rpc, from, until, link));
        }

        /** The chunk read ahead, or null when none was started or its link to the stored chain broke. */
        private ChunkRead takeReadAhead() throws ChainChangedException {
            return ahead.take(next, () -> new SyncCancelledException(rpc().url(), "sync cancelled at block "
                    + (next - 1)));
        }

        private void dropReadAhead() {
            ahead.drop();
        }

        private void store(ChunkRead read) {
            ChunkData data = read.data().finish();
            int stored = writer.write(data, endpoints, blobs);
            span = read.span();
            next = read.range().to() + 1;
            chunks++;
            logs += data.logs();
            records += stored;
            blobsFetched += data.blobs().size();
            blobsFailed += data.blobsFailed();
            notes += data.notes().size();
            unknownEvents += data.unknownEvents().size();
            unusedLogs += data.unusedLogs();
            SyncProgress p = progress();
            listener.chunkStored(p);
            listener.progress(p);
        }

        /**
         * Compares the stored hash of the last synced block with the chain's; on a mismatch rolls the store back to
         * the common ancestor and returns the block to continue from.
         */
        private long checkReorg(long from) {
            long last = from - 1;
            if (last < 0) {
                return from;
            }
            Optional<BlockRef> stored = store.read(tx -> tx.blockHashes().find(last));
            if (stored.isEmpty()) {
                return from;
            }
            RpcEndpoint rpc = rpc();
            if (last <= head && rpc.header(last).hash().equals(stored.get().hash())) {
                return from;
            }
            List<BlockRef> kept = store.read(tx -> tx.blockHashes().recent(config.keptBlockHashes()));
            List<Long> candidates = kept.stream().map(BlockRef::number).filter(n -> n <= head).toList();
            Map<Long, BlockRef> onChain = rpc.headers(candidates);
            long ancestor = -1;
            for (BlockRef b : kept) {
                BlockRef c = onChain.get(b.number());
                if (c != null && c.hash().equals(b.hash())) {
                    ancestor = b.number();
                    break;
                }
            }
            if (ancestor < 0) {
                throw new ReorgTooDeepException(rpc.url(), "block " + last + " changed and none of the " + kept.size()
                        + " block hashes kept (down to block " + kept.getLast().number() + ") is still on the chain");
            }
            long rollbackFrom = ancestor + 1;
            reader.forgetTees();
            List<String> teeIds = store.read(tx -> tx.tees().all().stream().map(Tee::teeId).toList());
            List<Tee> refreshed = reader.readTees(rpc, new java.util.LinkedHashSet<>(teeIds), Math.min(head, ancestor));
            store.inTransaction(tx -> {
                tx.rollbackFromBlock(rollbackFrom);
                refreshed.forEach(tx.tees()::upsert);
            });
            reorgs++;
            listener.warning("reorg: block " + last + " is no longer on the chain; rolled back to block " + ancestor
                    + " and reading again");
            listener.progress(progress());
            if (startBlock > rollbackFrom) {
                startBlock = rollbackFrom;
            }
            return rollbackFrom;
        }

        /** With two or more endpoints: do they agree on the hash of the lower of their heads? */
        private void crossCheckHeads() {
            if (endpoints.size() < 2) {
                return;
            }
            RpcEndpoint primary = rpc();
            for (RpcEndpoint other : endpoints) {
                if (other == primary) {
                    continue;
                }
                try {
                    long common = Math.min(head, other.headNumber());
                    String mine = primary.header(common).hash();
                    String theirs = other.header(common).hash();
                    if (!mine.equals(theirs)) {
                        String message = "endpoints disagree on block " + common + ": " + primary.url() + " has " + mine
                                + ", " + other.url() + " has " + theirs;
                        listener.warning(message);
                        store.inTransaction(tx -> tx.endpoints().recordProbe(EndpointKind.RPC, other.url(), null,
                                message, clock.instant()));
                    }
                } catch (SyncException e) {
                    listener.warning("cross-check skipped: " + e.getMessage());
                }
            }
        }

        private void failover(SyncException e) {
            failuresInARow++;
            if (endpoints.size() < 2 || failuresInARow >= endpoints.size()) {
                throw e;
            }
            current = (current + 1) % endpoints.size();
            listener.warning(e.getMessage() + "; switching to " + rpc().url());
        }

        /**
         * An endpoint whose data failed a proof lied (or serves another chain): it is named and not asked again, and
         * the range is read from the next endpoint; with none left the sync stops with the failure.
         */
        private void dropLiar(ChainProofFailedException e) {
            RpcEndpoint liar = endpoints.stream().filter(x -> x.url().equals(e.endpoint())).findFirst().orElse(null);
            if (liar == null || endpoints.size() < 2 || !e.endpointLied()) {
                throw e;
            }
            int at = endpoints.indexOf(liar);
            endpoints.remove(liar);
            liar.close();
            if (current > at || current >= endpoints.size()) {
                current = current > at ? current - 1 : 0;
            }
            listener.warning(e.getMessage() + "; not using this endpoint again, switching to " + rpc().url());
        }

        private void checkCancelled() {
            if (control.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new SyncCancelledException(rpc().url(), "sync cancelled at block " + (next - 1));
            }
        }

        private void sleep(long millis) {
            long until = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < until) {
                checkCancelled();
                try {
                    Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    checkCancelled();
                }
            }
        }

        SyncProgress progress() {
            return new SyncProgress(startBlock, next - 1, head, chunks, logs, records, blobsFetched, blobsFailed, notes,
                    reorgs, span, rpc().url());
        }
    }
}
