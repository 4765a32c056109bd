package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.proof.ChainProofException;
import io.proofdesk.chain.proof.Checkpoint;
import io.proofdesk.chain.proof.EthHeader;
import io.proofdesk.chain.proof.HeaderChain;
import io.proofdesk.chain.proof.HeaderLink;
import io.proofdesk.chain.proof.HexData;
import io.proofdesk.chain.proof.ProvedBlock;
import io.proofdesk.chain.proof.ReceiptLog;
import io.proofdesk.chain.proof.SignedTransaction;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.network.HeaderFormat;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Proves a chunk's logs before any record is built from them (docs/CHAIN-EVIDENCE.md): on Ethereum-header chains
 * every header of the range is hash-checked and linked by parent hash to a trusted checkpoint; every block that holds
 * a watched log, or whose bloom says one may be there, has its transactions and receipts rebuilt against the header's
 * roots; each served log must be its proved receipt's log, no (transaction, log index) twice, and a proved watched
 * log that eth_getLogs left out is recovered with a warning. The calldata of the records is taken from the proved
 * transactions. On cosmos-evm chains nothing can be proved: the logs pass as given, TRUSTED (or AGREED by a quorum).
 *
 * <p>Any failed proof is a {@link ChainProofFailedException} naming the endpoint and block: the chunk is refused.
 */
final class ChunkProver {

    /** Farther than this from every trusted block, a range is not linked (it would cost this many header reads). */
    static final long MAX_LINK_GAP = 50_000;

    /** A trusted block the link ends at, and where its trust comes from (for the record's detail). */
    private record Root(Checkpoint checkpoint, String origin) {
    }

    /** What the proofs of one chunk gave: the complete logs, the proved calldata, and each block's evidence. */
    record Proved(List<Log> logs, Map<String, SignedTransaction> transactions, Map<Long, Evidence> evidence,
                  Evidence fallback, Map<Long, BlockRef> headers) {

        Evidence of(long block) {
            return evidence.getOrDefault(block, fallback);
        }

        boolean provesCalldata() {
            return transactions != null;
        }
    }

    private final HeaderFormat format;
    private final NavigableMap<Long, Root> trusted = new TreeMap<>();
    private final Set<String> addresses = new HashSet<>();
    private final Set<String> topics = new HashSet<>();
    private final List<byte[]> addressBytes = new ArrayList<>();
    private final List<byte[]> topicBytes = new ArrayList<>();
    private final LongFunction<Optional<BlockRef>> stored;
    private final Consumer<String> warnings;
    /** Chunk ends proved and linked in this run, with the root their link ends at. */
    private final Map<Long, Root> linkedEnds = new ConcurrentHashMap<>();
    private final Map<Long, String> linkedEndHashes = new ConcurrentHashMap<>();

    /**
     * @param checkpoints pinned by the user or the network's settings
     * @param genesis     the store's recorded block 0, or null
     * @param stored      the store's kept hash of a block, if any (a resumed sync links to where it stopped)
     */
    ChunkProver(HeaderFormat format, Collection<Checkpoint> checkpoints, Checkpoint genesis,
                boolean genesisFirstSeenHere, List<String> watchedAddresses, List<String> watchedTopics,
                LongFunction<Optional<BlockRef>> stored, Consumer<String> warnings) {
        this.format = format;
        if (genesis != null) {
            trusted.put(0L, new Root(genesis, genesisFirstSeenHere ? "genesis " + genesis.hash()
                    + ", first seen by this store" : "genesis"));
        }
        for (Checkpoint c : checkpoints) {
            Root before = trusted.get(c.number());
            if (before != null && !before.checkpoint().equals(c)) {
                throw new IllegalArgumentException("two checkpoints for block " + c.number() + ": "
                        + before.checkpoint().hash() + " and " + c.hash());
            }
            trusted.put(c.number(), new Root(c, "pinned"));
        }
        watchedAddresses.forEach(a -> {
            addresses.add(a.toLowerCase(Locale.ROOT));
            addressBytes.add(Numeric.hexStringToByteArray(a));
        });
        watchedTopics.forEach(t -> {
            topics.add(t.toLowerCase(Locale.ROOT));
            topicBytes.add(Numeric.hexStringToByteArray(t));
        });
        this.stored = stored;
        this.warnings = warnings;
    }

    HeaderFormat format() {
        return format;
    }

