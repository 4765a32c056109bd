package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import io.proofdesk.domain.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Tiny ONNX models that ask for huge tensors or long runs, built the way an attacker would write them. */
final class HostileModels {

    static final int F = DType.FLOAT.onnxCode();
    static final int I64 = DType.INT64.onnxCode();

    private HostileModels() {
    }

    /** y = Expand(x, [1000, 1000, 1000]): 10^9 floats (4 GB) from a one-element input; y declares no shape. */
    static byte[] expandBomb() {
        return TestModels.model(OnnxMl.GraphProto.newBuilder().setName("expand-bomb")
                .addInput(TestModels.value("x", F, 1L))
                .addInitializer(longs("s", 1000, 1000, 1000))
                .addNode(node("Expand", "x", "s", "y"))
                .addOutput(untyped("y", F))
                .build());
    }

    /** y = ConstantOfShape([1000, 1000, 1000]) + x: the same 10^9 floats, as a constant ONNX Runtime might fold. */
    static byte[] constantOfShapeBomb() {
        return TestModels.model(OnnxMl.GraphProto.newBuilder().setName("constant-bomb")
                .addInput(TestModels.value("x", F, 1L))
                .addInitializer(longs("s", 1000, 1000, 1000))
                .addNode(node("ConstantOfShape", "s", "c"))
                .addNode(node("Add", "c", "x", "y"))
                .addOutput(untyped("y", F))
                .build());
    }

    /**
     * The shape computed the way exported models compute shapes, Shape -> Gather -> Mul -> Concat, from a [1000]
     * input: Tile(x, [1000*1000]) then Reshape to [1000, 1000, 1000]; no single constant names the size.
     */
    static byte[] computedShapeBomb() {
        return TestModels.model(OnnxMl.GraphProto.newBuilder().setName("computed-bomb")
                .addInput(TestModels.value("x", F, 1000L))
                .addInitializer(longs("zero", 0))
                .addNode(node("Shape", "x", "shape"))                    // [1000]
                .addNode(node("Gather", "shape", "zero", "n"))           // [1000]
                .addNode(node("Mul", "n", "n", "nn"))                    // [1000000]
                .addNode(node("Tile", "x", "nn", "t"))                   // 10^9 elements
                .addNode(node("Concat", "n", "n", "n", "dims").addAttribute(intAttr("axis", 0)))
                .addNode(node("Reshape", "t", "dims", "y"))
                .addOutput(untyped("y", F))
                .build());
    }

    /** y = Expand(x, shape) with the shape a run's input: only the run's values say how large y is. */
    static byte[] inputShapedExpand() {
        return TestModels.model(OnnxMl.GraphProto.newBuilder().setName("input-shaped")
                .addInput(TestModels.value("x", F, 1L))
                .addInput(TestModels.value("shape", I64, 3L))
                .addNode(node("Expand", "x", "shape", "y"))
                .addOutput(untyped("y", F))
                .build());
    }

    /**
     * y = ConvTranspose(x, w) with strides 20 on a [1, 1, 1000, 1000] input: [1, 1, 19981, 19981], 1.6 GB. Its size
     * is not in Proofdesk's own shape rules; ONNX Runtime's shape inference of the outputs finds it.
     */
    static byte[] stridedConvTranspose() {
        return TestModels.model(OnnxMl.GraphProto.newBuilder().setName("conv-transpose")
                .addInput(TestModels.value("x", F, 1L, 1L, 1000L, 1000L))
                .addInitializer(TestModels.floats("w", new long[] {1, 1, 1, 1}, new float[] {1}))
                .addNode(node("ConvTranspose", "x", "w", "y").addAttribute(intsAttr("strides", 20, 20)))
                .addOutput(untyped("y", F))
                .build());
    }

    /**
     * {@code count} tensors of {@code elements} floats each, all alive at once (Sum of them): each below the
     * per-tensor limit, together {@code count * elements * 4} bytes. Each Expand has its own input so that no
     * optimiser merges them.
     */
    static byte[] manyLiveTensors(int count, long elements) {
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("many-live")
                .addInput(TestModels.value("x", F, 1L))
                .addInitializer(longs("s", elements))
                .addOutput(untyped("y", F));
        OnnxMl.NodeProto.Builder sum = OnnxMl.NodeProto.newBuilder().setOpType("Sum").addOutput("y");
        for (int i = 0; i < count; i++) {
            g.addInitializer(TestModels.floats("c" + i, new long[] {1}, new float[] {i}));
            g.addNode(node("Add", "x", "c" + i, "a" + i));
            g.addNode(node("Expand", "a" + i, "s", "e" + i));
            sum.addInput("e" + i);
        }
        return TestModels.model(g.addNode(sum).build());
    }

    /** {@code count} chained MatMuls of x [n, n] by w [n, n]: a long run of small tensors. */
    static byte[] longMatMulChain(int count, long n) {
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("long-run")
                .addInput(TestModels.value("x", F, n, n))
                .addInput(TestModels.value("w", F, n, n))
                .addOutput(TestModels.value("y" + count, F, n, n));
        String previous = "x";
        for (int i = 1; i <= count; i++) {
            g.addNode(node("MatMul", previous, "w", "y" + i));
            previous = "y" + i;
        }
        return TestModels.model(g.build());
    }

    static OnnxMl.NodeProto.Builder node(String op, String... inputsThenOutput) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(op);
        for (int i = 0; i < inputsThenOutput.length - 1; i++) {
            n.addInput(inputsThenOutput[i]);
        }
        return n.addOutput(inputsThenOutput[inputsThenOutput.length - 1]);
    }

    static OnnxMl.TensorProto longs(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(I64).addDims(values.length)
                .setRawData(ByteString.copyFrom(b.array())).build();
    }

    static OnnxMl.ValueInfoProto untyped(String name, int type) {
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type))).build();
    }

    static OnnxMl.AttributeProto intAttr(String name, long v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(v).build();
    }

    static OnnxMl.AttributeProto intsAttr(String name, long... v) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }
}
