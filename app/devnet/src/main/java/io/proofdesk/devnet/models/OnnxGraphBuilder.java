package io.proofdesk.devnet.models;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Writes small ONNX models (IR 8, default opset 17) from Java: typed inputs and outputs, weights as
 * little-endian raw_data, nodes with attributes. Only what the demo models need.
 */
final class OnnxGraphBuilder {

    static final long IR_VERSION = 8;
    static final long OPSET = 17;

    static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    static final int DOUBLE = OnnxMl.TensorProto.DataType.DOUBLE_VALUE;
    static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private int nodeCount;

    OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    /** Dimensions are Long (fixed) or String (symbolic). */
    OnnxGraphBuilder input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return this;
    }

    OnnxGraphBuilder output(String name, int elemType, Object... dims) {
        graph.addOutput(valueInfo(name, elemType, dims));
        return this;
    }

    OnnxGraphBuilder floats(String name, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return initializer(name, FLOAT, dims, b.array());
    }

    OnnxGraphBuilder doubles(String name, long[] dims, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return initializer(name, DOUBLE, dims, b.array());
    }

    OnnxGraphBuilder longs(String name, long[] dims, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return initializer(name, INT64, dims, b.array());
    }

    private OnnxGraphBuilder initializer(String name, int type, long[] dims, byte[] raw) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(type)
                .setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return this;
    }

    OnnxGraphBuilder node(String op, List<String> inputs, List<String> outputs, OnnxMl.AttributeProto... attributes) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(op)
                .setName(op.toLowerCase() + "_" + nodeCount++)
                .addAllInput(inputs).addAllOutput(outputs);
        for (OnnxMl.AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return this;
    }

    static OnnxMl.AttributeProto intAttr(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static OnnxMl.AttributeProto intsAttr(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** Serialises the model; protobuf writes fields in number order, so equal inputs give equal bytes. */
    byte[] build(String docString, long modelVersion, Map<String, String> metadata) {
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("proofdesk-devnet")
                .setProducerVersion("1")
                .setModelVersion(modelVersion)
                .setDocString(docString)
                .setGraph(graph);
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> m.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue())));
        return m.build().toByteArray();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            switch (d) {
                case Long size -> dim.setDimValue(size);
                case Integer size -> dim.setDimValue(size);
                case String symbol -> dim.setDimParam(symbol);
                default -> throw new IllegalArgumentException("dimension " + d);
            }
            shape.addDim(dim);
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }
}
