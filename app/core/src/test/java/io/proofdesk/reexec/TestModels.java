package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import io.proofdesk.domain.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small ONNX models written for the tests (IR 8, opset 17). */
public final class TestModels {

    private TestModels() {
    }

    /** Y = Identity(X) for one element type, X and Y of shape [n, 3] with a symbolic n. */
    static byte[] identity(DType type) {
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("identity")
                .addInput(value("X", type.onnxCode(), "n", 3L))
                .addOutput(value("Y", type.onnxCode(), "n", 3L))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput("X").addOutput("Y"))
                .build();
        return model(graph);
    }

    /** probabilities = Softmax(Relu(x W + b)), x of shape [batch, 4], 3 classes; weights from a simple formula. */
    public static byte[] mlp(float weightScale) {
        float[] w = new float[4 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = weightScale * (float) Math.sin(i + 1);
        }
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("mlp")
                .addInput(value("x", DType.FLOAT.onnxCode(), "batch", 4L))
                .addInput(value("W", DType.FLOAT.onnxCode(), 4L, 3L))  // has an initializer: a weight, not an input
                .addOutput(value("probabilities", DType.FLOAT.onnxCode(), "batch", 3L))
                .addInitializer(floats("W", new long[] {4, 3}, w))
                .addInitializer(floats("b", new long[] {3}, new float[] {0.1f, -0.2f, 0.05f}))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Gemm").addInput("x").addInput("W").addInput("b")
                        .addOutput("h"))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Relu").addInput("h").addOutput("r"))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Softmax").addInput("r").addOutput("probabilities")
                        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis").setI(1)
                                .setType(OnnxMl.AttributeProto.AttributeType.INT)))
                .build();
        return model(graph);
    }

    /** Relu over an input declaring [1000000000, 1000000000] floats (4 exabytes). */
    static byte[] absurdInput() {
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("absurd")
                .addInput(value("X", DType.FLOAT.onnxCode(), 1_000_000_000L, 1_000_000_000L))
                .addOutput(value("Y", DType.FLOAT.onnxCode(), 1_000_000_000L, 1_000_000_000L))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Relu").addInput("X").addOutput("Y"))
                .build();
        return model(graph);
    }

    static byte[] model(OnnxMl.GraphProto graph) {
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("proofdesk-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph).build().toByteArray();
    }

    static OnnxMl.TensorProto floats(String name, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(DType.FLOAT.onnxCode()).setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static OnnxMl.ValueInfoProto value(String name, int type, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            shape.addDim(d instanceof String s ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(s)
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue((Long) d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }
}
