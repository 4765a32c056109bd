package io.proofdesk.chain.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.UnsupportedExplorerUrlException;
import io.proofdesk.node.http.HttpClients;
import io.proofdesk.node.http.ResponseTooLargeException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A block explorer's log API as one more independent source of a range's logs: the Etherscan-compatible
 * {@code GET <api>?module=logs&action=getLogs&fromBlock=&toBlock=&address=&topic0=&page=&offset=}, which Etherscan
 * and Blockscout (at {@code /api}) both serve. The API is the given URL when its path ends in {@code /api}, else that
 * URL with {@code /api} added (a network's explorer base, {@code https://explorer.example.org}); a query it carries
 * (an Etherscan {@code apikey}, {@code chainid}) is kept.
 *
 * <p>Explorers answer at most {@value #PAGE_SIZE} logs a request, so a full page splits the block range in halves; a
 * single block with a full page is read page by page. Every answer is size-capped, and one whole range (all its
 * pages and halves) has one deadline. Status 0 with "No records found" (Etherscan) or "No logs found" (Blockscout)
 * is no logs; any other status 0 is an error naming the explorer. Block numbers and log indexes are read as
 * 0x-prefixed hex (Blockscout, Etherscan; a bare {@code 0x} is 0) or decimal digits.
 */
public final class ExplorerLogSource implements AutoCloseable {

    /** The most logs an Etherscan-compatible getLogs answers at once. */
    public static final int PAGE_SIZE = 1000;
    /** Etherscan serves at most 10,000 records of one query (page x offset). */
    static final int MAX_PAGES = 10;
    private static final int MAX_RATE_LIMITED_RETRIES = 3;
    private static final long RATE_LIMIT_WAIT_MILLIS = 1_000;
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
    private static final Pattern DATA = Pattern.compile("0x([0-9a-f]{2})*");
    private static final Pattern NO_RECORDS = Pattern.compile("no (records|logs) found", Pattern.CASE_INSENSITIVE);

    private final String url;
    private final HttpUrl api;
    private final OkHttpClient http;
    private final Duration perRequest;
    private final Duration perRange;
    private final ObjectMapper json = new ObjectMapper();

    ExplorerLogSource(String url, OkHttpClient http, Duration perRequest, Duration perRange) {
        this.api = apiUrl(url);
        this.url = api.toString();
        this.http = http;
        this.perRequest = perRequest;
        this.perRange = perRange;
    }

    /**
     * An explorer read with the sync's RPC caps: answers of at most {@code maxRpcBytes}, each request within
     * {@code rpcTimeout}, one range within {@code rpcBudget}.
     *
     * @throws UnsupportedExplorerUrlException when {@code url} is not an http(s) URL
     */
    public static ExplorerLogSource open(String url, SyncLimits limits) {
        HttpUrl checked = UnsupportedExplorerUrlException.check(url);
        return new ExplorerLogSource(checked.toString(), HttpClients.cappedIdempotent(limits.maxRpcBytes(),
                limits.rpcTimeout()), limits.rpcTimeout(), limits.rpcBudget());
    }

    /** The getLogs API of an explorer given by its base URL or its API URL. */
    public static HttpUrl apiUrl(String url) {
        HttpUrl u = UnsupportedExplorerUrlException.check(url);
        List<String> segments = new ArrayList<>(u.pathSegments());
        while (!segments.isEmpty() && segments.getLast().isEmpty()) {
            segments.removeLast();
        }
        if (!segments.isEmpty() && segments.getLast().equals("api")) {
            return u;
        }
        HttpUrl.Builder b = u.newBuilder().encodedPath("/");
        segments.forEach(b::addPathSegment);
        return b.addPathSegment("api").build();
    }

    /** The API URL asked, as messages name the explorer. */
    public String url() {
        return url;
    }

    /**
     * The logs of {@code addresses} with one of {@code topic0s} (any topic when it is empty) in {@code range}, as
     * {@link RpcEndpoint#logs} gives them, each checked to be of an asked address and topic and inside the range.
     *
     * @throws ExplorerAnswerException naming this explorer when it cannot answer, or answers wrongly
     */
    public List<Log> logs(BlockRange range, List<String> addresses, List<String> topic0s) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("an explorer's getLogs needs a contract address");
        }
        long deadline = System.nanoTime() + perRange.toNanos();
        Set<String> topics = new HashSet<>();
        topic0s.forEach(t -> topics.add(t.toLowerCase(Locale.ROOT)));
        // one topic0 is asked for; several are filtered here, as the API takes one per query
        String topic = topics.size() == 1 ? topics.iterator().next() : null;
        List<Log> out = new ArrayList<>();
        for (String address : addresses) {
            collect(address.toLowerCase(Locale.ROOT), topic, range.from(), range.to(), deadline, out);
        }
        if (!topics.isEmpty()) {
            out.removeIf(l -> l.getTopics().isEmpty() || !topics.contains(l.getTopics().getFirst()));
        }
        return out;
    }

    private void collect(String address, String topic, long from, long to, long deadline, List<Log> out) {
        List<Log> page;
        try {
            page = page(address, topic, from, to, 1, deadline);
        } catch (ExplorerAnswerException e) {
            if (from < to && e.getCause() instanceof ResponseTooLargeException) {
                split(address, topic, from, to, deadline, out);
                return;
            }
            throw e;
        }
        if (page.size() < PAGE_SIZE) {
            out.addAll(page);
            return;
        }
        if (from < to) {
            split(address, topic, from, to, deadline, out); // a full page may have left logs out
            return;
        }
        out.addAll(page);
        String first = key(page.getFirst());
        for (int p = 2; page.size() >= PAGE_SIZE; p++) {
            if (p > MAX_PAGES) {
                throw failure(what(address, from, to), "block " + from + " has more than " + MAX_PAGES * PAGE_SIZE
                        + " logs of " + address + ", more than the explorer serves of one query; unsupported");
            }
            page = page(address, topic, from, to, p, deadline);
            if (!page.isEmpty() && key(page.getFirst()).equals(first)) {
                throw failure(what(address, from, to), "block " + from + " has " + PAGE_SIZE + " or more logs of "
                        + address + " and the explorer answers page " + p + " with page 1 again (it does not page "
                        + "getLogs); unsupported");
            }
            out.addAll(page);
        }
    }

    private void split(String address, String topic, long from, long to, long deadline, List<Log> out) {
        long mid = from + (to - from) / 2;
        collect(address, topic, from, mid, deadline, out);
        collect(address, topic, mid + 1, to, deadline, out);
    }

    private static String key(Log l) {
        return l.getBlockNumber() + "/" + l.getLogIndex();
    }

    private static String what(String address, long from, long to) {
        return "getLogs(" + from + ".." + to + ", " + address + ")";
    }

    private List<Log> page(String address, String topic, long from, long to, int page, long deadline) {
        String what = what(address, from, to) + (page > 1 ? " page " + page : "");
        HttpUrl.Builder b = api.newBuilder().setQueryParameter("module", "logs")
                .setQueryParameter("action", "getLogs").setQueryParameter("fromBlock", Long.toString(from))
                .setQueryParameter("toBlock", Long.toString(to)).setQueryParameter("address", address);
        if (topic != null) {
            b.setQueryParameter("topic0", topic);
        }
        HttpUrl request = b.setQueryParameter("page", Integer.toString(page))
                .setQueryParameter("offset", Integer.toString(PAGE_SIZE)).build();
        JsonNode answer = get(what, request, deadline);
        return parse(what, answer, address, from, to);
    }

    private JsonNode get(String what, HttpUrl request, long deadline) {
        for (int attempt = 0; ; attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw failure(what, "no whole answer within the " + RpcFailures.seconds(perRange) + " a range may take");
            }
            Call call = http.newCall(new Request.Builder().url(request).get().build());
            call.timeout().timeout(Math.min(left, perRequest.toNanos()), TimeUnit.NANOSECONDS);
            try (Response r = call.execute()) {
                if (r.code() == 429 && attempt < MAX_RATE_LIMITED_RETRIES) {
                    pause(what);
                    continue;
                }
                if (!r.isSuccessful()) {
                    throw failure(what, "answered HTTP " + r.code());
                }
                ResponseBody body = r.body();
                if (body == null) {
                    throw failure(what, "answered without a body");
                }
                return json.readTree(body.bytes());
            } catch (JacksonException e) {
                throw new ExplorerAnswerException(url, what + ": the answer is not JSON (" + e.getOriginalMessage()
                        + ")", e);
            } catch (IOException e) {
                throw translate(what, e);
            }
        }
    }

    private void pause(String what) {
        try {
            Thread.sleep(RATE_LIMIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException(url, what + ": interrupted while waiting out the explorer's rate limit");
        }
    }

    private ExplorerAnswerException translate(String what, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResponseTooLargeException tooLarge) {
                return new ExplorerAnswerException(url, what + ": the answer is larger than " + tooLarge.limit()
                        + " bytes", tooLarge);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new ExplorerAnswerException(url, what + ": cannot connect (" + t.getMessage() + ")", e);
            }
            if (t instanceof InterruptedIOException) {
                return new ExplorerAnswerException(url, what + ": no whole answer in time (within "
                        + RpcFailures.seconds(perRequest) + " a request)", e);
            }
        }
        return new ExplorerAnswerException(url, what + ": " + e.getMessage(), e);
    }

    /** The logs of one answer; {@code address} is lower case. */
    List<Log> parse(String what, JsonNode answer, String address, long from, long to) {
        if (answer == null || !answer.isObject()) {
            throw failure(what, "the answer is not a JSON object with status, message and result");
        }
        String status = answer.path("status").asText("");
        String message = answer.path("message").asText("");
        JsonNode result = answer.get("result");
        if (status.equals("0")) {
            boolean empty = result == null || result.isNull() || result.isArray() && result.isEmpty();
            if (NO_RECORDS.matcher(message).find() && empty) {
                return List.of();
            }
            throw failure(what, "status 0: " + RpcFailures.shorten(message) + (result != null && result.isTextual()
                    ? " (" + RpcFailures.shorten(result.asText()) + ")" : ""));
        }
        if (!status.equals("1")) {
            throw failure(what, "status '" + RpcFailures.shorten(status) + "' is neither 1 nor 0");
        }
        if (result == null || !result.isArray()) {
            throw failure(what, "status 1 without a list of logs as result");
        }
        if (result.size() > PAGE_SIZE * 10) {
            throw failure(what, result.size() + " logs in one answer, more than the " + PAGE_SIZE + " asked for");
        }
        List<Log> logs = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            logs.add(log(what + " log " + i, result.get(i), address, from, to));
        }
        return logs;
    }

    private Log log(String what, JsonNode l, String address, long from, long to) {
        if (!l.isObject()) {
            throw failure(what, "is not a log object");
        }
        String logAddress = text(what, l, "address");
        if (!ADDRESS.matcher(logAddress).matches() || !logAddress.equals(address)) {
            throw failure(what, "is of address " + RpcFailures.shorten(logAddress) + ", not the " + address
                    + " asked for");
        }
        long block = quantity(what, "blockNumber", text(what, l, "blockNumber"));
        if (block < from || block > to) {
            throw failure(what, "is in block " + block + ", outside the blocks " + from + ".." + to + " asked for");
        }
        long index = quantity(what, "logIndex", text(what, l, "logIndex"));
        String tx = text(what, l, "transactionHash");
        if (!HASH.matcher(tx).matches()) {
            throw failure(what, "has no transaction hash (0x and 64 hex digits): " + RpcFailures.shorten(tx));
        }
        String data = text(what, l, "data");
        if (!DATA.matcher(data).matches()) {
            throw failure(what, "has data that is not 0x-prefixed hex bytes");
        }
        JsonNode rawTopics = l.get("topics");
        if (rawTopics == null || !rawTopics.isArray() || rawTopics.size() > 4) {
            throw failure(what, "has no list of at most 4 topics");
        }
        List<String> topics = new ArrayList<>();
        for (JsonNode t : rawTopics) {
            if (t.isNull()) {
                continue; // Blockscout lists the 4 topic slots, null where a log has fewer
            }
            String topic = t.asText("").toLowerCase(Locale.ROOT);
            if (!t.isTextual() || !HASH.matcher(topic).matches()) {
                throw failure(what, "has a topic that is not 0x and 64 hex digits");
            }
            topics.add(topic);
        }
        JsonNode rawBlockHash = l.get("blockHash");
        String blockHash = rawBlockHash != null && rawBlockHash.isTextual()
                && HASH.matcher(rawBlockHash.asText().toLowerCase(Locale.ROOT)).matches()
                ? rawBlockHash.asText().toLowerCase(Locale.ROOT) : null;
        return new Log(false, hex(index), null, tx, blockHash, hex(block), logAddress, data, null, topics);
    }

    private String text(String what, JsonNode l, String field) {
        JsonNode v = l.get(field);
        if (v == null || !v.isTextual()) {
            throw failure(what, "has no " + field);
        }
        return v.asText().strip().toLowerCase(Locale.ROOT);
    }

    /** 0x-prefixed hex ({@code 0x} alone is 0, as Etherscan writes a zero log index) or decimal digits. */
    long quantity(String what, String field, String text) {
        String digits;
        int radix;
        if (text.startsWith("0x")) {
            digits = text.substring(2).isEmpty() ? "0" : text.substring(2);
            radix = 16;
            if (!digits.matches("[0-9a-f]{1,15}")) {
                throw failure(what, "has a " + field + " that is not a number: " + RpcFailures.shorten(text));
            }
        } else {
            digits = text;
            radix = 10;
            if (!digits.matches("[0-9]{1,18}")) {
                throw failure(what, text.isEmpty() ? "has an empty " + field
                        : "has a " + field + " that is not a number: " + RpcFailures.shorten(text));
            }
        }
        return Long.parseLong(digits, radix);
    }

    private static String hex(long n) {
        return "0x" + Long.toHexString(n);
    }

    private ExplorerAnswerException failure(String what, String problem) {
        return new ExplorerAnswerException(url, what + ": " + problem);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
