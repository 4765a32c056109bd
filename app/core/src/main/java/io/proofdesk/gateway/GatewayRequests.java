package io.proofdesk.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.proofdesk.attest.PythonJson;
import org.web3j.crypto.Hash;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request as the client sent it, rebuilt into the dict the gateway hashed, then hashed as the gateway hashed it.
 * Each rebuild follows one gateway build of OpenGradient/tee-gateway; a request the gateway would have rejected, or
 * would have hashed through something Proofdesk does not reproduce (Python's {@code str()} of a list), is
 * {@link GatewayUncheckableException} naming the field.
 *
 * <ul>
 *   <li>current chat: {@code _chat_request_to_dict} of {@code tee_gateway/controllers/chat_controller.py} (since
 *       2026-03-05, {@code response_format} since 2026-04-03), keccak256 of {@code json.dumps(d, sort_keys=True)};
 *   <li>current completion: {@code completions_controller.py}'s {@code request_dict};
 *   <li>legacy chat and completion: {@link LegacyGatewayRequests}.
 * </ul>
 * Values arrive as Jackson reads JSON into Java objects, which are the values Python's {@code json.loads} gives.
 */
final class GatewayRequests {

    private static final Pattern PY_FLOAT_TEXT = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    private GatewayRequests() {
    }

    static byte[] keccak(Object dict) {
        return Hash.sha3(bytes(dict));
    }

    static byte[] sha256(Object dict) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes(dict));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] bytes(Object dict) {
        try {
            return PythonJson.sortedDumpsBytes(dict);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("values read from JSON always write as JSON", e);
        }
    }

    /**
     * Since 2026-03-06 (07:47 UTC, {@code 6ec4a7a}) the gateway hashes the request as sent; before, it hashed what its
     * wrapper rewrote it into, which Proofdesk does not reproduce.
     */
    static final java.time.Instant CURRENT_REQUEST_HASH_SINCE = java.time.Instant.parse("2026-03-06T07:47:19Z");

    /** {@code _chat_request_to_dict(_parse_chat_request(body))}. */
    static Map<String, Object> currentChat(Object request) {
        return currentChat(request, true);
    }

    /** @param withResponseFormat false for builds before 2026-04-03 ({@code 8ba8bd8}), which left it out */
    static Map<String, Object> currentChat(Object request, boolean withResponseFormat) {
        Map<?, ?> r = object(request, "the request");
        List<Object> messages = new ArrayList<>();
        Object given = r.containsKey("messages") ? r.get("messages") : List.of();
        if (!(given instanceof List<?> list)) {
            throw unsupported("messages is not a list; the gateway rejects such a request");
        }
        for (int i = 0; i < list.size(); i++) {
            messages.add(currentMessage(list.get(i), "messages[" + i + "]"));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", r.get("model"));
        d.put("messages", messages);
        d.put("temperature", r.get("temperature") == null ? 0.0 : pythonFloat(r.get("temperature"), "temperature"));
        if (r.get("max_tokens") != null) {
            d.put("max_tokens", r.get("max_tokens"));
        }
        if (truthy(r.get("stop"))) {
            d.put("stop", r.get("stop"));
        }
        if (truthy(r.get("tools"))) {
            if (!(r.get("tools") instanceof List<?>)) {
                throw unsupported("tools is not a list: the gateway hashes list() of it, which Proofdesk does not "
                        + "reproduce");
            }
            d.put("tools", r.get("tools"));
        }
        if (withResponseFormat && truthy(r.get("response_format"))) {
            if (!(r.get("response_format") instanceof Map<?, ?>)) {
                throw unsupported("response_format is not an object; the gateway rejects such a request");
            }
            d.put("response_format", r.get("response_format"));
        }
        return d;
    }

    private static Map<String, Object> currentMessage(Object value, String at) {
        Map<?, ?> m = object(value, at);
        Object role = m.get("role");
        Map<String, Object> out = new LinkedHashMap<>();
        if ("user".equals(role)) {
            Object content = present(m, "content", at);
            if (!(content instanceof String)) {
                throw unsupported(at + ".content is " + (content == null ? "missing" : "not a string")
                        + ": the gateway hashes Python's str() of it, which Proofdesk does not reproduce");
            }
            out.put("role", "user");
            out.put("content", content);
        } else if ("system".equals(role)) {
            out.put("role", "system");
            out.put("content", present(m, "content", at));
        } else if ("assistant".equals(role)) {
            out.put("role", "assistant");
            Object content = m.get("content");
            out.put("content", truthy(content) ? content : "");
            Object calls = m.get("tool_calls");
            if (truthy(calls)) {
                out.put("tool_calls", assistantToolCalls(calls, at + ".tool_calls"));
            }
        } else if ("tool".equals(role)) {
            out.put("role", "tool");
            out.put("content", present(m, "content", at));
            out.put("tool_call_id", stringOrAbsent(m, "tool_call_id", at));
        } else if ("function".equals(role)) {
            out.put("role", "function");
            out.put("content", stringOrAbsent(m, "content", at));
            out.put("name", stringOrAbsent(m, "name", at));
        } else {
            throw unsupported(at + ".role is " + (role == null ? "missing" : "'" + role + "'")
                    + "; the gateway accepts user, system, assistant, tool and function, and rejects the request");
        }
        return out;
    }

    /** {@code ChatCompletionRequestAssistantMessage.from_dict}: id, type and function name/arguments, nothing else. */
    private static List<Object> assistantToolCalls(Object calls, String at) {
        if (!(calls instanceof List<?> list)) {
            throw unsupported(at + " is not a list; the gateway rejects such a request");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object tc = list.get(i);
            Map<String, Object> call = new LinkedHashMap<>();
            Map<?, ?> function = Map.of();
            if (tc instanceof Map<?, ?> t) {
                call.put("id", t.get("id"));
                call.put("type", t.get("type"));
                if (t.containsKey("function")) {
                    function = object(t.get("function"), at + "[" + i + "].function");
                }
            } else {
                call.put("id", null);
                call.put("type", null);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", function.get("name"));
            f.put("arguments", function.get("arguments"));
            call.put("function", f);
            out.add(call);
        }
        return out;
    }

    /** {@code completions_controller.create_completion}: model defaults apply only to fields the body leaves out. */
    static Map<String, Object> currentCompletion(Object request) {
        Map<?, ?> r = object(request, "the request");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", r.get("model"));
        d.put("prompt", r.get("prompt"));
        // CreateCompletionRequest defaults temperature to 1 and max_tokens to 16 when the body omits them
        Object temperature = r.containsKey("temperature") ? r.get("temperature") : 1;
        d.put("temperature", temperature == null ? 0.0 : pythonFloat(temperature, "temperature"));
        Object maxTokens = r.containsKey("max_tokens") ? r.get("max_tokens") : 16;
        if (maxTokens != null) {
            d.put("max_tokens", maxTokens);
        }
        if (truthy(r.get("stop"))) {
            d.put("stop", r.get("stop"));
        }
        return d;
    }

    /** Python's {@code float(v)} for the values JSON can hold. */
    static double pythonFloat(Object v, String field) {
        double d;
        if (v instanceof Boolean b) {
            d = b ? 1.0 : 0.0;
        } else if (v instanceof BigInteger big) {
            d = new BigDecimal(big).doubleValue();
        } else if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof String s && PY_FLOAT_TEXT.matcher(s).matches()) {
            d = Double.parseDouble(s.strip());
        } else {
            throw unsupported(field + " is " + describe(v) + ", which the gateway does not turn into a float");
        }
        if (Double.isInfinite(d) && !(v instanceof Double)) {
            throw unsupported(field + " is too large for a float; the gateway rejects it");
        }
        return d;
    }

    /** The value if the key is there; absent is None. Present and null makes the gateway's model setter raise. */
    private static Object present(Map<?, ?> m, String field, String at) {
        if (m.containsKey(field) && m.get(field) == null) {
            throw unsupported(at + "." + field + " is null; the gateway rejects such a message");
        }
        return m.get(field);
    }

    /** A str-typed model field: strings as they are, absent as None; anything else would be Python's str() of it. */
    private static Object stringOrAbsent(Map<?, ?> m, String field, String at) {
        Object v = present(m, field, at);
        if (v != null && !(v instanceof String)) {
            throw unsupported(at + "." + field + " is not a string: the gateway hashes Python's str() of it, which "
                    + "Proofdesk does not reproduce");
        }
        return v;
    }

    static String requiredString(Map<?, ?> m, String field, String at) {
        if (!(m.get(field) instanceof String s)) {
            throw unsupported(at + "." + field + " is " + (m.containsKey(field) ? "not a string" : "missing")
                    + "; the legacy gateway rejects it");
        }
        return s;
    }

    static String optionalString(Map<?, ?> m, String field, String at) {
        Object v = m.get(field);
        if (v != null && !(v instanceof String)) {
            throw unsupported(at + "." + field + " is not a string; the legacy gateway rejects it");
        }
        return (String) v;
    }

    static Map<?, ?> object(Object value, String at) {
        if (!(value instanceof Map<?, ?> m)) {
            throw unsupported(at + " is not a JSON object");
        }
        return m;
    }

    /** Python's truth value of a JSON value. */
    static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case BigInteger big -> big.signum() != 0;
            case Number n -> n.doubleValue() != 0;
            default -> true;
        };
    }

    private static String describe(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> "the text '" + GatewayJson.abbreviate(s) + "'";
            case List<?> l -> "a list";
            case Map<?, ?> m -> "an object";
            default -> v.toString();
        };
    }

    static GatewayUncheckableException unsupported(String what) {
        return new GatewayUncheckableException(what);
    }
}