    /** Proves the logs {@code rpc} gave for {@code range}, or refuses them. */
    Proved prove(RpcEndpoint rpc, BlockRange range, List<Log> served) throws ChainChangedException {
        return prove(rpc, range, served, blocks -> Map.of());
    }

    /**
     * As above; {@code blocksRead} is given the blocks with served logs (full transactions) as soon as they are read,
     * before their receipts are read and anything is proved, so that work on them can start early. What it starts
     * must be dropped unless this returns. It answers the calldata it decoded, by the {@code input} text node it was
     * decoded from (identity), so that the proof does not decode the same hex again.
     */
    Proved prove(RpcEndpoint rpc, BlockRange range, List<Log> served,
                 Function<Map<Long, JsonNode>, Map<JsonNode, byte[]>> blocksRead)
            throws ChainChangedException {
        refuseDuplicates(rpc, served);
        if (format == HeaderFormat.COSMOS_EVM) {
            return new Proved(served, null, Map.of(), Evidence.trustedSingleEndpoint(), null);
        }
        String url = rpc.url();
        // where the link to a trusted block starts: the block below the range, or a checkpoint farther down
        long from = range.from();
        Root anchorRoot = null;
        Checkpoint anchor = null;
        if (from > 0) {
            Root r = linkedEnds.get(from - 1);
            if (r != null) {
                anchor = new Checkpoint(from - 1, linkedEndHashes.get(from - 1));
                anchorRoot = r;
            } else {
                Optional<BlockRef> s = stored.apply(from - 1);
                if (s.isPresent()) {
                    anchor = new Checkpoint(from - 1, s.get().hash());
                    anchorRoot = new Root(anchor, "block " + (from - 1) + ", synced earlier by this store");
                } else {
                    Map.Entry<Long, Root> below = trusted.floorEntry(from - 1);
                    if (below != null && from - 1 - below.getKey() <= MAX_LINK_GAP) {
                        anchor = below.getValue().checkpoint();
                        anchorRoot = below.getValue();
                    }
                }
            }
        }
        long firstHeader = anchor == null ? from : anchor.number();
        Map<Long, List<Log>> byBlock = new TreeMap<>();
        for (Log l : served) {
            byBlock.computeIfAbsent(l.getBlockNumber().longValueExact(), n -> new ArrayList<>()).add(l);
        }
        Set<Long> headerOnly = new TreeSet<>();
        for (long n = firstHeader; n <= range.to(); n++) {
            if (!byBlock.containsKey(n)) {
                headerOnly.add(n);
            }
        }
        Map<Long, JsonNode> full = new HashMap<>(rpc.blockJson(byBlock.keySet(), true));
        Map<JsonNode, byte[]> decoded = blocksRead.apply(Map.copyOf(full));
        Map<Long, JsonNode> bare = rpc.blockJson(headerOnly, false);

        List<Checkpoint> checkpoints = new ArrayList<>();
        Map<Long, Root> roots = new HashMap<>();
        if (anchor != null) {
            checkpoints.add(anchor);
            roots.put(anchor.number(), anchorRoot);
        }
        for (Root r : trusted.subMap(firstHeader, true, range.to(), true).values()) {
            if (!roots.containsKey(r.checkpoint().number())) {
                checkpoints.add(r.checkpoint());
                roots.put(r.checkpoint().number(), r);
            }
        }
        HeaderChain chain;
        try {
            chain = new HeaderChain(checkpoints);
        } catch (ChainProofException e) {
            throw new ChainProofFailedException(url, from, e.getMessage(), e);
        }
        Map<Long, EthHeader> headers = new HashMap<>();
        Set<Long> suspicious = new TreeSet<>();
        for (long n = firstHeader; n <= range.to(); n++) {
            JsonNode json = full.containsKey(n) ? full.get(n) : bare.get(n);
            EthHeader h = header(url, n, json);
            headers.put(n, h);
            try {
                chain.add(h);
            } catch (ChainProofException e) {
                throw new ChainProofFailedException(url, n, "block " + n + " does not link: " + e.getMessage(), e);
            }
            if (n >= from && !byBlock.containsKey(n) && bloomMatches(h)) {
                suspicious.add(n);
            }
        }
        for (Map.Entry<Long, List<Log>> e : byBlock.entrySet()) {
            String hash = headers.get(e.getKey()).hashHex();
            for (Log l : e.getValue()) {
                if (l.getBlockHash() == null || !hash.equalsIgnoreCase(l.getBlockHash())) {
                    throw new ChainChangedException("block " + e.getKey() + " changed while its logs were read");
                }
            }
        }
        Root root = null;
        HeaderLink link = null;
        if (!checkpoints.isEmpty()) {
            try {
                link = chain.linkRange(from, range.to());
                root = roots.get(link.checkpoint().number());
            } catch (ChainProofException e) {
                link = null; // no trusted block within reach: proved, but not linked
            }
        }

        // blocks whose bloom says a watched log may be there although none was served: read them whole too
        if (!suspicious.isEmpty()) {
            full.putAll(rpc.blockJson(suspicious, true));
        }
        Set<Long> proving = new TreeSet<>(byBlock.keySet());
        proving.addAll(suspicious);
        Map<Long, List<String>> txHashes = new HashMap<>();
        for (long n : proving) {
            List<String> hashes = new ArrayList<>();
            full.get(n).path("transactions").forEach(t -> hashes.add(t.isTextual() ? t.asText() : t.path("hash")
                    .asText()));
            txHashes.put(n, hashes);
        }
        Map<Long, List<JsonNode>> receipts = rpc.blockReceipts(proving, txHashes);

        List<Log> logs = new ArrayList<>(served);
        Map<String, SignedTransaction> transactions = new HashMap<>();
        Map<Long, Object> blocks = proveBlocks(proving, full, receipts, decoded);
        for (long n : proving) {
            ProvedBlock block;
            switch (blocks.get(n)) {
                case ProvedBlock b -> block = b;
                case ChainProofException e -> throw new ChainProofFailedException(url, n, "block " + n
                        + " fails its proof: " + e.getMessage(), e);
                case RuntimeException e -> throw e;
                default -> throw new IllegalStateException("block " + n + " was not proved");
            }
            if (!java.util.Arrays.equals(block.header().hash(), headers.get(n).hash())) {
                throw new ChainChangedException("block " + n + " changed while it was read");
            }
            Set<Long> servedIndexes = new HashSet<>();
            for (Log l : byBlock.getOrDefault(n, List.of())) {
                long index = l.getLogIndex().longValueExact();
                servedIndexes.add(index);
                try {
                    block.requireLog(l.getTransactionHash(), index, servedBytes(l.getAddress()),
                            l.getTopics().stream().map(ChunkProver::servedBytes).toList(), servedBytes(l.getData()));
                } catch (ChainProofException e) {
                    throw new ChainProofFailedException(url, n, "eth_getLogs(" + range.from() + ".." + range.to()
                            + ") gave a log its proved block does not have: " + e.getMessage(), e);
                }
                String tx = l.getTransactionHash().toLowerCase(Locale.ROOT);
                transactions.computeIfAbsent(tx, h -> block.requireTransaction(h));
            }
            // every watched log of the proved receipts must have been served: a missing one is recovered
            for (int i = 0; i < block.receipts().size(); i++) {
                List<ReceiptLog> rl = block.receipts().receipt(i).logs();
                for (int j = 0; j < rl.size(); j++) {
                    long index = block.receipts().firstLogIndex(i) + j;
                    if (servedIndexes.contains(index) || !watched(rl.get(j))) {
                        continue;
                    }
                    SignedTransaction tx = block.transactions().transaction(i);
                    Log recovered = recovered(block, n, i, index, tx.hash(), rl.get(j));
                    logs.add(recovered);
                    transactions.putIfAbsent(tx.hash().toLowerCase(Locale.ROOT), tx);
                    warnings.accept(url + ": eth_getLogs(" + range.from() + ".." + range.to() + ") left out log "
                            + index + " of block " + n + " (transaction " + tx.hash() + "), which its proved receipt "
                            + "holds; recovered from the receipt");
                }
            }
        }

        EthHeader end = headers.get(range.to());
        Map<Long, Evidence> evidence = new HashMap<>();
        Evidence fallback;
        if (link != null && root != null) {
            linkedEnds.put(range.to(), root);
            linkedEndHashes.put(range.to(), end.hashHex());
            for (long n : proving) {
                evidence.put(n, Evidence.proved(n, root.checkpoint().number(), root.origin()));
            }
            fallback = Evidence.proved(range.to(), root.checkpoint().number(), root.origin());
        } else {
            for (long n : proving) {
                evidence.put(n, new Evidence(EvidenceLevel.TRUSTED, "receipt proved against block " + n
                        + ", but its header links to no trusted checkpoint within " + MAX_LINK_GAP
                        + " blocks; pin one with --checkpoint"));
            }
            fallback = Evidence.trustedSingleEndpoint();
        }
        Map<Long, BlockRef> refs = new HashMap<>();
        for (long n = from; n <= range.to(); n++) {
            JsonNode json = full.containsKey(n) ? full.get(n) : bare.get(n);
            EthHeader h = headers.get(n);
            refs.put(n, new BlockRef(n, h.hashHex(), h.parentHashHex(), java.time.Instant.ofEpochSecond(
                    Long.decode(json.path("timestamp").asText("0x0")))));
        }
        return new Proved(logs, transactions, evidence, fallback, refs);
    }

