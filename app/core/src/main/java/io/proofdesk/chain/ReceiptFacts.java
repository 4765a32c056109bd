package io.proofdesk.chain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a transaction receipt says: where it was included, whether it succeeded, and its logs. */
public record ReceiptFacts(String txHash, long blockNumber, String blockHash, boolean success, List<LogFacts> logs) {

    public ReceiptFacts {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(blockHash, "blockHash");
        logs = List.copyOf(logs);
    }

    /** The log with this block-wide log index, if the receipt has it. */
    public Optional<LogFacts> log(long logIndex) {
        return logs.stream().filter(l -> l.logIndex() == logIndex).findFirst();
    }
}
