package io.proofdesk.node.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.node.NodeApiAnswerException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the node API answers for an inference of the precompile, in the shape OpenGradient's SDK reads it
 * ({@code _get_inference_result_from_node}): {@code {"inference_results": ["<base64 JSON>", ...]}} where the first
 * element decodes to {@code {"InferenceResult": {...}}} holding one of {@code VanillaResult.model_output},
 * {@code TeeNodeResult.Response.VanillaResponse.model_output} or {@code ZkmlResult.model_output}. A model_output is
 * {@code {numbers: [{name, values: [{value, decimals}], shape}], strings: [{name, values, shape}], jsons: [{name,
 * value}]}}; numbers may be JSON numbers or decimal strings (the SDK reads both with {@code int(...)}).
 * {@code kind} is which of the three the node gave; an empty {@code inference_results} is {@link #pending}.
 */
public record NodeInferenceResult(Kind kind, List<NumberTensorJson> numbers, List<StringTensorJson> strings,
                                  List<NamedJson> jsons) {

    /** Which result the node API gave, and the inference mode each belongs to (the SDK asks for the mode's own). */
    public enum Kind {
        VANILLA("VanillaResult"), TEE("TeeNodeResult"), ZKML("ZkmlResult"), PENDING("none yet");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A named JSON document of the output ({@code jsons}), its text as the node gave it. */
    public record NamedJson(String name, String value) {
    }

    public NodeInferenceResult {
        numbers = List.copyOf(numbers);
        strings = List.copyOf(strings);
        jsons = List.copyOf(jsons);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean pending() {
        return kind == Kind.PENDING;
    }

    /** Parses the node's answer; {@code url} names it in every message. */
    public static NodeInferenceResult parse(String url, byte[] answer) throws NodeApiAnswerException {
        JsonNode root = tree(url, answer, "the answer");
        JsonNode results = root.get("inference_results");
        if (results == null || results.isNull() || (results.isArray() && results.isEmpty())) {
            return new NodeInferenceResult(Kind.PENDING, List.of(), List.of(), List.of());
        }
        if (!results.isArray() || !results.get(0).isTextual()) {
            throw new NodeApiAnswerException(url, "inference_results is not a list of base64 strings");
        }
        byte[] inner;
        try {
            inner = Base64.getDecoder().decode(results.get(0).asText().strip());
        } catch (IllegalArgumentException e) {
            throw new NodeApiAnswerException(url, "inference_results[0] is not base64 (" + e.getMessage() + ")");
        }
        JsonNode wrapped = tree(url, inner, "inference_results[0] (base64-decoded)");
        JsonNode result = wrapped.get("InferenceResult");
        if (result == null || !result.isObject()) {
            throw new NodeApiAnswerException(url, "inference_results[0] has no InferenceResult object");
        }
        if (result.has("VanillaResult")) {
            return output(url, Kind.VANILLA, result.get("VanillaResult").get("model_output"), "VanillaResult");
        }
        if (result.has("TeeNodeResult")) {
            JsonNode vanilla = result.get("TeeNodeResult").path("Response").get("VanillaResponse");
            if (vanilla == null) {
                throw new NodeApiAnswerException(url, "TeeNodeResult has no Response.VanillaResponse");
            }
            return output(url, Kind.TEE, vanilla.get("model_output"), "TeeNodeResult.Response.VanillaResponse");
        }
        if (result.has("ZkmlResult")) {
            return output(url, Kind.ZKML, result.get("ZkmlResult").get("model_output"), "ZkmlResult");
        }
        List<String> names = new ArrayList<>();
        result.fieldNames().forEachRemaining(names::add);
        throw new NodeApiAnswerException(url, "InferenceResult holds none of VanillaResult, TeeNodeResult, "
                + "ZkmlResult (it holds " + (names.isEmpty() ? "nothing" : String.join(", ", names)) + ")");
    }

    private static JsonNode tree(String url, byte[] bytes, String what) throws NodeApiAnswerException {
        try {
            JsonNode n = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new NodeApiAnswerException(url, what + " is not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new NodeApiAnswerException(url, what + " is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static NodeInferenceResult output(String url, Kind kind, JsonNode out, String where)
            throws NodeApiAnswerException {
        if (out == null || !out.isObject()) {
            throw new NodeApiAnswerException(url, where + " has no model_output object");
        }
        List<NumberTensorJson> numbers = new ArrayList<>();
        for (JsonNode t : list(url, out, "numbers", where)) {
            List<FixedPointValue> values = new ArrayList<>();
            for (JsonNode v : list(url, t, "values", where + " number tensor")) {
                values.add(new FixedPointValue(integer(url, v.get("value"), where), integer(url, v.get("decimals"),
                        where)));
            }
            numbers.add(new NumberTensorJson(name(url, t, where), values, shape(url, t, where)));
        }
        List<StringTensorJson> strings = new ArrayList<>();
        for (JsonNode t : list(url, out, "strings", where)) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : list(url, t, "values", where + " string tensor")) {
                if (!v.isTextual()) {
                    throw new NodeApiAnswerException(url, where + ": a string tensor value is not a string");
                }
                values.add(v.asText());
            }
            strings.add(new StringTensorJson(name(url, t, where), values, shape(url, t, where)));
        }
        List<NamedJson> jsons = new ArrayList<>();
        for (JsonNode t : list(url, out, "jsons", where)) {
            JsonNode v = t.get("value");
            if (v == null || !v.isTextual()) {
                throw new NodeApiAnswerException(url, where + ": a jsons entry has no string value");
            }
            jsons.add(new NamedJson(name(url, t, where), v.asText()));
        }
        return new NodeInferenceResult(kind, numbers, strings, jsons);
    }

    private static List<JsonNode> list(String url, JsonNode parent, String field, String where)
            throws NodeApiAnswerException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new NodeApiAnswerException(url, where + ": " + field + " is not a list");
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isObject() && !field.equals("values")) {
                throw new NodeApiAnswerException(url, where + ": an entry of " + field + " is not an object");
            }
            out.add(e);
        }
        return out;
    }

    private static String name(String url, JsonNode t, String where) throws NodeApiAnswerException {
        JsonNode n = t.get("name");
        if (n == null || !n.isTextual()) {
            throw new NodeApiAnswerException(url, where + ": a tensor has no name");
        }
        return n.asText();
    }

    /** The shape, or null when the node states none (the tensor is then flat). */
    private static List<Long> shape(String url, JsonNode t, String where) throws NodeApiAnswerException {
        JsonNode s = t.get("shape");
        if (s == null || s.isNull()) {
            return null;
        }
        if (!s.isArray()) {
            throw new NodeApiAnswerException(url, where + ": shape of '" + t.path("name").asText() + "' is not a list");
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode d : s) {
            BigInteger v = integer(url, d, where);
            if (v.signum() < 0 || v.bitLength() > 32) {
                throw new NodeApiAnswerException(url, where + ": shape dimension " + v + " is not a uint32");
            }
            out.add(v.longValue());
        }
        return out;
    }

    private static BigInteger integer(String url, JsonNode v, String where) throws NodeApiAnswerException {
        if (v != null && v.isIntegralNumber()) {
            return v.bigIntegerValue();
        }
        if (v != null && v.isTextual() && v.asText().strip().matches("-?[0-9]{1,80}")) {
            return new BigInteger(v.asText().strip());
        }
        throw new NodeApiAnswerException(url, where + ": " + (v == null ? "a missing number" : "\u201c" + v
                + "\u201d") + " is not a whole number");
    }
}
