package io.proofdesk.node.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A node's {@code /infer} answer: outputs and the SHA-256 of the model file it ran, plus the TEE fields when the
 * node runs in an enclave (signature base64, hashes 0x-hex, timestamp in unix seconds, TEE id 0x-hex).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferResponseJson(List<OutputTensorJson> output,
                                @JsonProperty("model_hash") String modelHash,
                                @JsonProperty("tee_signature") String teeSignature,
                                @JsonProperty("tee_request_hash") String teeRequestHash,
                                @JsonProperty("tee_output_hash") String teeOutputHash,
                                @JsonProperty("tee_timestamp") Long teeTimestamp,
                                @JsonProperty("tee_id") String teeId) {
}
