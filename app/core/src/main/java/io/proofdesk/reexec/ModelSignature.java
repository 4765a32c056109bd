package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inputs a model needs and the outputs it gives, read from the ONNX graph. Graph inputs that have an
 * initializer are weights a caller may override, not inputs, and are left out.
 */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public static ModelSignature of(OnnxMl.GraphProto graph) {
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        graph.getSparseInitializerList().forEach(t -> initializers.add(t.getValues().getName()));
        List<TensorSpec> inputs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto v : graph.getInputList()) {
            if (!initializers.contains(v.getName())) {
                inputs.add(spec(v));
            }
        }
        List<TensorSpec> outputs = graph.getOutputList().stream().map(ModelSignature::spec).toList();
        return new ModelSignature(inputs, outputs);
    }

    private static TensorSpec spec(OnnxMl.ValueInfoProto v) {
        if (!v.getType().hasTensorType()) {
            throw new UnsupportedTensorTypeException(v.getName(),
                    "a " + v.getType().getValueCase().name().toLowerCase().replace('_', ' ') + " value");
        }
        OnnxMl.TypeProto.Tensor t = v.getType().getTensorType();
        DType type;
        try {
            type = DType.fromOnnxCode(t.getElemType());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedTensorTypeException(v.getName(), "ONNX element type " + t.getElemType());
        }
        if (!t.hasShape()) {
            return new TensorSpec(v.getName(), type, null);
        }
        List<Dim> dims = new ArrayList<>();
        for (OnnxMl.TensorShapeProto.Dimension d : t.getShape().getDimList()) {
            dims.add(switch (d.getValueCase()) {
                case DIM_VALUE -> Dim.of(d.getDimValue());
                case DIM_PARAM -> d.getDimParam().isEmpty() ? new Dim.Unknown() : Dim.of(d.getDimParam());
                case VALUE_NOT_SET -> new Dim.Unknown();
            });
        }
        return new TensorSpec(v.getName(), type, dims);
    }

    public Optional<TensorSpec> input(String name) {
        return named(inputs, name);
    }

    public Optional<TensorSpec> output(String name) {
        return named(outputs, name);
    }

    private static Optional<TensorSpec> named(List<TensorSpec> specs, String name) {
        for (TensorSpec s : specs) {  // a loop, not a stream: asked per tensor per re-execution
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks names, element types, ranks, fixed sizes, and that a symbol ("batch") has one size across all
     * inputs. Throws {@link InputMismatchException} listing every problem.
     */
    public void checkInputs(Map<String, Tensor> given) {
        // built only when needed: this runs once per re-execution, and almost always finds nothing
        List<String> problems = null;
        Map<String, Long> symbols = null;  // symbol -> size, made at the first symbolic dimension
        Map<String, String> symbolSource = null;
        int matched = 0;
        for (TensorSpec spec : inputs) {
            Tensor t = given.get(spec.name());
            if (t != null) {
                matched++;
            }
            if (t == null) {
                problems = add(problems, "missing input '" + spec.name() + "' (" + spec.type() + spec.shapeText() + ")");
                continue;
            }
            if (t.type() != spec.type()) {
                problems = add(problems, "input '" + spec.name() + "' is " + t.type() + ", the model expects " + spec.type());
            }
            long[] shape = t.shape();
            String shapeProblem = spec.shapeProblem(shape);
            if (shapeProblem != null) {
                problems = add(problems, "input '" + spec.name() + "': " + shapeProblem);
                continue;
            }
            if (spec.hasRank()) {
                for (int i = 0; i < shape.length; i++) {
                    if (spec.shape().get(i) instanceof Dim.Symbolic(String symbol)) {
                        if (symbols == null) {
                            symbols = new HashMap<>();
                            symbolSource = new HashMap<>();
                        }
                        Long seen = symbols.putIfAbsent(symbol, shape[i]);
                        symbolSource.putIfAbsent(symbol, spec.name());
                        if (seen != null && seen != shape[i]) {
                            problems = add(problems, "input '" + spec.name() + "': dimension '" + symbol + "' is " + shape[i]
                                    + " here but " + seen + " in input '" + symbolSource.get(symbol) + "'");
                        }
                    }
                }
            }
        }
        Set<String> extra = given.size() > matched ? new TreeSet<>(given.keySet()) : Set.of();
        if (!extra.isEmpty()) {
            inputs.forEach(spec -> extra.remove(spec.name()));
        }
        for (String name : extra) {
            problems = add(problems, "unexpected input '" + name + "' (the model takes "
                    + Arrays.toString(inputs.stream().map(TensorSpec::name).toArray()) + ")");
        }
        if (problems != null) {
            throw new InputMismatchException(problems);
        }
    }

    private static List<String> add(List<String> problems, String problem) {
        List<String> list = problems == null ? new ArrayList<>() : problems;
        list.add(problem);
        return list;
    }
}
