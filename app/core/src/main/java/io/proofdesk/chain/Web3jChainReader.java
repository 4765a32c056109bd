package io.proofdesk.chain;

import io.proofdesk.node.http.HttpClients;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipts and canonical block hashes over JSON-RPC (web3j on a size-capped okhttp client), for the verifier's
 * record check. Any RPC error or malformed answer is an IOException naming the call; "not there" is empty.
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
        this.url = rpcUrl;
        this.web3j = Web3j.build(new HttpService(rpcUrl, HttpClients.capped(MAX_ANSWER_BYTES, timeout)));
    }

    /** The receipt of {@code txHash}, or empty if the chain does not know the transaction. */
    public Optional<ReceiptFacts> receipt(String txHash) throws IOException {
        EthGetTransactionReceipt answer = call(() -> web3j.ethGetTransactionReceipt(txHash).send(),
                "eth_getTransactionReceipt " + txHash);
        Optional<TransactionReceipt> r = answer.getTransactionReceipt();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        TransactionReceipt receipt = r.get();
        try {
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

    /** The hash of the canonical block at {@code number}, or empty if the chain is not that long. */
    public Optional<String> blockHash(long number) throws IOException {
        EthBlock answer = call(() -> web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send(), "eth_getBlockByNumber " + number);
        EthBlock.Block block = answer.getBlock();
        return block == null || block.getHash() == null ? Optional.empty() : Optional.of(lower(block.getHash()));
    }

    private interface Call<T> {
        T send() throws IOException;
    }

    private <T extends Response<?>> T call(Call<T> call, String what) throws IOException {
        T answer;
        try {
            answer = call.send();
        } catch (IOException e) {
            throw new IOException(url + ": " + what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(url + ": " + what + " gave an unreadable answer: " + e.getMessage(), e);
        }
        if (answer.hasError()) {
            throw new IOException(url + ": " + what + " answered error " + answer.getError().getCode() + ": "
                    + answer.getError().getMessage());
        }
        return answer;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
