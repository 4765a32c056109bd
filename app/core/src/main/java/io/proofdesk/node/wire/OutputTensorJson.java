package io.proofdesk.node.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One output of a node's {@code /infer} answer: {@code result} is the flattened row-major values (numbers, or
 * strings when {@code type} is "string").
 */
public record OutputTensorJson(String name, List<Long> shape, JsonNode result, String type) {
}
