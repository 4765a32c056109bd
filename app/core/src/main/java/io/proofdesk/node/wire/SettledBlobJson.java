package io.proofdesk.node.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An individually settled record's blob on the blob store: the full request and output whose hashes were settled,
 * with the TEE signature (base64), TEE id, timestamp and the payer's address; the hashes are repeated for convenience
 * (never trusted: a verifier recomputes them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SettledBlobJson(JsonNode input, JsonNode output, String teeSignature, String teeId, long timestamp,
                              String ethAddress, String inputHash, String outputHash) {
}
