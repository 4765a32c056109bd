package io.proofdesk.node.wire;

import java.util.List;

/** A numeric input tensor in a node request's {@code model_inputs}: flattened row-major values plus the shape. */
public record NumberTensorJson(String name, List<FixedPointValue> values, List<Long> shape) {
}
