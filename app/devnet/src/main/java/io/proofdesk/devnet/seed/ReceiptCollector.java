package io.proofdesk.devnet.seed;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the receipts of transactions sent without waiting, many per JSON-RPC batch, once they are mined. */
final class ReceiptCollector {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final int PER_BATCH = 64;

    private final Web3j web3j;

    ReceiptCollector(Web3j web3j) {
        this.web3j = web3j;
    }

    /** The receipts of {@code txHashes}, in the same order; waits for the ones not mined yet. */
    List<TransactionReceipt> await(List<String> txHashes) throws IOException {
        Map<String, TransactionReceipt> found = new HashMap<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<String> missing = txHashes.stream().filter(h -> !found.containsKey(key(h))).toList();
            if (missing.isEmpty()) {
                break;
            }
            for (int i = 0; i < missing.size(); i += PER_BATCH) {
                fetch(missing.subList(i, Math.min(missing.size(), i + PER_BATCH)), found);
            }
            if (found.size() < txHashes.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException((txHashes.size() - found.size()) + " settlement transactions not mined after "
                            + PATIENCE.toSeconds() + " s");
                }
                sleep();
            }
        }
        List<TransactionReceipt> out = new ArrayList<>(txHashes.size());
        for (String h : txHashes) {
            out.add(found.get(key(h)));
        }
        return out;
    }

    private void fetch(List<String> hashes, Map<String, TransactionReceipt> found) throws IOException {
        BatchRequest batch = web3j.newBatch();
        for (String h : hashes) {
            batch.add(web3j.ethGetTransactionReceipt(h));
        }
        for (Response<?> r : batch.send().getResponses()) {
            if (r.hasError()) {
                throw new IOException("eth_getTransactionReceipt failed: " + r.getError().getMessage());
            }
            ((EthGetTransactionReceipt) r).getTransactionReceipt()
                    .ifPresent(receipt -> found.put(key(receipt.getTransactionHash()), receipt));
        }
    }

    private static String key(String txHash) {
        return txHash.toLowerCase(Locale.ROOT);
    }

    private static void sleep() throws InterruptedIOException {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for settlement receipts");
        }
    }
}
