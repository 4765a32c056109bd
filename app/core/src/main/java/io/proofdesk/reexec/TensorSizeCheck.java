package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out the sizes of the tensors a model will make and refuses one above the per-tensor cap before ONNX Runtime
 * allocates it. ONNX Runtime's Java API offers no shape inference of intermediate values (its session metadata only
 * gives the graph's outputs, which {@link SessionCache} checks as well), so this is a small pass of its own over the
 * graph in node order: declared shapes (inputs, outputs, value_info), weights, Constant nodes, and
 * {@link ShapeRules} for the operators that make or grow tensors and those models compute shapes with. Subgraphs
 * (If, Loop, Scan bodies) are walked too. A size the pass cannot work out is left to {@link RunGuard}.
 *
 * <p>Built once per model file from its graph, keeping only names, shapes, attributes and small integer weights (not
 * the weights' bytes). {@link #checkDeclared} runs when the model is loaded; {@link #checkRun} before each run whose
 * input shapes or values the file leaves open.
 */
final class TensorSizeCheck {

    /** The parts of an attribute the shape rules read; tensors reduced to their {@link KnownValue}. */
    record Attr(long i, double f, long[] ints, double[] floats, KnownValue tensor) {
    }

    record Node(String op, String name, boolean standardDomain, List<String> inputs, List<String> outputs,
                Map<String, Attr> attrs, List<TensorSizeCheck> subgraphs) {
    }

    private final Map<String, KnownValue> constants;
    private final Map<String, KnownValue> declaredInputs;
    private final Map<String, KnownValue> declared;
    private final List<Node> nodes;
    private final boolean inputsMatter;

    private TensorSizeCheck(Map<String, KnownValue> constants, Map<String, KnownValue> declaredInputs,
                            Map<String, KnownValue> declared, List<Node> nodes) {
        this.constants = constants;
        this.declaredInputs = declaredInputs;
        this.declared = declared;
        this.nodes = nodes;
        // a run can tell more than the file only if an input's shape is open, or its values may feed a shape
        this.inputsMatter = declaredInputs.values().stream().anyMatch(v -> !v.fullyKnown() || isInteger(v.type()));
    }

    static TensorSizeCheck of(OnnxMl.GraphProto g) {
        Map<String, KnownValue> constants = new HashMap<>();
        for (OnnxMl.TensorProto t : g.getInitializerList()) {
            constants.put(t.getName(), known(t));
        }
        Map<String, KnownValue> inputs = new LinkedHashMap<>();
        for (OnnxMl.ValueInfoProto v : g.getInputList()) {
            if (!constants.containsKey(v.getName())) {
                inputs.put(v.getName(), declared(v));
            }
        }
        Map<String, KnownValue> declared = new HashMap<>();
        for (OnnxMl.ValueInfoProto v : g.getValueInfoList()) {
            declared.put(v.getName(), declared(v));
        }
        for (OnnxMl.ValueInfoProto v : g.getOutputList()) {
            declared.put(v.getName(), declared(v));
        }
        List<Node> nodes = new ArrayList<>(g.getNodeCount());
        for (OnnxMl.NodeProto n : g.getNodeList()) {
            Map<String, Attr> attrs = new HashMap<>();
            List<TensorSizeCheck> subgraphs = new ArrayList<>();
            for (OnnxMl.AttributeProto a : n.getAttributeList()) {
                attrs.put(a.getName(), new Attr(a.getI(), a.getF(),
                        a.getIntsCount() == 0 ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray(),
                        a.getFloatsCount() == 0 ? null : a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray(),
                        a.hasT() ? known(a.getT()) : null));
                if (a.hasG()) {
                    subgraphs.add(of(a.getG()));
                }
                a.getGraphsList().forEach(sub -> subgraphs.add(of(sub)));
            }
            String domain = n.getDomain();
            nodes.add(new Node(n.getOpType(), n.getName(), domain.isEmpty() || domain.equals("ai.onnx"),
                    List.copyOf(n.getInputList()), List.copyOf(n.getOutputList()), attrs, subgraphs));
        }
        return new TensorSizeCheck(constants, inputs, declared, nodes);
    }

    /** Whether {@link #checkRun} can learn more than {@link #checkDeclared} did. */
    boolean inputsMatter() {
        return inputsMatter;
    }

    /** The check with the inputs as the file declares them (open dimensions unknown). */
    void checkDeclared(String sha, long maxTensorBytes) {
        walk(sha, maxTensorBytes, new HashMap<>(declaredInputs), "");
    }

    /** The check with the shapes, and the values of small numeric inputs, of one run. */
    void checkRun(String sha, long maxTensorBytes, Map<String, Tensor> inputs) {
        walk(sha, maxTensorBytes, runInputs(inputs), " with the inputs given");
    }

    /** What the pass knows of every value, with these inputs (null: as declared), refusing nothing. */
    Map<String, KnownValue> values(Map<String, Tensor> inputs) {
        return walk("", Double.POSITIVE_INFINITY, inputs == null ? new HashMap<>(declaredInputs) : runInputs(inputs), "");
    }

    private Map<String, KnownValue> runInputs(Map<String, Tensor> inputs) {
        Map<String, KnownValue> env = new HashMap<>(declaredInputs);
        for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
            Tensor t = e.getValue();
            double[] data = t.type() != DType.STRING && t.size() <= KnownValue.MAX_DATA ? t.toDoubles() : null;
            env.put(e.getKey(), new KnownValue(t.type().onnxCode(), t.shape().clone(), data));
        }
        return env;
    }

    private Map<String, KnownValue> walk(String sha, double cap, Map<String, KnownValue> env, String when) {
        env.putAll(constants);
        for (Node n : nodes) {
            for (TensorSizeCheck sub : n.subgraphs()) {
                sub.walk(sha, cap, new HashMap<>(env), when);
            }
            KnownValue out = apply(n, env);
            for (int i = 0; i < n.outputs().size(); i++) {
                String name = n.outputs().get(i);
                if (name.isEmpty()) {
                    continue;
                }
                KnownValue v = i == 0 ? out : KnownValue.UNKNOWN;
                KnownValue d = declared.get(name);
                if (!v.fullyKnown() && d != null && d.fullyKnown()) {
                    v = new KnownValue(v.type() != 0 ? v.type() : d.type(), d.dims(), null);
                } else if (v.type() == 0 && d != null) {
                    v = v.withType(d.type());
                }
                env.put(name, v);
                refuseIfTooLarge(sha, cap, v, "node '" + label(n) + "' (" + n.op() + ") would make '" + name + "'"
                        + when);
            }
        }
        for (Map.Entry<String, KnownValue> d : declared.entrySet()) {
            if (!env.containsKey(d.getKey())) {
                refuseIfTooLarge(sha, cap, d.getValue(), "the model declares '" + d.getKey() + "'");
            }
        }
        return env;
    }

    /**
     * The rule's result; UNKNOWN where the graph is malformed in a way the rule did not expect (ONNX Runtime refuses
     * such a graph itself): the pass may only ever refuse a size it worked out, never fail on its own account.
     */
    private static KnownValue apply(Node n, Map<String, KnownValue> env) {
        if (!n.standardDomain()) {
            return KnownValue.UNKNOWN;
        }
        try {
            return ShapeRules.apply(n.op(), context(n, env));
        } catch (RuntimeException e) {
            return KnownValue.UNKNOWN;
        }
    }

    private static ShapeRules.Context context(Node n, Map<String, KnownValue> env) {
        return new ShapeRules.Context() {
            @Override
            public KnownValue in(int i) {
                if (i >= n.inputs().size() || n.inputs().get(i).isEmpty()) {
                    return KnownValue.UNKNOWN;
                }
                return env.getOrDefault(n.inputs().get(i), KnownValue.UNKNOWN);
            }

            @Override
            public int inputCount() {
                return n.inputs().size();
            }

            @Override
            public Attr attr(String name) {
                return n.attrs().get(name);
            }
        };
    }

    static void refuseIfTooLarge(String sha, double cap, KnownValue v, String what) {
        if (v.fullyKnown() && v.bytes() > cap) {
            throw new ModelTooLargeException(sha, what + " as " + v + ", " + sizeText(v) + ", above the limit of "
                    + ModelLimits.bytesText(cap) + " per tensor");
        }
    }

    static String sizeText(KnownValue v) {
        return String.format(java.util.Locale.ROOT, "%.3g elements (%s)", v.elements(), ModelLimits.bytesText(v.bytes()));
    }

    private static String label(Node n) {
        return n.name().isEmpty() ? "#" + n.outputs() : n.name();
    }

    private static KnownValue declared(OnnxMl.ValueInfoProto v) {
        if (!v.getType().hasTensorType()) {
            return KnownValue.UNKNOWN;
        }
        OnnxMl.TypeProto.Tensor t = v.getType().getTensorType();
        if (!t.hasShape()) {
            return KnownValue.shape(t.getElemType(), null);
        }
        long[] dims = new long[t.getShape().getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            OnnxMl.TensorShapeProto.Dimension d = t.getShape().getDim(i);
            dims[i] = d.hasDimValue() && d.getDimValue() >= 0 ? d.getDimValue() : -1;
        }
        return KnownValue.shape(t.getElemType(), dims);
    }

    /** A weight or attribute tensor: its shape, and its elements when it is small and numeric. */
    static KnownValue known(OnnxMl.TensorProto t) {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        KnownValue shape = KnownValue.shape(t.getDataType(), dims);
        if (!shape.fullyKnown() || shape.elements() > KnownValue.MAX_DATA) {
            return shape;
        }
        int n = (int) shape.elements();
        double[] data = new double[n];
        int type = t.getDataType();
        if (!t.getRawData().isEmpty()) {
            int width = KnownValue.width(type);
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            if (width == 0 || b.remaining() != (long) n * width) {
                return shape;
            }
            for (int i = 0; i < n; i++) {
                switch (type) {
                    case 1 -> data[i] = b.getFloat();
                    case 11 -> data[i] = b.getDouble();
                    case 7, 13 -> data[i] = b.getLong();
                    case 6, 12 -> data[i] = b.getInt();
                    case 5, 4 -> data[i] = b.getShort();
                    case 3, 2, 9 -> data[i] = b.get();
                    default -> {
                        return shape;
                    }
                }
            }
        } else if (t.getInt64DataCount() == n) {
            for (int i = 0; i < n; i++) {
                data[i] = t.getInt64Data(i);
            }
        } else if (t.getInt32DataCount() == n && type != 10 && type != 16) {
            for (int i = 0; i < n; i++) {
                data[i] = t.getInt32Data(i);
            }
        } else if (t.getFloatDataCount() == n) {
            for (int i = 0; i < n; i++) {
                data[i] = t.getFloatData(i);
            }
        } else if (t.getDoubleDataCount() == n) {
            for (int i = 0; i < n; i++) {
                data[i] = t.getDoubleData(i);
            }
        } else {
            return shape;
        }
        return new KnownValue(type, dims, data);
    }

    private static boolean isInteger(int type) {
        return Set.of(2, 3, 4, 5, 6, 7, 12, 13).contains(type);
    }
}
