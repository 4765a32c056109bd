package io.proofdesk.chain.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.node.http.HttpClients;
import io.proofdesk.node.http.ResponseTooLargeException;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured JSON-RPC endpoint, spoken to through web3j over a size-capped okhttp client. Every answer is checked
 * before the sync uses it, and every failure becomes the {@link SyncException} subtype that names this endpoint and
 * what was wrong. Latency and errors are counted in {@link #stats()}.
 */
public final class RpcEndpoint implements AutoCloseable {

    /**
     * Inference transactions carry up to a few hundred kilobytes of calldata each: a chunk's hundreds of them in one
     * batch would pass the answer cap, so they are asked for this many at a time.
     */
    public static final int TRANSACTIONS_PER_BATCH = 16;

    /** Phrases endpoints use when a log query spans too much (geth, erigon, alchemy, infura, anvil...). */
    private static final Pattern RANGE_TOO_LARGE = Pattern.compile(
            "too many results|query returned more than|more than \\d+ results|block range|range too large"
                    + "|exceed|limit|too large|timeout|timed out",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    private final String url;
    private final Web3j web3j;
    private final EndpointStats stats = new EndpointStats();

    RpcEndpoint(String url, OkHttpClient client) {
        this.url = url;
        this.web3j = Web3j.build(new HttpService(url, client));
    }

    public static RpcEndpoint open(String url, SyncLimits limits) {
        return new RpcEndpoint(url, HttpClients.capped(limits.maxRpcBytes(), limits.rpcTimeout()));
    }

    public String url() {
        return url;
    }

    public EndpointStats stats() {
        return stats;
    }

    /** The web3j client, for reads through the generated wrappers (errors go through {@link #translate}). */
    Web3j web3j() {
        return web3j;
    }

    public long chainId() {
        Response<?> r = send("eth_chainId", web3j.ethChainId());
        return quantity("eth_chainId", () -> ((org.web3j.protocol.core.methods.response.EthChainId) r).getChainId());
    }

    public long headNumber() {
        Response<?> r = send("eth_blockNumber", web3j.ethBlockNumber());
        return quantity("eth_blockNumber",
                () -> ((org.web3j.protocol.core.methods.response.EthBlockNumber) r).getBlockNumber());
    }

    public BlockRef header(long number) {
        EthBlock r = (EthBlock) send("eth_getBlockByNumber(" + number + ")", blockRequest(number));
        return toRef(number, r);
    }

    /** Headers of many blocks in one batch request. */
    public Map<Long, BlockRef> headers(Collection<Long> numbers) {
        List<Long> asked = List.copyOf(new HashSet<>(numbers));
        Map<Long, BlockRef> out = new HashMap<>();
        if (asked.isEmpty()) {
            return out;
        }
        List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();
        asked.forEach(n -> requests.add(blockRequest(n)));
        List<? extends Response<?>> answers = batch("eth_getBlockByNumber x" + asked.size(), requests);
        for (int i = 0; i < asked.size(); i++) {
            if (!(answers.get(i) instanceof EthBlock b)) {
                throw malformed("eth_getBlockByNumber", "a batch answer is not a block");
            }
            out.put(asked.get(i), toRef(asked.get(i), b));
        }
        return out;
    }

    /**
     * The logs of {@code addresses} with one of {@code topic0s} (any topic when it is empty) in {@code range}, each
     * checked to be from an asked address, inside the range, not removed, and complete. A refusal of the range (too many results, or no answer
     * in time) is a {@link RangeRefusedException} so the caller can shrink it.
     */
    public List<Log> logs(BlockRange range, List<String> addresses, List<String> topic0s) throws RangeRefusedException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(range.from())),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(range.to())), addresses);
        if (!topic0s.isEmpty()) {
            filter.addOptionalTopics(topic0s.toArray(String[]::new));
        }
        String what = "eth_getLogs(" + range.from() + ".." + range.to() + ")";
        EthLog answer;
        long start = System.nanoTime();
        try {
            answer = web3j.ethGetLogs(filter).send();
        } catch (IOException | RuntimeException e) {
            SyncException failure = translate(what, e);
            stats.failed(failure.problem());
            if (failure instanceof RpcTimeoutException || failure instanceof RpcAnswerTooLargeException) {
                throw new RangeRefusedException(failure); // a smaller range may well fit
            }
            throw failure;
        }
        if (answer == null) {
            stats.failed("empty answer");
            throw malformed(what, "the answer has no body");
        }
        if (answer.hasError()) {
            String message = answer.getError().getMessage();
            RpcErrorException failure = new RpcErrorException(url, what + " failed: " + message);
            stats.failed(failure.problem());
            if (message != null && RANGE_TOO_LARGE.matcher(message).find()) {
                throw new RangeRefusedException(failure);
            }
            throw failure;
        }
        stats.succeeded(millisSince(start));
        if (answer.getResult() == null) {
            throw malformed(what, "the answer has neither a result nor an error");
        }
        Set<String> asked = new HashSet<>();
        addresses.forEach(a -> asked.add(a.toLowerCase(Locale.ROOT)));
        List<Log> logs = new ArrayList<>(answer.getLogs().size());
        for (EthLog.LogResult<?> result : answer.getLogs()) {
            if (!(result.get() instanceof Log log)) {
                throw malformed(what, "a log entry is a bare hash, not a log object");
            }
            logs.add(check(what, range, asked, log));
        }
        return logs;
    }

    /** The log, checked, with its block number and index decoded once. */
    private Log check(String what, BlockRange range, Set<String> asked, Log log) {
        long block;
        long index;
        BigInteger blockNumber;
        BigInteger logIndex;
        try {
            if (log.getBlockNumberRaw() == null || log.getLogIndexRaw() == null) {
                throw malformed(what, "a log has no block number or log index");
            }
            blockNumber = log.getBlockNumber();
            logIndex = log.getLogIndex();
            block = blockNumber.longValueExact();
            index = logIndex.longValueExact();
        } catch (RuntimeException e) {
            if (e instanceof SyncException s) {
                throw s;
            }
            throw malformed(what, "a log has an unreadable block number or log index (" + e.getMessage() + ")");
        }
        if (!range.contains(block)) {
            throw new RpcLogRejectedException(url, what + " returned a log of block " + block
                    + ", outside the range asked for");
        }
        String address = log.getAddress() == null ? "" : log.getAddress().toLowerCase(Locale.ROOT);
        if (!asked.contains(address)) {
            throw new RpcLogRejectedException(url, what + " returned a log of " + (address.isEmpty() ? "no address"
                    : address) + ", which was not asked for");
        }
        if (log.isRemoved()) {
            throw new RpcLogRejectedException(url, what + " returned a removed log (block " + block + ")");
        }
        if (index < 0 || log.getTransactionHash() == null || !HASH.matcher(log.getTransactionHash().toLowerCase(Locale.ROOT)).matches()
                || log.getBlockHash() == null || !HASH.matcher(log.getBlockHash().toLowerCase(Locale.ROOT)).matches()
                || log.getTopics() == null || log.getData() == null
                || log.getTopics().stream().anyMatch(t -> t == null || !HASH.matcher(t.toLowerCase(Locale.ROOT)).matches())) {
            throw malformed(what, "the log at block " + block + " index " + index
                    + " lacks its transaction hash, block hash, topics (32-byte hex each) or data"); // no topic (LOG0) is allowed
        }
        return new CheckedLog(log, blockNumber, logIndex);
    }

    /**
     * Transactions by hash (for calldata) in batch requests of at most {@link #TRANSACTIONS_PER_BATCH}; every hash
     * must be found. A batch whose answer passes the size cap is split in halves down to one transaction, which
     * alone may still be refused as too large.
     */
    public Map<String, Transaction> transactions(Collection<String> hashes) {
        List<String> asked = List.copyOf(new java.util.LinkedHashSet<>(hashes));
        Map<String, Transaction> out = new HashMap<>();
        for (int i = 0; i < asked.size(); i += TRANSACTIONS_PER_BATCH) {
            transactions(asked.subList(i, Math.min(asked.size(), i + TRANSACTIONS_PER_BATCH)), out);
        }
        return out;
    }

    private void transactions(List<String> asked, Map<String, Transaction> out) {
        try {
            out.putAll(transactionBatch(asked));
        } catch (RpcAnswerTooLargeException e) {
            if (asked.size() < 2) {
                throw e;
            }
            int half = asked.size() / 2;
            transactions(asked.subList(0, half), out);
            transactions(asked.subList(half, asked.size()), out);
        }
    }

    private Map<String, Transaction> transactionBatch(List<String> asked) {
        Map<String, Transaction> out = new HashMap<>();
        List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();
        asked.forEach(h -> requests.add(web3j.ethGetTransactionByHash(h)));
        List<? extends Response<?>> answers = batch("eth_getTransactionByHash x" + asked.size(), requests);
        for (int i = 0; i < asked.size(); i++) {
            if (!(answers.get(i) instanceof EthTransaction t) || t.getTransaction().isEmpty()) {
                throw malformed("eth_getTransactionByHash", "transaction " + asked.get(i) + " was not found");
            }
            Transaction tx = t.getTransaction().get();
            if (tx.getHash() == null || !tx.getHash().equalsIgnoreCase(asked.get(i)) || tx.getInput() == null) {
                throw malformed("eth_getTransactionByHash", "the answer for " + asked.get(i)
                        + " is another transaction or has no input");
            }
            out.put(asked.get(i).toLowerCase(Locale.ROOT), tx);
        }
        return out;
    }

    private Request<?, EthBlock> blockRequest(long number) {
        return web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false);
    }

    private BlockRef toRef(long number, EthBlock answer) {
        String what = "eth_getBlockByNumber(" + number + ")";
        if (answer.hasError()) {
            throw new RpcErrorException(url, what + " failed: " + answer.getError().getMessage());
        }
        EthBlock.Block b = answer.getBlock();
        if (b == null) {
            throw malformed(what, "block " + number + " does not exist on this endpoint");
        }
        try {
            String hash = b.getHash() == null ? "" : b.getHash().toLowerCase(Locale.ROOT);
            String parent = b.getParentHash() == null ? "" : b.getParentHash().toLowerCase(Locale.ROOT);
            if (b.getNumberRaw() == null || b.getNumber().longValueExact() != number || !HASH.matcher(hash).matches()
                    || !HASH.matcher(parent).matches() || b.getTimestampRaw() == null) {
                throw malformed(what, "the answer is not block " + number + " with a hash, parent hash and timestamp");
            }
            return new BlockRef(number, hash, parent, Instant.ofEpochSecond(b.getTimestamp().longValueExact()));
        } catch (ArithmeticException | java.time.DateTimeException | org.web3j.exceptions.MessageDecodingException e) {
            throw malformed(what, "unreadable number or timestamp (" + e.getMessage() + ")");
        }
    }

    private Response<?> send(String what, Request<?, ? extends Response<?>> request) {
        long start = System.nanoTime();
        Response<?> r;
        try {
            r = request.send();
        } catch (IOException | RuntimeException e) {
            SyncException failure = translate(what, e);
            stats.failed(failure.problem());
            throw failure;
        }
        if (r == null) {
            stats.failed("empty answer");
            throw malformed(what, "the answer has no body");
        }
        if (r.hasError()) {
            stats.failed(r.getError().getMessage());
            throw new RpcErrorException(url, what + " failed: " + r.getError().getMessage());
        }
        stats.succeeded(millisSince(start));
        return r;
    }

    private List<? extends Response<?>> batch(String what, List<Request<?, ? extends Response<?>>> requests) {
        var batch = web3j.newBatch();
        requests.forEach(batch::add);
        long start = System.nanoTime();
        BatchResponse answer;
        try {
            answer = batch.send();
        } catch (IOException | RuntimeException e) {
            SyncException failure = translate(what, e);
            stats.failed(failure.problem());
            throw failure;
        }
        if (answer == null || answer.getResponses() == null || answer.getResponses().size() != requests.size()) {
            stats.failed("batch answer of the wrong size");
            throw malformed(what, "the batch answer does not hold one answer per request");
        }
        stats.succeeded(millisSince(start));
        for (Response<?> r : answer.getResponses()) {
            if (r.hasError()) {
                throw new RpcErrorException(url, what + " failed: " + r.getError().getMessage());
            }
        }
        // web3j matches batch answers to requests by id and returns them in request order
        return answer.getResponses();
    }

    /** web3j decodes the answer's hex when asked for it: an answer without a result, or not hex, throws then. */
    private long quantity(String what, java.util.function.Supplier<BigInteger> answer) {
        BigInteger value;
        try {
            value = answer.get();
        } catch (org.web3j.exceptions.MessageDecodingException e) {
            throw malformed(what, "the answer holds no quantity (" + e.getMessage() + ")");
        }
        if (value == null || value.signum() < 0 || value.bitLength() > 62) {
            throw malformed(what, "the answer is not a valid quantity");
        }
        return value.longValue();
    }

    private RpcAnswerMalformedException malformed(String what, String problem) {
        return new RpcAnswerMalformedException(url, what + ": " + problem);
    }

    /** Maps a transport or parse failure to the exception that names what went wrong. */
    SyncException translate(String what, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResponseTooLargeException tooLarge) {
                return new RpcAnswerTooLargeException(url, what + ": the answer is larger than " + tooLarge.limit()
                        + " bytes", e);
            }
            if (t instanceof InterruptedIOException) {
                return new RpcTimeoutException(url, what + ": no answer in time", e);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new RpcUnreachableException(url, what + ": cannot connect (" + t.getMessage() + ")", e);
            }
            if (t instanceof JsonProcessingException j) {
                return malformed(what, "the answer is not valid JSON-RPC (" + j.getOriginalMessage() + ")");
            }
            if (t instanceof ClientConnectionException) {
                return new RpcUnreachableException(url, what + ": " + shorten(t.getMessage()), e);
            }
            if (t instanceof org.web3j.exceptions.MessageDecodingException) {
                return malformed(what, "unreadable value (" + t.getMessage() + ")");
            }
        }
        if (e instanceof IOException) {
            return new RpcUnreachableException(url, what + ": " + shorten(String.valueOf(e.getMessage())), e);
        }
        return malformed(what, shorten(String.valueOf(e.getMessage())));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
