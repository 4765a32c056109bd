package io.proofdesk.devnet.seed;

import io.proofdesk.domain.RecordId;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A settlement transaction sent but not yet read back, with the records it carries. Its receipt gives the records'
 * ids: one event per record, or (for a Merkle batch) one event whose leaves are the records in list order.
 */
record SentTransaction(String txHash, List<ProducedRecord> records, String contract, String topic, boolean leaves) {

    List<RecordId> ids(TransactionReceipt receipt) throws IOException {
        if (!receipt.isStatusOK()) {
            throw new IOException("settlement transaction " + receipt.getTransactionHash() + " reverted");
        }
        int expected = leaves ? 1 : records.size();
        List<RecordId> events = new ArrayList<>(expected);
        for (Log log : receipt.getLogs()) {
            if (log.getAddress().equalsIgnoreCase(contract) && !log.getTopics().isEmpty()
                    && log.getTopics().getFirst().equals(topic)) {
                events.add(RecordId.of(log.getTransactionHash().toLowerCase(Locale.ROOT), log.getLogIndex().longValueExact()));
            }
        }
        if (events.size() != expected) {
            throw new IOException("transaction " + receipt.getTransactionHash() + " emitted " + events.size()
                    + " records, expected " + expected);
        }
        if (!leaves) {
            return events;
        }
        RecordId batch = events.getFirst();
        List<RecordId> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(RecordId.leaf(batch.txHash(), batch.logIndex(), i));
        }
        return out;
    }
}
