package io.proofdesk.devnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.proofdesk.devnet.http.HttpError;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.ModelInputsCodec;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.OutputTensorJson;
import io.proofdesk.node.wire.StringTensorJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.ModelSignature;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.ReexecException;
import io.proofdesk.reexec.TensorSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ONNX node does with {@code model_inputs}: decode the fixed-point tensors to the model's declared input
 * types, run ONNX Runtime, and write the outputs in the node's {@code output} shape. Bad inputs become 400s.
 */
public final class InferenceRunner {

    private final ReexecEngine engine;
    private final FixedPointCodec codec = new FixedPointCodec();
    private final ObjectMapper json = new ObjectMapper();

    public InferenceRunner(ReexecEngine engine) {
        this.engine = engine;
    }

    public List<OutputTensorJson> run(byte[] model, String modelInputs) {
        ModelInputsJson in;
        try {
            in = json.readValue(modelInputs, ModelInputsJson.class);
        } catch (Exception e) {
            throw HttpError.badRequest("model_inputs is not the expected JSON document: " + firstLine(e.getMessage()));
        }
        try {
            ModelSignature signature = engine.describe(model).signature();
            Map<String, Tensor> inputs = new LinkedHashMap<>();
            for (NumberTensorJson n : in.numbers()) {
                TensorSpec spec = signature.input(n.name())
                        .orElseThrow(() -> HttpError.badRequest("the model has no input named '" + n.name() + "'"));
                inputs.put(n.name(), codec.decode(ModelInputsCodec.fromJson(n), spec));
            }
            for (StringTensorJson s : in.strings()) {
                long[] shape = s.shape() == null ? new long[] {s.values().size()} : toLongs(s.shape());
                inputs.put(s.name(), Tensor.ofStrings(s.name(), shape, s.values()));
            }
            return engine.run(model, inputs).stream().map(InferenceRunner::toJson).toList();
        } catch (ReexecException | IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static long[] toLongs(List<Long> shape) {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }

    static OutputTensorJson toJson(Tensor t) {
        List<Long> shape = new ArrayList<>();
        for (long d : t.shape()) {
            shape.add(d);
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        switch (t.type()) {
            case STRING -> t.strings().forEach(result::add);
            case FLOAT -> {
                for (float f : t.toFloats()) {
                    result.add(f);
                }
            }
            case DOUBLE, FLOAT16, BFLOAT16 -> {
                for (double d : t.toDoubles()) {
                    result.add(d);
                }
            }
            default -> {
                for (double d : t.toDoubles()) {
                    result.add((long) d);
                }
            }
        }
        return new OutputTensorJson(t.name(), shape, (JsonNode) result, t.type() == io.proofdesk.domain.DType.STRING ? "string" : "number");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
