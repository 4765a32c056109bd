package io.proofdesk.chain;

import java.util.List;
import java.util.Objects;

/** One log of a transaction receipt, as the node reported it: emitter, topics and data as 0x-hex. */
public record LogFacts(long logIndex, String address, List<String> topics, String data) {

    public LogFacts {
        Objects.requireNonNull(address, "address");
        topics = List.copyOf(topics);
        data = data == null ? "0x" : data;
    }
}
