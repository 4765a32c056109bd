package io.proofdesk.devnet.seed;

import io.proofdesk.domain.RecordId;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Settles produced windows in order, on one thread: full transactions are sent as soon as a window fills them
 * (individual settlements first, then inference-contract records, then Merkle batches, as the serial seeder did),
 * partial ones wait for the next window or the end. The window's transactions are sent back to back and their
 * receipts read together at the window's end, which gives each record its id. The order of transactions on chain
 * depends only on the plan, never on timing.
 */
final class WindowSettler {

    private final SettlementWriter writer;
    private final ReceiptCollector receipts;

    private final List<ProducedRecord> pendingIndividual = new ArrayList<>();
    private final List<ProducedRecord> pendingBatch = new ArrayList<>();
    private final List<ProducedRecord> pendingOnChain = new ArrayList<>();
    private final List<IndexedEntry> entries = new ArrayList<>();

    private record IndexedEntry(int index, GroundTruth.Entry entry) {}

    WindowSettler(SettlementWriter writer, ReceiptCollector receipts) {
        this.writer = writer;
        this.receipts = receipts;
    }

    /** Queues a window's records (in plan order) and sends every transaction they complete. */
    void settle(List<ProducedRecord> window) throws Exception {
        window.forEach(this::queue);
        record(flush(false));
    }

    /** Sends what is still pending, partial transactions included; returns the ground truth in plan order. */
    GroundTruth finish() throws Exception {
        record(flush(true));
        entries.sort(Comparator.comparingInt(IndexedEntry::index));
        return new GroundTruth(entries.stream().map(IndexedEntry::entry).toList());
    }

    private void queue(ProducedRecord r) {
        switch (r.plan().settlement()) {
            case INDIVIDUAL -> pendingIndividual.add(r);
            case BATCH -> pendingBatch.add(r);
            case ONCHAIN -> pendingOnChain.add(r);
        }
    }

    private List<SentTransaction> flush(boolean last) throws Exception {
        List<SentTransaction> sent = new ArrayList<>();
        while (pendingIndividual.size() >= SettlementWriter.INDIVIDUAL_PER_TX || (last && !pendingIndividual.isEmpty())) {
            sent.add(writer.settleIndividually(take(pendingIndividual, SettlementWriter.INDIVIDUAL_PER_TX)));
        }
        while (!pendingOnChain.isEmpty()) {
            int n = SettlementWriter.onChainChunk(pendingOnChain);
            if (n == pendingOnChain.size() && !last && n < SettlementWriter.ONCHAIN_PER_TX) {
                break; // not a full transaction yet; wait for more
            }
            sent.add(writer.recordOnChain(take(pendingOnChain, n)));
        }
        while (pendingBatch.size() >= SettlementWriter.BATCH_SIZE || (last && !pendingBatch.isEmpty())) {
            List<ProducedRecord> chunk = take(pendingBatch, SettlementWriter.BATCH_SIZE);
            if (chunk.stream().allMatch(r -> r.plan().fault() == Fault.MERKLE_MISSING)) {
                // a tree needs a leaf: wait for more batch records (the planner guarantees some will come)
                pendingBatch.addAll(0, chunk);
                if (last) {
                    throw new IllegalStateException("every remaining batch record is left out of its tree");
                }
                break;
            }
            sent.add(writer.settleBatch(chunk));
        }
        return sent;
    }

    private void record(List<SentTransaction> sent) throws Exception {
        List<TransactionReceipt> read = receipts.await(sent.stream().map(SentTransaction::txHash).toList());
        for (int t = 0; t < sent.size(); t++) {
            List<ProducedRecord> chunk = sent.get(t).records();
            List<RecordId> ids = sent.get(t).ids(read.get(t));
            for (int i = 0; i < chunk.size(); i++) {
                PlannedRecord p = chunk.get(i).plan();
                entries.add(new IndexedEntry(p.index(), new GroundTruth.Entry(ids.get(i).toString(), p.honest(), p.fault())));
            }
        }
    }

    private static List<ProducedRecord> take(List<ProducedRecord> from, int n) {
        List<ProducedRecord> head = new ArrayList<>(from.subList(0, Math.min(n, from.size())));
        from.subList(0, head.size()).clear();
        return head;
    }
}
