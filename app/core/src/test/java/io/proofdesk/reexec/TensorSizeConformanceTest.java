package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link TensorSizeCheck} against every one of ONNX's node tests (Debian package libonnx-testdata): with each test's
 * inputs, every output shape the pass claims to know must be the reference output's shape. A wrong rule could
 * refuse an honest model, so this is the check that the rules are right, not only that they catch bombs.
 */
class TensorSizeConformanceTest {

    private static final Path NODE_TESTS = Path.of(System.getProperty("onnx.testdata",
            "/usr/share/libonnx-testdata/data/node"));

    private final TensorProtoCodec protos = new TensorProtoCodec();

    @Test
    @DisplayName("on ONNX's node tests without their declared output shapes, every shape the pass works out is right")
    void everyShapeTheCheckKnowsIsRight() throws IOException {
        if (!Files.isDirectory(NODE_TESTS)) {
            fail("ONNX node test data not found at " + NODE_TESTS + ": install it with "
                    + "`apt-get install -y libonnx-testdata` (or point -Donnx.testdata at a copy)");
        }
        List<String> wrong = new ArrayList<>();
        int tests = 0;
        int outputs = 0;
        int sized = 0;
        List<Path> dirs;
        try (Stream<Path> s = Files.list(NODE_TESTS)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("model.onnx"))
                    && Files.isDirectory(d.resolve("test_data_set_0"))).sorted().toList();
        }
        for (Path dir : dirs) {
            OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(dir.resolve("model.onnx"))).getGraph();
            Map<String, Tensor> inputs;
            List<Tensor> expected;
            try {
                inputs = inputs(graph, dir.resolve("test_data_set_0"));
                expected = read(dir.resolve("test_data_set_0"), "output_", graph.getOutputCount());
            } catch (ReexecException | IllegalArgumentException e) {
                continue;  // a type Proofdesk does not decode (sequences, optional, some float8): nothing to compare
            }
            tests++;
            Map<String, KnownValue> values = TensorSizeCheck.of(undeclared(graph)).values(inputs);
            for (int i = 0; i < expected.size(); i++) {
                outputs++;
                KnownValue v = values.get(graph.getOutput(i).getName());
                if (v != null && v.fullyKnown()) {
                    sized++;
                    if (!Arrays.equals(v.dims(), expected.get(i).shape())) {
                        wrong.add(dir.getFileName() + " output " + i + ": pass " + Arrays.toString(v.dims())
                                + ", reference " + Arrays.toString(expected.get(i).shape()));
                    }
                }
            }
        }
        System.out.printf("tensor size pass: %d node tests, %d of %d outputs sized, %d wrong%n", tests, sized, outputs,
                wrong.size());
        assertEquals(List.of(), wrong);
        assertTrue(tests > 700, "node tests read: " + tests);
        assertTrue(sized >= 500, "outputs sized by the rules: " + sized + " of " + outputs);
    }

    @Test
    @DisplayName("with the node tests' integer inputs and attributes replaced by random values, the pass never fails "
            + "and never allocates by them")
    void randomShapeValuesNeverBreakThePass() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(18);
        List<Path> dirs;
        try (Stream<Path> s = Files.list(NODE_TESTS)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("model.onnx"))).sorted().toList();
        }
        int runs = 0;
        long start = System.nanoTime();
        for (Path dir : dirs) {
            OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(dir.resolve("model.onnx"))).getGraph();
            for (int round = 0; round < 3; round++) {
                OnnxMl.GraphProto.Builder g = graph.toBuilder();
                for (OnnxMl.NodeProto.Builder n : g.getNodeBuilderList()) {
                    for (OnnxMl.AttributeProto.Builder a : n.getAttributeBuilderList()) {
                        a.setI(wild(random));
                        for (int i = 0; i < a.getIntsCount(); i++) {
                            a.setInts(i, wild(random));
                        }
                    }
                }
                Map<String, Tensor> inputs = new LinkedHashMap<>();
                for (OnnxMl.ValueInfoProto v : g.getInputList()) {
                    long[] values = new long[1 + random.nextInt(6)];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = wild(random);
                    }
                    inputs.put(v.getName(), Tensor.ofLongs(v.getName(), new long[] {values.length}, values));
                }
                TensorSizeCheck check = TensorSizeCheck.of(g.build());
                check.values(inputs);
                try {
                    check.checkRun("sha", 256L << 20, inputs);
                } catch (ModelTooLargeException expected) {
                    // random shapes are often huge: refusing them is the point
                }
                runs++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("tensor size pass: %d random variants of the node tests in %d ms%n", runs, millis);
        assertTrue(runs > 2000, "variants: " + runs);
    }

    /** Small, negative, zero, or absurd: the values a hostile model would use. */
    private static long wild(java.util.SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextLong(-3, 8);
            case 1 -> random.nextLong(1, 5000);
            case 2 -> -random.nextLong(1, Long.MAX_VALUE);
            case 3 -> random.nextLong(1L << 20, Long.MAX_VALUE);
            default -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
        };
    }

    /** The graph without declared output or intermediate shapes: what the pass then knows, its rules worked out. */
    private static OnnxMl.GraphProto undeclared(OnnxMl.GraphProto graph) {
        OnnxMl.GraphProto.Builder g = graph.toBuilder().clearValueInfo();
        for (OnnxMl.ValueInfoProto.Builder out : g.getOutputBuilderList()) {
            out.getTypeBuilder().getTensorTypeBuilder().clearShape();
        }
        return g.build();
    }

    private Map<String, Tensor> inputs(OnnxMl.GraphProto graph, Path data) throws IOException {
        java.util.Set<String> weights = new java.util.HashSet<>();
        graph.getInitializerList().forEach(t -> weights.add(t.getName()));
        List<String> names = graph.getInputList().stream().map(OnnxMl.ValueInfoProto::getName)
                .filter(n -> !weights.contains(n)).toList();
        List<Tensor> read = read(data, "input_", names.size());
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            inputs.put(names.get(i), read.get(i));
        }
        return inputs;
    }

    private List<Tensor> read(Path data, String prefix, int count) throws IOException {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = data.resolve(prefix + i + ".pb");
            if (!Files.isRegularFile(p)) {
                break;
            }
            out.add(protos.read(Files.readAllBytes(p), p.toString()));
        }
        return out;
    }
}
