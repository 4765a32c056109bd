package io.proofdesk.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.domain.JsonTensor;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.TensorValues;

import java.util.Arrays;
import java.util.List;

/**
 * A record's tensors as {@code proofdesk inference --json} prints them: {name, type, shape, values}, numbers as exact
 * decimal strings, string tensors as strings, and a ModelOutput's {@code jsons} document (type {@code JSON}) as the
 * parsed JSON value; a document that does not parse is printed as its text with a {@code note} saying so.
 */
final class TensorJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TensorJson() {
    }

    static void write(ArrayNode into, List<Tensor> tensors) {
        for (Tensor t : tensors) {
            ObjectNode o = into.addObject();
            boolean json = JsonTensor.isJson(t);
            o.put("name", JsonTensor.nameOf(t));
            o.put("type", json ? "JSON" : t.type().name());
            ArrayNode shape = o.putArray("shape");
            Arrays.stream(t.shape()).forEach(shape::add);
            ArrayNode values = o.putArray("values");
            if (!json) {
                TensorValues.decimals(t).forEach(values::add);
                continue;
            }
            String document = JsonTensor.documentOf(t);
            try {
                JsonNode parsed = JSON.readTree(document);
                if (parsed == null || parsed.isMissingNode()) {
                    throw new IllegalArgumentException("it is empty");
                }
                values.add(parsed);
            } catch (JacksonException | IllegalArgumentException e) {
                values.add(document);
                o.put("note", "not valid JSON (" + (e instanceof JacksonException j ? j.getOriginalMessage()
                        : e.getMessage()) + "); printed as the text stored");
            }
        }
    }
}
