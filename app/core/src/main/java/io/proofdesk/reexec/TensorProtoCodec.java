package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes ONNX {@code TensorProto} messages, the format of ONNX's own test data ({@code input_0.pb},
 * {@code output_0.pb}) and of {@code proofdesk reexec --input}. Reads both layouts ONNX allows: little-endian
 * {@code raw_data}, and the typed repeated fields ({@code float_data}, {@code int32_data} — which also carries
 * int8/int16/uint8/uint16/bool and the bit patterns of float16/bfloat16 —, {@code int64_data},
 * {@code double_data}, {@code uint64_data} for uint32/uint64, {@code string_data}).
 */
public final class TensorProtoCodec {

    /** How numbers are laid out when writing. */
    public enum Layout { RAW, TYPED }

    /** 256 MiB: larger than any tensor the demo network or ONNX's test data uses. */
    public static final int DEFAULT_MAX_BYTES = 256 << 20;

    private final int maxBytes;

    public TensorProtoCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    public TensorProtoCodec(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Parses a serialized TensorProto; {@code where} names its source (a file path) for error messages. */
    public Tensor read(byte[] bytes, String where) {
        if (bytes.length > maxBytes) {
            throw new TensorFormatException(where, "the file has " + bytes.length + " bytes, above the limit of "
                    + maxBytes);
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setSizeLimit(bytes.length);
            return fromProto(OnnxMl.TensorProto.parseFrom(in), where);
        } catch (InvalidProtocolBufferException e) {
            throw new TensorFormatException(where, "not an ONNX TensorProto (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new TensorFormatException(where, "unreadable: " + e.getMessage(), e);
        }
    }

    public Tensor fromProto(OnnxMl.TensorProto p, String where) {
        String name = p.getName().isEmpty() ? where : p.getName();
        if (p.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL || p.getExternalDataCount() > 0) {
            throw new TensorFormatException(name, "external data is not supported");
        }
        if (p.hasSegment()) {
            throw new TensorFormatException(name, "segmented tensors are not supported");
        }
        DType type;
        try {
            type = DType.fromOnnxCode(p.getDataType());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedTensorTypeException(name, "ONNX element type " + p.getDataType());
        }
        long[] shape = p.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long n;
        try {
            n = Tensor.elementCount(shape);
        } catch (IllegalArgumentException e) {
            throw new TensorFormatException(name, e.getMessage(), e);
        }
        if (type == DType.STRING) {
            if (p.getStringDataCount() != n) {
                throw sizeError(name, shape, n, "string_data", p.getStringDataCount());
            }
            List<String> strings = new ArrayList<>();
            p.getStringDataList().forEach(s -> strings.add(s.toString(StandardCharsets.UTF_8)));
            return new Tensor(name, type, shape, null, strings);
        }
        int typedCount = typedCount(p, type);
        boolean hasRaw = !p.getRawData().isEmpty();
        if (hasRaw && typedCount > 0) {
            throw new TensorFormatException(name, "holds both raw_data and " + typedField(type) + "; ONNX allows one");
        }
        if (hasRaw || n == 0) {
            long expected = n * type.byteSize();
            if (p.getRawData().size() != expected) {
                throw new TensorFormatException(name, "shape " + Arrays.toString(shape) + " of " + type + " needs "
                        + expected + " bytes of raw_data but " + p.getRawData().size() + " were given");
            }
            return new Tensor(name, type, shape, p.getRawData().toByteArray(), null);
        }
        if (typedCount != n) {
            throw sizeError(name, shape, n, typedField(type), typedCount);
        }
        return new Tensor(name, type, shape, fromTyped(p, type, (int) n), null);
    }

    public byte[] write(Tensor t, Layout layout) {
        return toProto(t, layout).toByteArray();
    }

    public OnnxMl.TensorProto toProto(Tensor t, Layout layout) {
        OnnxMl.TensorProto.Builder b = OnnxMl.TensorProto.newBuilder()
                .setName(t.name())
                .setDataType(t.type().onnxCode());
        for (long d : t.shape()) {
            b.addDims(d);
        }
        if (t.type() == DType.STRING) {
            t.strings().forEach(s -> b.addStringData(ByteString.copyFromUtf8(s)));
            return b.build();
        }
        if (layout == Layout.RAW) {
            return b.setRawData(ByteString.copyFrom(t.data())).build();
        }
        ByteBuffer buf = t.buffer();
        int n = t.size();
        for (int i = 0; i < n; i++) {
            switch (t.type()) {
                case FLOAT -> b.addFloatData(buf.getFloat(i * 4));
                case DOUBLE -> b.addDoubleData(buf.getDouble(i * 8));
                case INT8 -> b.addInt32Data(buf.get(i));
                case UINT8, BOOL -> b.addInt32Data(buf.get(i) & 0xff);
                case INT16 -> b.addInt32Data(buf.getShort(i * 2));
                case UINT16, FLOAT16, BFLOAT16 -> b.addInt32Data(buf.getShort(i * 2) & 0xffff);
                case INT32 -> b.addInt32Data(buf.getInt(i * 4));
                case INT64 -> b.addInt64Data(buf.getLong(i * 8));
                case UINT32 -> b.addUint64Data(buf.getInt(i * 4) & 0xffffffffL);
                case UINT64 -> b.addUint64Data(buf.getLong(i * 8));
                case STRING -> throw new IllegalStateException("strings handled above");
            }
        }
        return b.build();
    }

    private static byte[] fromTyped(OnnxMl.TensorProto p, DType type, int n) {
        ByteBuffer out = ByteBuffer.allocate(n * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (type) {
                case FLOAT -> out.putFloat(p.getFloatData(i));
                case DOUBLE -> out.putDouble(p.getDoubleData(i));
                case INT8, UINT8, BOOL -> out.put((byte) p.getInt32Data(i));
                case INT16, UINT16, FLOAT16, BFLOAT16 -> out.putShort((short) p.getInt32Data(i));
                case INT32 -> out.putInt(p.getInt32Data(i));
                case INT64 -> out.putLong(p.getInt64Data(i));
                case UINT32 -> out.putInt((int) p.getUint64Data(i));
                case UINT64 -> out.putLong(p.getUint64Data(i));
                case STRING -> throw new IllegalStateException("strings handled by the caller");
            }
        }
        return out.array();
    }

    private static int typedCount(OnnxMl.TensorProto p, DType type) {
        return switch (type) {
            case FLOAT -> p.getFloatDataCount();
            case DOUBLE -> p.getDoubleDataCount();
            case INT8, UINT8, BOOL, INT16, UINT16, FLOAT16, BFLOAT16, INT32 -> p.getInt32DataCount();
            case INT64 -> p.getInt64DataCount();
            case UINT32, UINT64 -> p.getUint64DataCount();
            case STRING -> p.getStringDataCount();
        };
    }

    private static String typedField(DType type) {
        return switch (type) {
            case FLOAT -> "float_data";
            case DOUBLE -> "double_data";
            case INT8, UINT8, BOOL, INT16, UINT16, FLOAT16, BFLOAT16, INT32 -> "int32_data";
            case INT64 -> "int64_data";
            case UINT32, UINT64 -> "uint64_data";
            case STRING -> "string_data";
        };
    }

    private static TensorFormatException sizeError(String name, long[] shape, long n, String field, int count) {
        return new TensorFormatException(name, "shape " + Arrays.toString(shape) + " holds " + n + " elements but "
                + field + " has " + count);
    }
}
