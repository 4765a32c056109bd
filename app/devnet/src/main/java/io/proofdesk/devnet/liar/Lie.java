package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;

/**
 * One way of lying, applied to each JSON-RPC request of an HTTP request (a batch is several) and to its answer from
 * the honest node. A lie that changes nothing leaves the honest answer's bytes as they were.
 */
interface Lie {

    /** Changes a request before it is forwarded (e.g. a block hash only the liar knows, back to the real one). */
    default boolean rewriteRequest(ObjectNode request) {
        return false;
    }

    /** The liar's own answer's result to a request about something it invented; null to ask the honest node. */
    default JsonNode ownResult(String method, JsonNode params) throws IOException {
        return null;
    }

    /**
     * Changes the honest {@code answer} (its {@code result}) in place.
     *
     * @param request the request as forwarded
     * @return whether anything changed
     */
    boolean rewriteAnswer(ObjectNode request, ObjectNode answer) throws IOException;

    /** How long apart to send the answer's bytes; null to send it at once. */
    default Duration pace(String method) {
        return null;
    }

    static String method(JsonNode request) {
        return request.path("method").asText("");
    }
}
