package io.proofdesk.node.wire;

import java.util.List;

/** A string input tensor in a node request's {@code model_inputs}. */
public record StringTensorJson(String name, List<String> values, List<Long> shape) {
}