    /**
     * Each block's proof (its header hash, its transactions and receipts rebuilt against their roots: hex, RLP and
     * keccak over all of its calldata), the blocks on every core; per block the {@link ProvedBlock} or what it threw,
     * so that the first failure in block order is the one reported, as when proved one after the other.
     */
    private static Map<Long, Object> proveBlocks(Set<Long> proving, Map<Long, JsonNode> full,
                                                 Map<Long, List<JsonNode>> receipts, Map<JsonNode, byte[]> decoded) {
        Map<Long, Object> out = new ConcurrentHashMap<>();
        proving.parallelStream().forEach(n -> {
            try {
                out.put(n, ProvedBlock.prove(full.get(n), receipts.get(n), decoded));
            } catch (RuntimeException e) {
                out.put(n, e);
            }
        });
        return out;
    }

    /**
     * A served log's hex field as bytes: {@link HexData} for well-formed hex (log data is kilobytes per log), else
     * web3j's lenient reading as before; either way the bytes must be the proved receipt's.
     */
    private static byte[] servedBytes(String hex) {
        byte[] b = HexData.decode(hex);
        return b != null ? b : Numeric.hexStringToByteArray(hex);
    }

    private EthHeader header(String url, long n, JsonNode json) {
        try {
            return EthHeader.fromJson(json).requireClaimedHash();
        } catch (ChainProofException e) {
            throw new ChainProofFailedException(url, n, "header of block " + n + " fails its check: "
                    + e.getMessage(), e);
        }
    }

