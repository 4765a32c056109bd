package io.proofdesk.chain.sync;

import io.proofdesk.chain.BlockRange;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.network.HeaderFormat;
import org.web3j.protocol.core.methods.response.Log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * With two or more sources, asks every other endpoint for the same range's logs and for the headers of the blocks
 * that hold them, and every block explorer ({@link ExplorerLogSource}) for the range's logs, and compares them with the
 * primary's: the log set by count and a hash over (block, transaction, log index, data), the headers by hash. Where
 * proofs made the records PROVED, a source that disagrees is named in a warning (the proved data outranks any vote).
 * Where nothing is proved (cosmos-evm chains, or no checkpoint within reach), K of the N sources must agree: then the
 * records are AGREED by those K, else the range is refused naming the source, the range and what differs.
 */
final class RangeQuorum {

    private final HeaderFormat format;
    private final int k;
    private final List<ExplorerLogSource> explorers;
    private final Consumer<String> warnings;

    RangeQuorum(HeaderFormat format, int k, Consumer<String> warnings) {
        this(format, k, List.of(), warnings);
    }

    RangeQuorum(HeaderFormat format, int k, List<ExplorerLogSource> explorers, Consumer<String> warnings) {
        this.format = format;
        this.k = Math.max(1, k);
        this.explorers = List.copyOf(explorers);
        this.warnings = warnings;
    }

    /** The log set's count and hash, as compared between endpoints. */
    record LogSet(int count, String hash) {
        @Override
        public String toString() {
            return count + " logs (hash " + hash.substring(0, 18) + "..)";
        }
    }

    static LogSet logSet(List<Log> logs) {
        List<Log> sorted = new ArrayList<>(logs);
        sorted.sort(Comparator.comparing((Log l) -> l.getBlockNumber()).thenComparing(Log::getLogIndex));
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Log l : sorted) {
                d.update((l.getBlockNumber() + "/" + l.getTransactionHash().toLowerCase(Locale.ROOT) + "/"
                        + l.getLogIndex() + "/" + l.getData().toLowerCase(Locale.ROOT) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            return new LogSet(sorted.size(), "0x" + HexFormat.of().formatHex(d.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    ChunkProver.Proved check(RpcEndpoint primary, List<RpcEndpoint> endpoints, BlockRange range,
                             List<String> addresses, List<String> topics, List<Log> served, ChunkProver.Proved proved) {
        boolean provedAll = format == HeaderFormat.ETHEREUM && proved.fallback().level() == EvidenceLevel.PROVED;
        String where = "blocks " + range.from() + ".." + range.to();
        int sources = endpoints.size() + explorers.size();
        if (sources < 2) {
            if (!provedAll && k > 1) {
                throw new ChainProofFailedException(primary.url(), range.from(), "a quorum of " + k
                        + " sources is required for " + where + " but only this endpoint is left", null, false);
            }
            return proved;
        }
        LogSet mine = logSet(proved.logs());
        TreeSet<Long> blocks = new TreeSet<>();
        proved.logs().forEach(l -> blocks.add(l.getBlockNumber().longValueExact()));
        Map<Long, String> hashes = new java.util.HashMap<>();
        proved.logs().forEach(l -> hashes.put(l.getBlockNumber().longValueExact(),
                l.getBlockHash().toLowerCase(Locale.ROOT)));
        int agreeing = 1;
        String firstDisagreeing = null;
        String firstDifference = null;
        List<Vote> votes = new ArrayList<>();
        for (RpcEndpoint other : endpoints) {
            if (other != primary) {
                votes.add(new Vote(other.url(), other.url(), () -> differs(other, range, addresses, topics, mine, proved.logs(),
                        blocks, hashes)));
            }
        }
        for (ExplorerLogSource explorer : explorers) {
            votes.add(new Vote(explorer.url(), "block explorer " + explorer.url(), () -> differs(explorer.logs(range, addresses,
                    topics), "getLogs", mine, proved.logs())));
        }
        for (Vote vote : votes) {
            String difference;
            try {
                difference = vote.difference().get();
            } catch (RangeRefusedException e) {
                difference = "no answer (" + e.getMessage() + ")";
            } catch (SyncCancelledException e) {
                throw e;
            } catch (SyncException e) {
                difference = "no answer (" + e.problem() + ")";
            }
            if (difference == null) {
                agreeing++;
                continue;
            }
            String message = vote.shownAs() + " disagrees with " + primary.url() + " on " + where + ": " + difference;
            if (firstDisagreeing == null) {
                firstDisagreeing = vote.source();
                firstDifference = message;
            }
            if (provedAll) {
                warnings.accept(message + "; kept the proved data of " + primary.url());
            }
        }
        if (provedAll) {
            return proved;
        }
        if (agreeing < k && firstDisagreeing == null) {
            // every source left agrees, but a source named as a liar earlier was dropped: too few are left
            throw new ChainProofFailedException(primary.url(), range.from(), "a quorum of " + k + " sources is "
                    + "required for " + where + " but only " + sources + " are left", null, false);
        }
        if (agreeing < k) {
            throw new ChainProofFailedException(firstDisagreeing, range.from(), firstDifference + " (only "
                    + agreeing + " of " + sources + " sources agree, the quorum is " + k + ")");
        }
        if (firstDifference != null) {
            warnings.accept(firstDifference);
        }
        Evidence evidence = agreeing >= 2 ? Evidence.agreed(agreeing, endpoints.size(), explorers.size())
                : Evidence.trustedSingleEndpoint();
        return new ChunkProver.Proved(proved.logs(), proved.transactions(), Map.of(), evidence, proved.headers());
    }

    /** One other source's answer for the range, compared: null when it agrees, else what differs. */
    private record Vote(String source, String shownAs, Answer difference) {
    }

    @FunctionalInterface
    private interface Answer {
        String get() throws RangeRefusedException;
    }

    /** What differs between a source's logs and the primary's, or null when nothing does. */
    static String differs(List<Log> theirs, String method, LogSet mine, List<Log> myLogs) {
        LogSet other = logSet(theirs);
        if (other.equals(mine)) {
            return null;
        }
        return method + " gives " + other + " against " + mine + LogSetDifference.of(theirs, myLogs).describe();
    }

    /** What differs between {@code other}'s answer and the primary's, or null when nothing does. */
    private static String differs(RpcEndpoint other, BlockRange range, List<String> addresses, List<String> topics,
                                  LogSet mine, List<Log> myLogs, TreeSet<Long> blocks, Map<Long, String> hashes)
            throws RangeRefusedException {
        String logs = differs(other.logs(range, addresses, topics), "eth_getLogs", mine, myLogs);
        if (logs != null) {
            return logs;
        }
        Map<Long, BlockRef> headers = other.headers(blocks);
        for (long n : blocks) {
            BlockRef h = headers.get(n);
            if (!h.hash().equalsIgnoreCase(hashes.get(n))) {
                return "block " + n + " is " + h.hash() + " there, " + hashes.get(n) + " on the primary";
            }
        }
        return null;
    }
}
