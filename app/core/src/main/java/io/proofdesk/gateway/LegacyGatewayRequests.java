package io.proofdesk.gateway;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.proofdesk.gateway.GatewayRequests.object;
import static io.proofdesk.gateway.GatewayRequests.optionalString;
import static io.proofdesk.gateway.GatewayRequests.pythonFloat;
import static io.proofdesk.gateway.GatewayRequests.requiredString;
import static io.proofdesk.gateway.GatewayRequests.unsupported;

/**
 * Requests as the Dec 2025 gateway ({@code server.py}) rebuilt them before hashing: the pydantic model's
 * {@code dict()} (pydantic 2.9, lax mode) — {@code ChatRequest}: model, messages of {role, content, tool_calls,
 * tool_call_id, name}, max_tokens=100, temperature=0.0, stop, tools of {type, function}, tool_choice="auto";
 * {@code CompletionRequest}: model, prompt, max_tokens=100, temperature=0.0, stop. From 2025-12-29 ({@code 7d9ddba})
 * max_tokens defaults to None, so a request without it has two legacy forms. A request the model would reject is
 * {@link GatewayUncheckableException} naming the field.
 */
final class LegacyGatewayRequests {

    private LegacyGatewayRequests() {
    }

    /** The max_tokens of legacy requests that leave it out: 100 until 2025-12-29, None after. */
    static final List<Integer> LEGACY_MAX_TOKENS_DEFAULTS = Arrays.asList(100, null);

    /** {@code ChatRequest(**body).dict()} of the Dec 16, 2025 {@code server.py} (pydantic 2.9, lax mode). */
    static Map<String, Object> legacyChat(Object request) {
        return legacyChat(request, 100);
    }

    /** As {@link #legacyChat(Object)}, with the build's max_tokens default (100, or null for None). */
    static Map<String, Object> legacyChat(Object request, Integer maxTokensDefault) {
        Map<?, ?> r = object(request, "the request");
        Object given = r.get("messages");
        if (!(given instanceof List<?> list)) {
            throw unsupported("messages is " + (given == null ? "missing" : "not a list")
                    + "; the legacy gateway rejects such a request");
        }
        List<Object> messages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "messages[" + i + "]";
            Map<?, ?> m = object(list.get(i), at);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("role", requiredString(m, "role", at));
            out.put("content", requiredString(m, "content", at));
            Object calls = m.get("tool_calls");
            if (calls != null && !(calls instanceof List<?> l && l.stream().allMatch(c -> c instanceof Map<?, ?>))) {
                throw unsupported(at + ".tool_calls is not a list of objects; the legacy gateway rejects it");
            }
            out.put("tool_calls", calls);
            out.put("tool_call_id", optionalString(m, "tool_call_id", at));
            out.put("name", optionalString(m, "name", at));
            messages.add(out);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", requiredString(r, "model", "the request"));
        d.put("messages", messages);
        d.put("max_tokens", legacyInt(r, "max_tokens", maxTokensDefault));
        d.put("temperature", r.containsKey("temperature") ? legacyFloat(r.get("temperature")) : 0.0);
        d.put("stop", legacyStop(r));
        d.put("tools", legacyTools(r.get("tools")));
        d.put("tool_choice", r.containsKey("tool_choice") ? optionalString(r, "tool_choice", "the request") : "auto");
        return d;
    }

    /** {@code CompletionRequest(**body).dict()} of the Dec 16, 2025 {@code server.py}. */
    static Map<String, Object> legacyCompletion(Object request) {
        return legacyCompletion(request, 100);
    }

    static Map<String, Object> legacyCompletion(Object request, Integer maxTokensDefault) {
        Map<?, ?> r = object(request, "the request");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", requiredString(r, "model", "the request"));
        d.put("prompt", requiredString(r, "prompt", "the request"));
        d.put("max_tokens", legacyInt(r, "max_tokens", maxTokensDefault));
        d.put("temperature", r.containsKey("temperature") ? legacyFloat(r.get("temperature")) : 0.0);
        d.put("stop", legacyStop(r));
        return d;
    }

    private static List<Object> legacyTools(Object tools) {
        if (tools == null) {
            return null;
        }
        if (!(tools instanceof List<?> list)) {
            throw unsupported("tools is not a list; the legacy gateway rejects such a request");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> t = object(list.get(i), "tools[" + i + "]");
            if (!(t.get("function") instanceof Map<?, ?>)) {
                throw unsupported("tools[" + i + "].function is not an object; the legacy gateway rejects it");
            }
            Map<String, Object> tool = new LinkedHashMap<>();
            tool.put("type", t.containsKey("type") ? requiredString(t, "type", "tools[" + i + "]") : "function");
            tool.put("function", t.get("function"));
            out.add(tool);
        }
        return out;
    }

    private static Object legacyStop(Map<?, ?> r) {
        Object stop = r.get("stop");
        if (stop != null && !(stop instanceof List<?> l && l.stream().allMatch(s -> s instanceof String))) {
            throw unsupported("stop is not a list of strings; the legacy gateway rejects it");
        }
        return stop;
    }

    private static Object legacyInt(Map<?, ?> r, String field, Integer fallback) {
        if (!r.containsKey(field)) {
            return fallback;
        }
        Object v = r.get(field);
        if (v == null && fallback == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return new BigDecimal(d).toBigIntegerExact();
        }
        throw unsupported(field + " is not a whole number; the legacy gateway rejects it");
    }

    private static double legacyFloat(Object v) {
        if (v instanceof Number || v instanceof String) {
            return pythonFloat(v, "temperature");
        }
        throw unsupported("temperature is not a number; the legacy gateway rejects it");
    }
}
