package io.proofdesk.verify;

import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The chain as one verification run asks it. A settlement transaction carries hundreds of records and a block more,
 * so each receipt and each block hash is asked for once and the answer the chain gave is shared by every record that
 * needs it; records a worker is about to verify can have theirs asked for in one batch request ({@link #prefetch}).
 * The answers live only in this object (one per {@link Verifier}, that is one per run), bounded in memory; a failure
 * to ask is not kept, so the next record asks again. Sharing changes nothing a record's check compares: its own tx,
 * block, log index and fields are checked against the chain's answer as before.
 */
public final class SharedChainReader implements ChainReader {

    /** Receipts held at once, in characters of log data and topics: far more than the records in flight need. */
    static final long RECEIPT_BUDGET_CHARS = 64L << 20;
    /** Block hashes held at once. */
    static final long BLOCK_HASHES_HELD = 1 << 16;

    private static final long RECEIPT_OVERHEAD = 256;

    private final ChainReader chain;
    private final RecentAnswers<String, Answer<Optional<ReceiptFacts>>> receipts;
    private final RecentAnswers<Long, Answer<Optional<String>>> blocks;

    /** An answer, or why the chain could not be asked. */
    private record Answer<T>(T value, IOException failure) {
        T get() throws IOException {
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            return value;
        }

        boolean answered() {
            return failure == null;
        }
    }

    public SharedChainReader(ChainReader chain) {
        this(chain, RECEIPT_BUDGET_CHARS, BLOCK_HASHES_HELD);
    }

    SharedChainReader(ChainReader chain, long receiptBudgetChars, long blockHashesHeld) {
        this.chain = chain;
        this.receipts = new RecentAnswers<>(receiptBudgetChars, SharedChainReader::weight, Answer::answered);
        this.blocks = new RecentAnswers<>(blockHashesHeld, a -> 1, Answer::answered);
    }

    @Override
    public Optional<ReceiptFacts> receipt(String txHash) throws IOException {
        return receipts.get(key(txHash), () -> ask(() -> chain.receipt(txHash))).get();
    }

    @Override
    public Optional<String> blockHash(long number) throws IOException {
        return blocks.get(number, () -> ask(() -> chain.blockHash(number))).get();
    }

    /**
     * Asks for the receipts of {@code txHashes} not yet held or asked for, in one request, then for the hashes of
     * their blocks, so the records using them need no round trip of their own. Best effort: if a batch fails, each
     * of its entries is asked for alone, and a failure stays that entry's own.
     */
    public void prefetch(Collection<String> txHashes) {
        Set<String> keys = new LinkedHashSet<>();
        txHashes.forEach(tx -> keys.add(key(tx)));
        receipts.computeAbsent(keys, this::askReceipts);
        Set<Long> numbers = new LinkedHashSet<>();
        for (String key : keys) {
            receipts.peek(key).flatMap(Answer::value).ifPresent(r -> numbers.add(r.blockNumber()));
        }
        blocks.computeAbsent(numbers, this::askBlocks);
    }

    /** Receipts and block hashes held now (for tests). */
    int receiptsHeld() {
        return receipts.size();
    }

    int blockHashesHeld() {
        return blocks.size();
    }

    private Map<String, Answer<Optional<ReceiptFacts>>> askReceipts(List<String> txHashes) {
        return askAll(txHashes, chain::receipts, tx -> () -> chain.receipt(tx));
    }

    private Map<Long, Answer<Optional<String>>> askBlocks(List<Long> numbers) {
        return askAll(numbers, chain::blockHashes, n -> () -> chain.blockHash(n));
    }

    private interface AskAll<K, V> {
        Map<K, V> call(List<K> keys) throws IOException;
    }

    /** Asks for several keys in one request; if that fails, each key alone, so each keeps its own answer or failure. */
    private static <K, V> Map<K, Answer<V>> askAll(List<K> keys, AskAll<K, V> all, Function<K, Ask<V>> one) {
        Map<K, Answer<V>> out = new HashMap<>();
        if (keys.size() > 1) {
            try {
                all.call(keys).forEach((k, v) -> out.put(k, new Answer<>(v, null)));
            } catch (IOException | RuntimeException e) {
                out.clear();  // asked one by one below
            }
        }
        for (K k : keys) {
            if (!out.containsKey(k)) {
                out.put(k, ask(one.apply(k)));
            }
        }
        return out;
    }

    private interface Ask<T> {
        T call() throws IOException;
    }

    private static <T> Answer<T> ask(Ask<T> ask) {
        try {
            return new Answer<>(ask.call(), null);
        } catch (IOException e) {
            return new Answer<>(null, e);
        } catch (RuntimeException e) {
            return new Answer<>(null, new IOException(String.valueOf(e.getMessage()), e));
        }
    }

    private static String key(String txHash) {
        return txHash.toLowerCase(Locale.ROOT);
    }

    private static long weight(Answer<Optional<ReceiptFacts>> answer) {
        long w = RECEIPT_OVERHEAD;
        if (answer.value() != null && answer.value().isPresent()) {
            for (LogFacts log : answer.value().get().logs()) {
                w += RECEIPT_OVERHEAD + log.data().length() + 66L * log.topics().size();
            }
        }
        return w;
    }
}
