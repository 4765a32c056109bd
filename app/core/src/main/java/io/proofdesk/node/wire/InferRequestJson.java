package io.proofdesk.node.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /infer} body of an ONNX node: the model's CID and the inputs as a JSON string. */
public record InferRequestJson(@JsonProperty("ipfs_hash") String ipfsHash,
                               @JsonProperty("model_inputs") String modelInputs) {
}
