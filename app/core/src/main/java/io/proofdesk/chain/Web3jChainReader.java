package io.proofdesk.chain;

import io.proofdesk.node.http.HttpClients;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Receipts and canonical block hashes over JSON-RPC (web3j on a size-capped okhttp client), for the verifier's
 * record check, one at a time or several in one batch request. Any RPC error or malformed answer is an IOException
 * naming the call; "not there" is empty.
 */
public final class Web3jChainReader implements AutoCloseable {

    /** A receipt with many logs is still far below this; a larger answer is refused while reading. */
    public static final long MAX_ANSWER_BYTES = 32L << 20;

    private final Web3j web3j;
    private final String url;

    public Web3jChainReader(String rpcUrl) {
        this(rpcUrl, Duration.ofSeconds(30));
    }

    public Web3jChainReader(String rpcUrl, Duration timeout) {
        this(rpcUrl, MAX_ANSWER_BYTES, timeout);
    }

    /**
     * @param maxAnswerBytes the cap on one HTTP answer, a batch's as a whole
     * @throws UnsupportedRpcUrlException when {@code rpcUrl} is not an http(s) URL
     */
    public Web3jChainReader(String rpcUrl, long maxAnswerBytes, Duration timeout) {
        this.url = UnsupportedRpcUrlException.check(rpcUrl);
        this.web3j = Web3j.build(new HttpService(rpcUrl, HttpClients.capped(maxAnswerBytes, timeout)));
    }

    /** The receipt of {@code txHash}, or empty if the chain does not know the transaction. */
    public Optional<ReceiptFacts> receipt(String txHash) throws IOException {
        EthGetTransactionReceipt answer = call(() -> web3j.ethGetTransactionReceipt(txHash).send(),
                "eth_getTransactionReceipt " + txHash);
        return facts(txHash, answer);
    }

    /** The hash of the canonical block at {@code number}, or empty if the chain is not that long. */
    public Optional<String> blockHash(long number) throws IOException {
        EthBlock answer = call(() -> web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send(), "eth_getBlockByNumber " + number);
        return hash(number, answer);
    }

    /**
     * The receipts of several transactions in one JSON-RPC batch request (one round trip), each read as
     * {@link #receipt} reads it; the whole answer is under the same size cap. Any answer that fails makes the batch
     * fail, so a caller can still ask for each transaction on its own and get that transaction's own error.
     */
    public Map<String, Optional<ReceiptFacts>> receipts(Collection<String> txHashes) throws IOException {
        return batch("eth_getTransactionReceipt", txHashes, web3j::ethGetTransactionReceipt,
                EthGetTransactionReceipt.class, this::facts);
    }

    /** The canonical hashes of several block heights in one JSON-RPC batch request, each read as {@link #blockHash}. */
    public Map<Long, Optional<String>> blockHashes(Collection<Long> numbers) throws IOException {
        return batch("eth_getBlockByNumber", numbers,
                n -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false),
                EthBlock.class, this::hash);
    }

    private interface Reading<K, R, V> {
        V read(K key, R answer) throws IOException;
    }

    /** One batch request for every distinct key, each answer checked to be a {@code type} and read as one alone. */
    private <K, R extends Response<?>, V> Map<K, V> batch(String method, Collection<K> keys,
                                                          Function<K, Request<?, R>> request, Class<R> type,
                                                          Reading<K, R, V> reading) throws IOException {
        List<K> asked = List.copyOf(new LinkedHashSet<>(keys));
        List<? extends Response<?>> answers = batch(method + " x" + asked.size(),
                asked.stream().<Request<?, ? extends Response<?>>>map(request::apply).toList());
        Map<K, V> out = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            if (!type.isInstance(answers.get(i))) {
                throw new IOException(url + ": a " + method + " batch answer for " + asked.get(i)
                        + " is not what was asked for");
            }
            out.put(asked.get(i), reading.read(asked.get(i), type.cast(answers.get(i))));
        }
        return out;
    }

    private Optional<ReceiptFacts> facts(String txHash, EthGetTransactionReceipt answer) throws IOException {
        Optional<TransactionReceipt> r = answer.getTransactionReceipt();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        TransactionReceipt receipt = r.get();
        try {
            // a receipt is shared by every record of its transaction: one for another transaction is refused here
            if (receipt.getTransactionHash() == null || !receipt.getTransactionHash().equalsIgnoreCase(txHash)) {
                throw new IOException(url + ": asked for the receipt of " + txHash + ", got one for "
                        + receipt.getTransactionHash());
            }
            List<LogFacts> logs = new ArrayList<>();
            for (Log log : receipt.getLogs()) {
                logs.add(new LogFacts(log.getLogIndex().longValueExact(), lower(log.getAddress()),
                        log.getTopics().stream().map(Web3jChainReader::lower).toList(), lower(log.getData())));
            }
            return Optional.of(new ReceiptFacts(lower(receipt.getTransactionHash()),
                    receipt.getBlockNumber().longValueExact(), lower(receipt.getBlockHash()), receipt.isStatusOK(),
                    logs));
        } catch (RuntimeException e) {
            throw new IOException(url + ": malformed receipt for " + txHash + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> hash(long number, EthBlock answer) throws IOException {
        EthBlock.Block block = answer.getBlock();
        if (block == null || block.getHash() == null) {
            return Optional.empty();
        }
        try {
            // the hash serves every record of its block: a header of another height is refused here
            if (block.getNumberRaw() != null && block.getNumber().longValueExact() != number) {
                throw new IOException(url + ": asked for block " + number + ", got block " + block.getNumber());
            }
        } catch (RuntimeException e) {
            throw new IOException(url + ": malformed block " + number + ": " + e.getMessage(), e);
        }
        return Optional.of(lower(block.getHash()));
    }

    private List<? extends Response<?>> batch(String what, List<Request<?, ? extends Response<?>>> requests)
            throws IOException {
        BatchResponse answer = call(() -> {
            var batch = web3j.newBatch();
            requests.forEach(batch::add);
            return batch.send();
        }, what);
        if (answer == null || answer.getResponses() == null || answer.getResponses().size() != requests.size()) {
            throw new IOException(url + ": " + what + ": the batch answer does not hold one answer per request");
        }
        for (Response<?> r : answer.getResponses()) {
            refuseError(r, what);
        }
        // web3j matches batch answers to requests by id and returns them in request order
        return answer.getResponses();
    }

    private interface Call<T> {
        T send() throws IOException;
    }

    private <T> T call(Call<T> call, String what) throws IOException {
        T answer;
        try {
            answer = call.send();
        } catch (IOException e) {
            throw new IOException(url + ": " + what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(url + ": " + what + " gave an unreadable answer: " + e.getMessage(), e);
        }
        if (answer instanceof Response<?> r) {
            refuseError(r, what);
        }
        return answer;
    }

    private void refuseError(Response<?> r, String what) throws IOException {
        if (r.hasError()) {
            throw new IOException(url + ": " + what + " answered error " + r.getError().getCode() + ": "
                    + r.getError().getMessage());
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
