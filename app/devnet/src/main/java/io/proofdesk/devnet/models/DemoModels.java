package io.proofdesk.devnet.models;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import io.proofdesk.reexec.ModelSignature;

import java.util.List;
import java.util.Map;

import static io.proofdesk.devnet.models.OnnxGraphBuilder.DOUBLE;
import static io.proofdesk.devnet.models.OnnxGraphBuilder.FLOAT;
import static io.proofdesk.devnet.models.OnnxGraphBuilder.intAttr;
import static io.proofdesk.devnet.models.OnnxGraphBuilder.intsAttr;

/** The architectures of the demo zoo. Each recipe turns a seed into one model file. */
final class DemoModels {

    private DemoModels() {
    }

    /** Tabular credit decision: 8 applicant features -> 16 (ReLU) -> 3 classes (approve, review, decline). */
    static ZooModel creditMlp(String version, long seed) {
        SeededWeights w = new SeededWeights(seed);
        byte[] bytes = new OnnxGraphBuilder("credit_mlp")
                .input("features", FLOAT, "batch", 8L)
                .output("probabilities", FLOAT, "batch", 3L)
                .floats("fc1.weight", new long[] {8, 16}, w.xavier(8 * 16, 8, 16))
                .floats("fc1.bias", new long[] {16}, w.uniform(16, 0.1))
                .floats("fc2.weight", new long[] {16, 3}, w.xavier(16 * 3, 16, 3))
                .floats("fc2.bias", new long[] {3}, w.uniform(3, 0.1))
                .node("Gemm", List.of("features", "fc1.weight", "fc1.bias"), List.of("h1"))
                .node("Relu", List.of("h1"), List.of("a1"))
                .node("Gemm", List.of("a1", "fc2.weight", "fc2.bias"), List.of("logits"))
                .node("Softmax", List.of("logits"), List.of("probabilities"), intAttr("axis", 1))
                .build("Credit decision MLP: 8 applicant features to probabilities of approve/review/decline.",
                        major(version), metadata("credit-mlp", version, seed));
        return entry("credit-mlp", version, ModelKind.TABULAR_CLASSIFIER,
                "Tabular MLP 8-16-3 (Gemm, Relu, Softmax) scoring credit applications", bytes);
    }

    /** Digit recogniser on 28x28 greyscale: two conv blocks (4 and 8 channels) and a 10-way classifier. */
    static ZooModel digitsCnn(String version, long seed) {
        SeededWeights w = new SeededWeights(seed);
        byte[] bytes = new OnnxGraphBuilder("digits_cnn")
                .input("image", FLOAT, 1L, 1L, 28L, 28L)
                .output("digit_probabilities", FLOAT, 1L, 10L)
                .floats("conv1.weight", new long[] {4, 1, 3, 3}, w.xavier(4 * 9, 9, 36))
                .floats("conv1.bias", new long[] {4}, w.uniform(4, 0.05))
                .floats("conv2.weight", new long[] {8, 4, 3, 3}, w.xavier(8 * 4 * 9, 36, 72))
                .floats("conv2.bias", new long[] {8}, w.uniform(8, 0.05))
                .floats("fc.weight", new long[] {392, 10}, w.xavier(392 * 10, 392, 10))
                .floats("fc.bias", new long[] {10}, w.uniform(10, 0.05))
                .node("Conv", List.of("image", "conv1.weight", "conv1.bias"), List.of("c1"),
                        intsAttr("kernel_shape", 3, 3), intsAttr("pads", 1, 1, 1, 1))
                .node("Relu", List.of("c1"), List.of("r1"))
                .node("MaxPool", List.of("r1"), List.of("p1"), intsAttr("kernel_shape", 2, 2), intsAttr("strides", 2, 2))
                .node("Conv", List.of("p1", "conv2.weight", "conv2.bias"), List.of("c2"),
                        intsAttr("kernel_shape", 3, 3), intsAttr("pads", 1, 1, 1, 1))
                .node("Relu", List.of("c2"), List.of("r2"))
                .node("MaxPool", List.of("r2"), List.of("p2"), intsAttr("kernel_shape", 2, 2), intsAttr("strides", 2, 2))
                .node("Flatten", List.of("p2"), List.of("flat"), intAttr("axis", 1))
                .node("Gemm", List.of("flat", "fc.weight", "fc.bias"), List.of("logits"))
                .node("Softmax", List.of("logits"), List.of("digit_probabilities"), intAttr("axis", 1))
                .build("Small CNN classifying 28x28 greyscale digit images into 10 classes.",
                        major(version), metadata("digits-cnn", version, seed));
        return entry("digits-cnn", version, ModelKind.IMAGE_CLASSIFIER,
                "CNN on 1x1x28x28 images (Conv, Relu, MaxPool x2, Flatten, Gemm, Softmax), 10 digit classes", bytes);
    }

