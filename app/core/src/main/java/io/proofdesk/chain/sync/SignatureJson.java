package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.domain.DType;
import io.proofdesk.reexec.Dim;
import io.proofdesk.reexec.TensorSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The form in which the sync stores a model file's declared inputs/outputs ({@code model_files.input_signature} /
 * {@code output_signature}): {@code [{"name": "x", "type": "FLOAT", "shape": [1, "batch", null]}]} — a fixed
 * dimension is a number, a symbolic one its name, an unknown one null; {@code "shape": null} when the rank is not
 * declared.
 */
public final class SignatureJson {

    private final ObjectMapper json = new ObjectMapper();

    public String write(List<TensorSpec> specs) {
        ArrayNode root = json.createArrayNode();
        for (TensorSpec s : specs) {
            ObjectNode o = root.addObject();
            o.put("name", s.name());
            o.put("type", s.type().name());
            if (!s.hasRank()) {
                o.putNull("shape");
                continue;
            }
            ArrayNode shape = o.putArray("shape");
            for (Dim d : s.shape()) {
                switch (d) {
                    case Dim.Fixed f -> shape.add(f.size());
                    case Dim.Symbolic sym -> shape.add(sym.symbol());
                    case Dim.Unknown u -> shape.addNull();
                }
            }
        }
        return root.toString();
    }

    public List<TensorSpec> read(String text) {
        try {
            JsonNode root = json.readTree(text);
            List<TensorSpec> out = new ArrayList<>();
            for (JsonNode o : root) {
                List<Dim> shape = null;
                if (o.path("shape").isArray()) {
                    shape = new ArrayList<>();
                    for (JsonNode d : o.get("shape")) {
                        shape.add(d.isNumber() ? new Dim.Fixed(d.asLong()) : d.isTextual() ? new Dim.Symbolic(d.asText())
                                : new Dim.Unknown());
                    }
                }
                out.add(new TensorSpec(o.path("name").asText(), DType.valueOf(o.path("type").asText()), shape));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a stored model signature: " + e.getMessage(), e);
        }
    }
}
