package io.proofdesk.chain.sync;

import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.UnsupportedRpcUrlException;
import io.proofdesk.domain.BlockRef;
import io.proofdesk.node.http.HttpClients;
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

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
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
 * before the sync uses it, and every failure becomes the {@link SyncException} subtype that names this endpoint, the
 * JSON-RPC method and what was wrong. Every call has one deadline for its whole answer, and calls that keep running
 * out of time share one budget ({@link RpcDeadlines}), so a slow endpoint is given up within it. Latency and errors
 * are counted in {@link #stats()}.
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

    private final String url;
    private final DeadlineHttpService http;
    private final Web3j web3j;
    private final RpcDeadlines deadlines;
    private final RpcFailures failures;
    private final LogAnswerCheck logCheck;
    private final EndpointStats stats = new EndpointStats();

    /** An endpoint whose calls have the client's call timeout as deadline, and 1.5 times that as budget. */
    RpcEndpoint(String url, OkHttpClient client) {
        this(url, client, new RpcDeadlines(Duration.ofMillis(client.callTimeoutMillis()),
                Duration.ofMillis(client.callTimeoutMillis() * 3 / 2)));
    }

    private RpcEndpoint(String url, OkHttpClient client, RpcDeadlines deadlines) {
        this.url = url;
        this.http = new DeadlineHttpService(url, client);
        this.web3j = Web3j.build(http);
        this.deadlines = deadlines;
        this.failures = new RpcFailures(url);
        this.logCheck = new LogAnswerCheck(url, failures);
    }

    /**
     * @throws UnsupportedRpcUrlException when {@code url} is not an http(s) URL
     */
    public static RpcEndpoint open(String url, SyncLimits limits) {
        UnsupportedRpcUrlException.check(url);
        // every call the sync makes only reads, so a request sent on a pooled connection the server had closed while
        // idle may be sent again on a new one (servers close idle keep-alive connections, 30 s for the JDK's)
        return new RpcEndpoint(url, HttpClients.cappedIdempotent(limits.maxRpcBytes(), limits.rpcTimeout()),
                new RpcDeadlines(limits.rpcTimeout(), limits.rpcBudget()));
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
        return quantity("eth_chainId", send("eth_chainId", web3j.ethChainId()));
    }

    public long headNumber() {
        return quantity("eth_blockNumber", send("eth_blockNumber", web3j.ethBlockNumber()));
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
            answer = timed(what, web3j.ethGetLogs(filter)::send);
        } catch (IOException | RuntimeException e) {
            SyncException failure = translate(what, e);
            stats.failed(failure.problem());
            if (failure instanceof RpcAnswerTooLargeException
                    || failure instanceof RpcTimeoutException && !deadlines.spent("eth_getLogs")) {
                throw new RangeRefusedException(failure); // a smaller range may well fit, or come in time
            }
            throw failure; // a too slow endpoint is too slow whatever the range
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
            logs.add(logCheck.check(what, range, asked, log));
        }
        return logs;
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

    /** A JSON-RPC answer kept as JSON: the proofs rebuild every field themselves, so nothing is parsed into POJOs. */
    public static final class RawJson extends Response<com.fasterxml.jackson.databind.JsonNode> {
    }

    /** Blocks (header-only ones are small, full ones carry calldata) asked for this many per batch. */
    static final int HEADERS_PER_BATCH = 100;
    static final int FULL_BLOCKS_PER_BATCH = 16;
    static final int RECEIPT_BLOCKS_PER_BATCH = 16;

    /**
     * Block objects by number as JSON, {@code full} with every transaction as an object; each must exist and be the
     * block asked for. Batches whose answer passes the size cap are split in halves.
     */
    public Map<Long, com.fasterxml.jackson.databind.JsonNode> blockJson(Collection<Long> numbers, boolean full) {
        List<Long> asked = List.copyOf(new java.util.TreeSet<>(numbers));
        Map<Long, com.fasterxml.jackson.databind.JsonNode> out = new HashMap<>();
        int per = full ? FULL_BLOCKS_PER_BATCH : HEADERS_PER_BATCH;
        for (int i = 0; i < asked.size(); i += per) {
            halving(asked.subList(i, Math.min(asked.size(), i + per)), part -> {
                String method = "eth_getBlockByNumber";
                List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();
                part.forEach(n -> requests.add(new Request<>(method, List.of(hexQuantity(n), full), http,
                        RawJson.class)));
                List<? extends Response<?>> answers = batch(method + "(" + part.getFirst() + ".." + part.getLast()
                        + (full ? ", full" : "") + ") x" + part.size(), requests);
                for (int k = 0; k < part.size(); k++) {
                    var b = answers.get(k) instanceof RawJson r ? r.getResult() : null;
                    long n = part.get(k);
                    if (b == null || !b.isObject() || !b.hasNonNull("number") || !b.hasNonNull("hash")) {
                        throw malformed(method + "(" + n + ")", "block " + n + " does not exist on this endpoint");
                    }
                    if (!hexQuantity(n).equalsIgnoreCase(b.get("number").asText())
                            && Long.decode(b.get("number").asText()) != n) {
                        throw malformed(method + "(" + n + ")", "the answer is block " + b.get("number").asText()
                                + ", not " + n);
                    }
                    out.put(n, b);
                }
            });
        }
        return out;
    }

    /**
     * Every receipt of each block, in block order: eth_getBlockReceipts, or, where the endpoint does not offer it,
     * eth_getTransactionReceipt for each of {@code txHashes.get(block)}.
     */
    public Map<Long, List<com.fasterxml.jackson.databind.JsonNode>> blockReceipts(Collection<Long> numbers,
                                                                                Map<Long, List<String>> txHashes) {
        List<Long> asked = List.copyOf(new java.util.TreeSet<>(numbers));
        Map<Long, List<com.fasterxml.jackson.databind.JsonNode>> out = new HashMap<>();
        for (int i = 0; i < asked.size(); i += RECEIPT_BLOCKS_PER_BATCH) {
            List<Long> part = asked.subList(i, Math.min(asked.size(), i + RECEIPT_BLOCKS_PER_BATCH));
            if (!blockReceiptsUnsupported) {
                try {
                    halving(part, p -> out.putAll(blockReceiptBatch(p)));
                    continue;
                } catch (RpcErrorException e) {
                    if (!METHOD_MISSING.matcher(e.problem()).find()) {
                        throw e;
                    }
                    blockReceiptsUnsupported = true;
                }
            }
            for (long n : part) {
                out.put(n, transactionReceipts(n, txHashes.getOrDefault(n, List.of())));
            }
        }
        return out;
    }

    private static final Pattern METHOD_MISSING = Pattern.compile(
            "method not found|not supported|does not exist|unsupported|not available|unknown method",
            Pattern.CASE_INSENSITIVE);
    private volatile boolean blockReceiptsUnsupported;

    private Map<Long, List<com.fasterxml.jackson.databind.JsonNode>> blockReceiptBatch(List<Long> part) {
        String method = "eth_getBlockReceipts";
        List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();
        part.forEach(n -> requests.add(new Request<>(method, List.of(hexQuantity(n)), http, RawJson.class)));
        List<? extends Response<?>> answers = batch(method + "(" + part.getFirst() + ".." + part.getLast() + ") x"
                + part.size(), requests);
        Map<Long, List<com.fasterxml.jackson.databind.JsonNode>> out = new HashMap<>();
        for (int k = 0; k < part.size(); k++) {
            var r = answers.get(k) instanceof RawJson raw ? raw.getResult() : null;
            if (r == null || !r.isArray()) {
                throw malformed(method + "(" + part.get(k) + ")", "the answer is not a list of receipts");
            }
            List<com.fasterxml.jackson.databind.JsonNode> receipts = new ArrayList<>(r.size());
            r.forEach(receipts::add);
            out.put(part.get(k), receipts);
        }
        return out;
    }

    private List<com.fasterxml.jackson.databind.JsonNode> transactionReceipts(long block, List<String> hashes) {
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>(hashes.size());
        String method = "eth_getTransactionReceipt";
        for (int i = 0; i < hashes.size(); i += TRANSACTIONS_PER_BATCH) {
            List<String> part = hashes.subList(i, Math.min(hashes.size(), i + TRANSACTIONS_PER_BATCH));
            List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();
            part.forEach(h -> requests.add(new Request<>(method, List.of(h), http, RawJson.class)));
            List<? extends Response<?>> answers = batch(method + " x" + part.size() + " (block " + block + ")",
                    requests);
            for (int k = 0; k < part.size(); k++) {
                var r = answers.get(k) instanceof RawJson raw ? raw.getResult() : null;
                if (r == null || !r.isObject()) {
                    throw malformed(method + "(" + part.get(k) + ")", "no receipt for transaction " + part.get(k)
                            + " of block " + block);
                }
                out.add(r);
            }
        }
        return out;
    }

    /** Runs {@code call} on {@code items}, and on halves of them while the answer passes the size cap. */
    private <T> void halving(List<T> items, java.util.function.Consumer<List<T>> call) {
        try {
            call.accept(items);
        } catch (RpcAnswerTooLargeException e) {
            if (items.size() < 2) {
                throw e;
            }
            int half = items.size() / 2;
            halving(items.subList(0, half), call);
            halving(items.subList(half, items.size()), call);
        }
    }

    private static String hexQuantity(long n) {
        return "0x" + Long.toHexString(n);
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

    /**
     * Sends one call (or batch) within the deadline its method has left. Running out of it is an
     * {@link RpcTimeoutException}, which says the endpoint is too slow once the method's budget is spent.
     */
    private <T> T timed(String what, DeadlineHttpService.IoCall<T> call) throws IOException {
        String method = RpcFailures.methodOf(what);
        Duration deadline = deadlines.next(method);
        if (deadline.isZero()) {
            throw failures.tooSlow(what, deadlines.timeouts(method), method, deadlines.perCall(), deadlines.budget(),
                    null);
        }
        long start = System.nanoTime();
        try {
            T answer = http.within(deadline, call);
            deadlines.answered(method);
            return answer;
        } catch (IOException | RuntimeException e) {
            if (!(translate(what, e) instanceof RpcTimeoutException)) {
                throw e;
            }
            deadlines.timedOut(method, start);
            throw deadlines.spent(method)
                    ? failures.tooSlow(what, deadlines.timeouts(method), method, deadlines.perCall(), deadlines.budget(), e)
                    : failures.timeout(what, deadline, e);
        }
    }

    private Response<?> send(String what, Request<?, ? extends Response<?>> request) {
        long start = System.nanoTime();
        Response<?> r;
        try {
            r = timed(what, request::send);
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
            answer = timed(what, batch::send);
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

    /** The answer's quantity: 0x-prefixed hex without a sign, at most 62 bits. */
    private long quantity(String what, Response<?> answer) {
        Object raw = answer.getResult();
        String text = raw instanceof String t ? t : null;
        if (text == null || !text.matches("0x[0-9a-fA-F]{1,16}")) {
            throw malformed(what, "the answer " + (raw == null ? "holds no result" : "'" + RpcFailures.shorten(
                    String.valueOf(raw)) + "' is not a quantity") + " (a 0x-prefixed hex number without a sign)");
        }
        BigInteger value = new BigInteger(text.substring(2), 16);
        if (value.bitLength() > 62) {
            throw malformed(what, "the answer " + text + " is too large to be a block number or chain id");
        }
        return value.longValue();
    }

    private RpcAnswerMalformedException malformed(String what, String problem) {
        return failures.malformed(what, problem);
    }

    /** Maps a transport or parse failure to the exception that names this endpoint, the call and what went wrong. */
    SyncException translate(String what, Throwable e) {
        return failures.translate(what, e, deadlines.perCall());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