    private boolean bloomMatches(EthHeader h) {
        for (byte[] a : addressBytes) {
            if (topicBytes.isEmpty()) {
                if (h.logsBloom().mayContain(a)) {
                    return true;
                }
            } else {
                for (byte[] t : topicBytes) {
                    if (h.logsBloom().mayContain(a, t)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean watched(ReceiptLog l) {
        if (!addresses.contains(Numeric.toHexString(l.address()).toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (topics.isEmpty()) {
            return true;
        }
        return !l.topicList().isEmpty()
                && topics.contains(Numeric.toHexString(l.topicList().getFirst()).toLowerCase(Locale.ROOT));
    }

    private static Log recovered(ProvedBlock block, long n, int txIndex, long logIndex, String txHash, ReceiptLog l) {
        return new Log(false, Numeric.toHexStringWithPrefix(java.math.BigInteger.valueOf(logIndex)),
                Numeric.toHexStringWithPrefix(java.math.BigInteger.valueOf(txIndex)), txHash.toLowerCase(Locale.ROOT),
                block.header().hashHex(), Numeric.toHexStringWithPrefix(java.math.BigInteger.valueOf(n)),
                Numeric.toHexString(l.address()), Numeric.toHexString(l.data()), null,
                l.topicList().stream().map(Numeric::toHexString).toList());
    }

    /** The same (transaction, log index) served twice is a lie whatever the proofs say. */
    private static void refuseDuplicates(RpcEndpoint rpc, List<Log> served) {
        Set<String> seen = new HashSet<>();
        for (Log l : served) {
            String key = l.getTransactionHash().toLowerCase(Locale.ROOT) + "/" + l.getLogIndex();
            if (!seen.add(key)) {
                throw new ChainProofFailedException(rpc.url(), l.getBlockNumber().longValueExact(), "eth_getLogs "
                        + "served log " + l.getLogIndex() + " of transaction " + l.getTransactionHash()
                        + " (block " + l.getBlockNumber() + ") twice");
            }
        }
    }
}
