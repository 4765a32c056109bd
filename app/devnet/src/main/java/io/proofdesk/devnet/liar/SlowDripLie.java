package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

/** Tells the truth, but sends any answer that holds eth_getLogs one byte at a time. */
final class SlowDripLie implements Lie {

    private final Duration perByte;

    SlowDripLie(Duration perByte) {
        this.perByte = perByte;
    }

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        return false;
    }

    @Override
    public Duration pace(String method) {
        return method.equals("eth_getLogs") ? perByte : null;
    }
}
