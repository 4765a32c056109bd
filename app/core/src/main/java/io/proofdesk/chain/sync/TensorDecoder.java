package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.StringTensorJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.TensorSpec;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a record states (fixed-point tensors from calldata, logs or a blob's {@code model_inputs}; JSON outputs of
 * a blob) into {@link Tensor}s: inputs in the element types the model declares (as the network's node converts them),
 * on-chain outputs as float64 (or the model's integer type) plus their exact {@link FixedPointClaims companions}, blob
 * outputs as float64. Anything malformed is a {@link RecordProblem} naming the tensor.
 */
final class TensorDecoder {

    /** Caps what one record may declare, so a hostile shape cannot make the sync allocate without bound. */
    static final int MAX_ELEMENTS = 16 << 20;

    private final FixedPointCodec codec = new FixedPointCodec();
    private final ObjectMapper json = new ObjectMapper();
    private final ModelInputsReader plainModelInputs = new ModelInputsReader(json.getFactory());

    List<Tensor> inputs(List<FixedPointTensor> numbers, List<NamedStrings> strings, List<TensorSpec> declared)
            throws RecordProblem {
        List<Tensor> out = new ArrayList<>();
        for (FixedPointTensor t : numbers) {
            Optional<TensorSpec> spec = declared.stream().filter(s -> s.name().equals(t.name())).findFirst();
            if (spec.isEmpty()) {
                throw new RecordProblem("input '" + t.name() + "' is not an input of the model");
            }
            out.add(decode(t, spec.get().type(), "input"));
        }
        for (NamedStrings s : strings) {
            out.add(strings(s, "input"));
        }
        return out;
    }

    List<Tensor> claimedOutputs(List<FixedPointTensor> numbers, List<NamedStrings> strings, List<TensorSpec> declared)
            throws RecordProblem {
        List<Tensor> out = new ArrayList<>();
        for (FixedPointTensor t : numbers) {
            DType type = DType.DOUBLE;
            if (declared != null) {
                Optional<TensorSpec> spec = declared.stream().filter(s -> s.name().equals(t.name())).findFirst();
                if (spec.isPresent() && !spec.get().type().isFloatingPoint() && spec.get().type() != DType.STRING) {
                    type = spec.get().type();
                }
            }
            out.add(decode(t, type, "output"));
            out.add(FixedPointClaims.companion(t));
        }
        for (NamedStrings s : strings) {
            out.add(strings(s, "output"));
        }
        return out;
    }

    /** {@code model_inputs} of a blob's request: a JSON string of {@link ModelInputsJson}. */
    List<Tensor> blobInputs(String modelInputs, List<TensorSpec> declared) throws RecordProblem {
        ModelInputsJson parsed = plainModelInputs.read(modelInputs);
        if (parsed == null) {
            try {
                parsed = json.readValue(modelInputs, ModelInputsJson.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new RecordProblem("the blob's model_inputs is not the inputs JSON", e);
            }
        }
        if (parsed == null) {
            throw new RecordProblem("the blob's model_inputs is empty");
        }
        List<FixedPointTensor> numbers = new ArrayList<>();
        for (NumberTensorJson n : parsed.numbers()) {
            if (n == null || n.name() == null || n.values() == null || n.shape() == null) {
                throw new RecordProblem("a numeric input of the blob lacks its name, values or shape");
            }
            List<FixedPointNumber> values = new ArrayList<>(n.values().size());
            for (FixedPointValue v : n.values()) {
                if (v == null || v.value() == null || v.decimals() == null) {
                    throw new RecordProblem("input '" + n.name() + "' has a value without value/decimals");
                }
                try {
                    values.add(new FixedPointNumber(v.value(), v.decimals()));
                } catch (IllegalArgumentException e) {
                    throw new RecordProblem("input '" + n.name() + "'", e);
                }
            }
            numbers.add(new FixedPointTensor(n.name(), values, longs(n.shape(), n.name())));
        }
        List<NamedStrings> strings = new ArrayList<>();
        for (StringTensorJson s : parsed.strings()) {
            if (s == null || s.name() == null || s.values() == null) {
                throw new RecordProblem("a string input of the blob lacks its name or values");
            }
            strings.add(new NamedStrings(s.name(), s.values(), s.shape() == null ? null : longs(s.shape(), s.name())));
        }
        return inputs(numbers, strings, declared);
    }

    /** A blob's {@code output} array of {@code {name, shape, result, type}}. */
    List<Tensor> blobOutputs(JsonNode output) throws RecordProblem {
        if (output == null || !output.isArray()) {
            throw new RecordProblem("the blob's output is not an array");
        }
        List<Tensor> out = new ArrayList<>();
        for (JsonNode o : output) {
            String name = o.path("name").isTextual() ? o.path("name").asText() : null;
            JsonNode shapeNode = o.path("shape");
            JsonNode result = o.path("result");
            if (name == null || !shapeNode.isArray() || !result.isArray()) {
                throw new RecordProblem("an output of the blob lacks its name, shape or result");
            }
            long[] shape = new long[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!shapeNode.get(i).canConvertToLong()) {
                    throw new RecordProblem("output '" + name + "' has a shape that is not whole numbers");
                }
                shape[i] = shapeNode.get(i).asLong();
            }
            checkCount(name, shape, result.size());
            if ("string".equals(o.path("type").asText())) {
                List<String> values = new ArrayList<>();
                result.forEach(v -> values.add(v.asText()));
                out.add(Tensor.ofStrings(name, shape, values));
            } else {
                double[] values = new double[result.size()];
                for (int i = 0; i < values.length; i++) {
                    if (!result.get(i).isNumber()) {
                        throw new RecordProblem("output '" + name + "' has a non-number at " + i);
                    }
                    values[i] = result.get(i).asDouble();
                }
                out.add(Tensor.ofDoubles(name, shape, values));
            }
        }
        return out;
    }

    private Tensor decode(FixedPointTensor t, DType type, String role) throws RecordProblem {
        checkCount(t.name(), t.shape(), t.values().size());
        try {
            // a claim may state more decimals than a node accepts on input (OpenGradient's 2024 devnet: 22)
            return role.equals("output") ? codec.decodeClaim(t, type) : codec.decode(t, type);
        } catch (RuntimeException e) {
            throw new RecordProblem(role + " '" + t.name() + "' cannot be read as " + type, e);
        }
    }

    private Tensor strings(NamedStrings s, String role) throws RecordProblem {
        if (s.json()) {
            return io.proofdesk.domain.JsonTensor.of(s.name(), s.values().getFirst());
        }
        long[] shape = s.shape() == null ? new long[] {s.values().size()} : s.shape();
        checkCount(s.name(), shape, s.values().size());
        return Tensor.ofStrings(s.name(), shape, s.values());
    }

    private static void checkCount(String name, long[] shape, int count) throws RecordProblem {
        long n;
        try {
            n = Tensor.elementCount(shape);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RecordProblem("tensor '" + name + "' has an impossible shape", e);
        }
        if (n != count || n > MAX_ELEMENTS) {
            throw new RecordProblem("tensor '" + name + "': its shape holds " + n + " elements but " + count
                    + " values were given" + (n > MAX_ELEMENTS ? " (limit " + MAX_ELEMENTS + ")" : ""));
        }
    }

    static long[] shapeOf(List<BigInteger> shape, String name) throws RecordProblem {
        long[] out = new long[shape.size()];
        for (int i = 0; i < out.length; i++) {
            BigInteger d = shape.get(i);
            if (d.signum() < 0 || d.bitLength() > 31) {
                throw new RecordProblem("tensor '" + name + "' has dimension " + d + ", not a size");
            }
            out[i] = d.longValue();
        }
        return out;
    }

    private static long[] longs(List<Long> shape, String name) throws RecordProblem {
        long[] out = new long[shape.size()];
        for (int i = 0; i < out.length; i++) {
            if (shape.get(i) == null) {
                throw new RecordProblem("tensor '" + name + "' has a null dimension");
            }
            out[i] = shape.get(i);
        }
        return out;
    }
}
