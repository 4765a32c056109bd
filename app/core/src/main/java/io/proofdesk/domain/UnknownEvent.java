package io.proofdesk.domain;

import java.util.List;
import java.util.Objects;

/**
 * A log of a watched contract whose event (topic0) Proofdesk does not know, kept exactly as the chain gave it: an
 * event version Proofdesk cannot decode is stored and shown, never dropped and never decoded with a guessed layout.
 * {@code topics} and {@code data} are the log's 0x-hex values; {@code topics} is empty for an anonymous event (LOG0).
 */
public record UnknownEvent(long blockNumber, long logIndex, String txHash, String address, List<String> topics,
                           String data) {

    /** What the CLI and the store call such a log. */
    public static final String STATUS = "unknown event version";

    public UnknownEvent {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(data, "data");
        topics = List.copyOf(topics);
    }

    /** The id a record of this log would have: {@code <txHash>:<logIndex>}. */
    public RecordId id() {
        return RecordId.of(txHash, logIndex);
    }

    /** The event's topic0, or "none" for an anonymous event. */
    public String topic0() {
        return topics.isEmpty() ? "none" : topics.getFirst();
    }
}
