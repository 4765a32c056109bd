package io.proofdesk.reexec;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Moves tensors between Proofdesk's {@link Tensor} (little-endian bytes) and ONNX Runtime's {@link OnnxTensor}
 * (native-order direct buffers). ORT's Java API has no unsigned 16/32/64-bit types; those are refused.
 */
public final class TensorCodec {

    private final OrtEnvironment env;

    public TensorCodec(OrtEnvironment env) {
        this.env = env;
    }

    /** The caller owns (and must close) the returned tensor. */
    public OnnxTensor toOnnx(Tensor t) {
        return toOnnx(t, ByteBuffer::allocateDirect);
    }

    /**
     * As {@link #toOnnx(Tensor)} with the elements copied into {@code memory.apply(bytes)}, a direct buffer the
     * tensor reads in place; it must stay untouched until the tensor is closed.
     */
    OnnxTensor toOnnx(Tensor t, IntFunction<ByteBuffer> memory) {
        long[] shape = t.shape();
        try {
            if (t.type() == DType.STRING) {
                return OnnxTensor.createTensor(env, t.strings().toArray(String[]::new), shape);
            }
            OnnxJavaType javaType = javaType(t.name(), t.type());
            ByteBuffer from = t.buffer();
            ByteBuffer direct = memory.apply(from.remaining()).order(ByteOrder.nativeOrder());
            copyElements(from, direct, t.type().byteSize());
            direct.rewind();
            return OnnxTensor.createTensor(env, direct, shape, javaType);
        } catch (OrtException e) {
            throw new TensorFormatException(t.name(), "ONNX Runtime refused it: " + e.getMessage(), e);
        }
    }

    /** Copies an ORT value out into a {@link Tensor}; sequences and maps are refused. */
    public Tensor fromOnnx(String name, OnnxValue value) {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new UnsupportedTensorTypeException(name, "an output of kind " + value.getType());
        }
        TensorInfo info = tensor.getInfo();
        DType type = dtypeOf(name, info.onnxType);
        long[] shape = info.getShape();
        if (type == DType.STRING) {
            try {
                List<String> strings = new ArrayList<>();
                flatten(tensor.getValue(), strings);
                return new Tensor(name, type, shape, null, strings);
            } catch (OrtException e) {
                throw new TensorFormatException(name, "could not read strings: " + e.getMessage(), e);
            }
        }
        ByteBuffer nativeOrder = tensor.getByteBuffer().order(ByteOrder.nativeOrder());
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN && nativeOrder.hasArray()
                && nativeOrder.arrayOffset() == 0 && nativeOrder.position() == 0
                && nativeOrder.remaining() == nativeOrder.array().length) {
            return new Tensor(name, type, shape, nativeOrder.array(), null);  // ORT's copy is already our layout
        }
        ByteBuffer little = ByteBuffer.allocate(nativeOrder.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copyElements(nativeOrder, little, type.byteSize());
        return new Tensor(name, type, shape, little.array(), null);
    }

    /** ORT's element type to ours, looked up once per output of every run rather than matched by name each time. */
    private static final Map<TensorInfo.OnnxTensorType, DType> DTYPES = dtypes();

    /** ORT numbers its element types its own way; the enum names match ONNX's, so map by name. */
    private static Map<TensorInfo.OnnxTensorType, DType> dtypes() {
        String prefix = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";
        Map<TensorInfo.OnnxTensorType, DType> out = new EnumMap<>(TensorInfo.OnnxTensorType.class);
        for (TensorInfo.OnnxTensorType t : TensorInfo.OnnxTensorType.values()) {
            if (t.name().startsWith(prefix)) {
                try {
                    out.put(t, DType.valueOf(t.name().substring(prefix.length())));
                } catch (IllegalArgumentException e) {
                    // an ORT type Proofdesk has no DType for (complex, float8, int4...): refused when met
                }
            }
        }
        return out;
    }

    private static DType dtypeOf(String name, TensorInfo.OnnxTensorType ortType) {
        DType type = ortType == null ? null : DTYPES.get(ortType);
        if (type == null) {
            throw new UnsupportedTensorTypeException(name, "element type " + ortType);
        }
        return type;
    }

    /** The ORT element type of ours; ORT's Java API has none for the unsigned 16/32/64-bit types. */
    public static OnnxJavaType javaType(String name, DType type) {
        return switch (type) {
            case FLOAT -> OnnxJavaType.FLOAT;
            case DOUBLE -> OnnxJavaType.DOUBLE;
            case INT8 -> OnnxJavaType.INT8;
            case UINT8 -> OnnxJavaType.UINT8;
            case INT16 -> OnnxJavaType.INT16;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
            case BOOL -> OnnxJavaType.BOOL;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case BFLOAT16 -> OnnxJavaType.BFLOAT16;
            case STRING -> OnnxJavaType.STRING;
            case UINT16, UINT32, UINT64 ->
                    throw new UnsupportedTensorTypeException(name, type + " (ONNX Runtime's Java API has no such type)");
        };
    }

    /** Element-wise copy between buffers whose byte orders may differ; elements are moved as bit patterns. */
    private static void copyElements(ByteBuffer from, ByteBuffer to, int width) {
        if (from.order() == to.order() || width == 1) {
            to.put(from.duplicate());  // one bulk copy; the common case on little-endian machines
            return;
        }
        switch (width) {
            case 1 -> to.put(from.duplicate());
            case 2 -> to.asShortBuffer().put(from.asShortBuffer());
            case 4 -> to.asIntBuffer().put(from.asIntBuffer());
            case 8 -> to.asLongBuffer().put(from.asLongBuffer());
            default -> throw new IllegalArgumentException("element width " + width);
        }
    }

    private static void flatten(Object value, List<String> out) {
        if (value instanceof String s) {
            out.add(s);
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                flatten(Array.get(value, i), out);
            }
        }
    }
}
