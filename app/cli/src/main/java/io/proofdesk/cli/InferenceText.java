package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code proofdesk inference ID} for people: the same fields as its --json, one per line, tensors as lists. */
final class InferenceText {

    /** Elements printed per tensor before "... (N more)"; --json prints them all. */
    static final int MAX_VALUES = 32;

    private InferenceText() {
    }

    static void print(PrintWriter out, JsonNode r) {
        line(out, "id", r.get("id"));
        line(out, "mode", r.get("mode"));
        String name = r.get("modelName").isNull() ? "" : r.get("modelName").asText() + " "
                + (r.get("modelVersion").isNull() ? "" : r.get("modelVersion").asText()) + " ";
        out.printf("%-12s %s%s%n", "model", name, r.get("model").isNull() ? "-" : "(" + r.get("model").asText() + ")");
        line(out, "tee", r.get("tee"));
        line(out, "node", r.get("node"));
        out.printf("%-12s %s log %s%s%n", "transaction", r.get("txHash").asText(), r.get("logIndex").asText(),
                r.get("leafIndex").isNull() ? "" : " leaf " + r.get("leafIndex").asText());
        line(out, "block", r.get("block"));
        line(out, "time", r.get("timestamp"));
        JsonNode s = r.get("settlement");
        line(out, "settlement", s.get("kind"));
        for (String key : List.of("inputHash", "outputHash", "blobId", "merkleRoot", "ethAddress")) {
            if (!s.get(key).isNull()) {
                out.printf("  %-10s %s%n", key, s.get(key).asText());
            }
        }
        out.printf("%-12s %s%n", "verdict", r.get("verdict").isNull() ? "not verified yet" : r.get("verdict").asText()
                + (r.get("checkedAt").isNull() ? "" : " (checked " + r.get("checkedAt").asText() + ")"));
        out.printf("%-12s %s - %s%n", "evidence", r.get("evidence").asText(), r.get("evidenceDetail").asText());
        for (JsonNode c : r.get("checks")) {
            out.printf("  %-14s %-15s %s%n", c.get("status").asText(), c.get("name").asText(),
                    c.get("reason").isNull() ? "" : c.get("reason").asText());
        }
        if (!r.get("syncNote").isNull()) {
            line(out, "sync note", r.get("syncNote"));
        }
        if (r.hasNonNull("chat")) {
            // an LLM record: its request and answer are text, printed whole rather than as tensors
            out.printf("%-12s %s%n", "request", r.get("chat").get("request").asText());
            out.printf("%-12s %s%n", "response", r.get("chat").get("response").asText());
            return;
        }
        tensors(out, "input", r.get("inputs"));
        tensors(out, "output", r.get("outputs"));
    }

    private static void tensors(PrintWriter out, String label, JsonNode all) {
        if (all.isEmpty()) {
            out.printf("%-12s %s%n", label + "s", "none stored");
        }
        for (JsonNode t : all) {
            List<String> shape = new ArrayList<>();
            t.get("shape").forEach(d -> shape.add(d.asText()));
            List<String> values = new ArrayList<>();
            JsonNode v = t.get("values");
            for (int i = 0; i < Math.min(v.size(), MAX_VALUES); i++) {
                values.add(v.get(i).isValueNode() ? v.get(i).asText() : v.get(i).toString());
            }
            String more = v.size() > MAX_VALUES ? ", ... (" + (v.size() - MAX_VALUES) + " more)" : "";
            out.printf("%-12s %s %s [%s] = [%s%s]%n", label, t.get("name").asText(), t.get("type").asText(),
                    String.join(", ", shape), String.join(", ", values), more);
        }
    }

    private static void line(PrintWriter out, String key, JsonNode value) {
        out.printf("%-12s %s%n", key, value == null || value.isNull() ? "-" : value.asText());
    }
}
