package io.proofdesk.reexec;

import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * ONNX's own node tests (Debian package libonnx-testdata) run through ReexecEngine and TensorComparison: the
 * model, its TensorProto inputs and the reference outputs computed by ONNX's numpy implementation. Compared with
 * the tolerance ONNX's backend runner uses, since ORT is not bit-identical to numpy for exp/tanh and sums.
 */
class OnnxNodeConformanceTest {

    private static final Path NODE_TESTS = Path.of(System.getProperty("onnx.testdata",
            "/usr/share/libonnx-testdata/data/node"));

    private static SessionCache cache;
    private static ReexecEngine engine;
    private final TensorProtoCodec protos = new TensorProtoCodec();
    private final TensorComparison comparison = new TensorComparison();

    @BeforeAll
    static void start() {
        if (!Files.isDirectory(NODE_TESTS)) {
            fail("ONNX node test data not found at " + NODE_TESTS + ": install it with "
                    + "`apt-get install -y libonnx-testdata` (or point -Donnx.testdata at a copy)");
        }
        cache = SessionCache.withDefaults();
        engine = new ReexecEngine(cache);
    }

    @AfterAll
    static void stop() {
        if (cache != null) {
            cache.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemm_default_matrix_bias", "gemm_all_attributes", "gemm_alpha", "gemm_transposeA",
            "gemm_transposeB", "gemm_default_no_bias", "relu", "leakyrelu", "softmax_axis_1", "softmax_example",
            "matmul_2d", "matmul_3d", "matmul_4d", "sigmoid", "sigmoid_example", "conv_with_strides_padding",
            "conv_with_autopad_same", "conv_with_strides_no_padding", "tanh", "tanh_example", "add", "add_bcast",
            "add_uint8", "mul", "mul_bcast", "sub", "div", "maxpool_2d_default", "averagepool_2d_default",
            "flatten_axis1", "exp", "abs", "gru_defaults", "lstm_defaults", "clip", "concat_2d_axis_1",
            "cast_FLOAT_to_DOUBLE", "argmax_keepdims_random", "identity"})
    void reproducesTheReferenceOutputs(String test) throws IOException {
        Case c = load(test);
        List<Tensor> local = engine.run(c.model, c.inputs);
        ComparisonReport report = comparison.compareAll(c.expected, local, Tolerance.onnxBackendTests());
        assertTrue(report.matches(), test + ": " + report.tensors());
    }

    @Test
    void aTamperedReferenceOutputIsDetected() throws IOException {
        Case c = load("gemm_default_matrix_bias");
        Tensor expected = c.expected.getFirst();
        float[] values = expected.toFloats();
        values[values.length / 2] += 0.01f;
        // write the tampered tensor back as an output_0.pb would be, and read it again
        Tensor tampered = protos.read(protos.write(Tensor.ofFloats(expected.name(), expected.shape(), values),
                TensorProtoCodec.Layout.RAW), "tampered output_0.pb");
        List<Tensor> local = engine.run(c.model, c.inputs);
        ComparisonReport honest = comparison.compareAll(c.expected, local, Tolerance.onnxBackendTests());
        ComparisonReport forged = comparison.compareAll(List.of(tampered), local, Tolerance.onnxBackendTests());
        assertTrue(honest.matches());
        assertFalse(forged.matches());
        TensorComparisonResult r = forged.tensors().getFirst();
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, r.status());
        assertEquals(values.length / 2, r.worstIndex());
        assertEquals(1, r.elementsOutOfTolerance());
    }

    private record Case(byte[] model, Map<String, Tensor> inputs, List<Tensor> expected) {
    }

    /** Inputs and outputs are matched to the graph's by position, as ONNX's own runner does. */
    private Case load(String test) throws IOException {
        Path dir = NODE_TESTS.resolve("test_" + test);
        byte[] model = Files.readAllBytes(dir.resolve("model.onnx"));
        ModelSignature sig = engine.describe(model).signature();
        Path data = dir.resolve("test_data_set_0");
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (int i = 0; i < sig.inputs().size(); i++) {
            String name = sig.inputs().get(i).name();
            inputs.put(name, renamed(read(data.resolve("input_" + i + ".pb")), name));
        }
        List<Tensor> expected = new ArrayList<>();
        for (int i = 0; i < sig.outputs().size(); i++) {
            expected.add(renamed(read(data.resolve("output_" + i + ".pb")), sig.outputs().get(i).name()));
        }
        return new Case(model, inputs, expected);
    }

    private Tensor read(Path pb) throws IOException {
        return protos.read(Files.readAllBytes(pb), pb.toString());
    }

    private static Tensor renamed(Tensor t, String name) {
        return new Tensor(name, t.type(), t.shape(), t.data(), t.strings());
    }
}