    /** Sensor-stream classifier: GRU (hidden 8) over 10 steps of 4 channels; last state -> normal/drift/spike. */
    static ZooModel sensorGru(String version, long seed) {
        SeededWeights w = new SeededWeights(seed);
        int hidden = 8;
        int features = 4;
        byte[] bytes = new OnnxGraphBuilder("sensor_gru")
                .input("sequence", FLOAT, 10L, 1L, 4L)
                .output("state_probabilities", FLOAT, 1L, 3L)
                .floats("gru.W", new long[] {1, 3 * hidden, features}, w.xavier(3 * hidden * features, features, hidden))
                .floats("gru.R", new long[] {1, 3 * hidden, hidden}, w.xavier(3 * hidden * hidden, hidden, hidden))
                .floats("gru.B", new long[] {1, 6 * hidden}, w.uniform(6 * hidden, 0.1))
                .longs("last_state_shape", new long[] {2}, new long[] {1, hidden})
                .floats("head.weight", new long[] {hidden, 3}, w.xavier(hidden * 3, hidden, 3))
                .floats("head.bias", new long[] {3}, w.uniform(3, 0.1))
                .node("GRU", List.of("sequence", "gru.W", "gru.R", "gru.B"), List.of("", "h_last"),
                        intAttr("hidden_size", hidden))
                .node("Reshape", List.of("h_last", "last_state_shape"), List.of("h"))
                .node("Gemm", List.of("h", "head.weight", "head.bias"), List.of("logits"))
                .node("Softmax", List.of("logits"), List.of("state_probabilities"), intAttr("axis", 1))
                .build("GRU over a 10-step, 4-channel sensor window: probabilities of normal, drift, spike.",
                        major(version), metadata("sensor-gru", version, seed));
        return entry("sensor-gru", version, ModelKind.SEQUENCE_CLASSIFIER,
                "GRU sequence model (10 steps x batch 1 x 4 channels, hidden 8) + Gemm/Softmax on the last state",
                bytes);
    }

    /** Price-move regression: 5 market features -> linear -> tanh, scaled to a move in percent (-10..10). */
    static ZooModel priceRegressor(String version, long seed) {
        SeededWeights w = new SeededWeights(seed);
        byte[] bytes = new OnnxGraphBuilder("price_regressor")
                .input("features", FLOAT, 1L, 5L)
                .output("price_change_pct", FLOAT, 1L, 1L)
                .floats("linear.weight", new long[] {5, 1}, w.xavier(5, 5, 1))
                .floats("linear.bias", new long[] {1}, w.uniform(1, 0.1))
                .floats("scale", new long[] {1}, new float[] {10f})
                .node("Gemm", List.of("features", "linear.weight", "linear.bias"), List.of("z"))
                .node("Tanh", List.of("z"), List.of("t"))
                .node("Mul", List.of("t", "scale"), List.of("price_change_pct"))
                .build("Linear model with a tanh head: 5 market features to an expected price move in percent.",
                        major(version), metadata("price-regressor", version, seed));
        return entry("price-regressor", version, ModelKind.REGRESSION,
                "Regression, 5 features -> 1 output (Gemm, Tanh, Mul)", bytes);
    }

    /** Float64 risk score: logistic regression over 6 features, computed in double precision. */
    static ZooModel riskScoreF64(String version, long seed) {
        SeededWeights w = new SeededWeights(seed);
        byte[] bytes = new OnnxGraphBuilder("risk_score_f64")
                .input("features", DOUBLE, 1L, 6L)
                .output("risk", DOUBLE, 1L, 1L)
                .doubles("weight", new long[] {6, 1}, w.uniformDoubles(6, 1.0))
                .doubles("bias", new long[] {1}, w.uniformDoubles(1, 0.2))
                .node("MatMul", List.of("features", "weight"), List.of("z0"))
                .node("Add", List.of("z0", "bias"), List.of("z"))
                .node("Sigmoid", List.of("z"), List.of("risk"))
                .build("Logistic risk score over 6 features in float64.", major(version),
                        metadata("risk-score-f64", version, seed));
        return entry("risk-score-f64", version, ModelKind.REGRESSION,
                "Float64 logistic regression, 6 features -> risk in (0,1) (MatMul, Add, Sigmoid)", bytes);
    }

    private static ZooModel entry(String name, String version, ModelKind kind, String description, byte[] bytes) {
        ModelSignature signature;
        try {
            signature = ModelSignature.of(OnnxMl.ModelProto.parseFrom(bytes).getGraph());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a model we just wrote does not parse", e);
        }
        return new ZooModel(name, version, kind, description, bytes, signature.inputs(), signature.outputs());
    }

    private static long major(String version) {
        return Long.parseLong(version.substring(0, version.indexOf('.')));
    }

    private static Map<String, String> metadata(String name, String version, long seed) {
        return Map.of("proofdesk.model", name, "proofdesk.version", version, "proofdesk.seed", Long.toString(seed));
    }
}
