package io.proofdesk.reexec;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorProtoCodecTest {

    private final TensorProtoCodec codec = new TensorProtoCodec();

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void everyTypeRoundTripsInBothLayouts(DType type) {
        Tensor t = SampleTensors.of("x", type, new long[] {2, 3, 4}, type.ordinal());
        for (TensorProtoCodec.Layout layout : TensorProtoCodec.Layout.values()) {
            byte[] bytes = codec.write(t, layout);
            Tensor back = codec.read(bytes, "x.pb");
            assertEquals(t, back, layout + " layout");
        }
    }

    @Test
    void typedLayoutUsesTheFieldsOnnxNamesForEachType() {
        OnnxMl.TensorProto f = codec.toProto(Tensor.ofFloats("f", new long[] {2}, new float[] {1.5f, -2f}),
                TensorProtoCodec.Layout.TYPED);
        assertEquals(2, f.getFloatDataCount());
        assertTrue(f.getRawData().isEmpty());
        OnnxMl.TensorProto i8 = codec.toProto(SampleTensors.of("b", DType.INT8, new long[] {5}, 1),
                TensorProtoCodec.Layout.TYPED);
        assertEquals(5, i8.getInt32DataCount());
        OnnxMl.TensorProto u32 = codec.toProto(SampleTensors.of("u", DType.UINT32, new long[] {5}, 1),
                TensorProtoCodec.Layout.TYPED);
        assertEquals(5, u32.getUint64DataCount());
        assertTrue(u32.getUint64DataList().stream().allMatch(v -> v >= 0 && v <= 0xffffffffL));
    }

    @Test
    void handWrittenTypedFieldsAreRead() {
        OnnxMl.TensorProto p = OnnxMl.TensorProto.newBuilder().setName("y").setDataType(DType.INT64.onnxCode())
                .addDims(3).addInt64Data(-1).addInt64Data(Long.MAX_VALUE).addInt64Data(7).build();
        Tensor t = codec.read(p.toByteArray(), "y.pb");
        assertEquals(DType.INT64, t.type());
        assertArrayEquals(new double[] {-1, Long.MAX_VALUE, 7}, t.toDoubles());
        OnnxMl.TensorProto h = OnnxMl.TensorProto.newBuilder().setDataType(DType.FLOAT16.onnxCode())
                .addDims(2).addInt32Data(Float.floatToFloat16(1.5f) & 0xffff)
                .addInt32Data(Float.floatToFloat16(-0.25f) & 0xffff).build();
        Tensor half = codec.read(h.toByteArray(), "h.pb");
        assertEquals("h.pb", half.name());
        assertArrayEquals(new double[] {1.5, -0.25}, half.toDoubles());
    }

    @Test
    void sizeDisagreeingWithShapeIsAClearError() {
        OnnxMl.TensorProto raw = OnnxMl.TensorProto.newBuilder().setName("x").setDataType(DType.FLOAT.onnxCode())
                .addDims(2).addDims(3).setRawData(ByteString.copyFrom(new byte[20])).build();
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> codec.read(raw.toByteArray(), "x"));
        assertTrue(e.getMessage().contains("needs 24 bytes of raw_data but 20"), e.getMessage());

        OnnxMl.TensorProto typed = OnnxMl.TensorProto.newBuilder().setName("x").setDataType(DType.FLOAT.onnxCode())
                .addDims(4).addFloatData(1).build();
        e = assertThrows(TensorFormatException.class, () -> codec.read(typed.toByteArray(), "x"));
        assertTrue(e.getMessage().contains("holds 4 elements but float_data has 1"), e.getMessage());
    }

    @Test
    void ambiguousExternalAndGarbageTensorsAreRefused() {
        OnnxMl.TensorProto both = OnnxMl.TensorProto.newBuilder().setName("x").setDataType(DType.FLOAT.onnxCode())
                .addDims(1).addFloatData(1).setRawData(ByteString.copyFrom(new byte[4])).build();
        assertThrows(TensorFormatException.class, () -> codec.read(both.toByteArray(), "x"));
        OnnxMl.TensorProto external = OnnxMl.TensorProto.newBuilder().setName("x").setDataType(1).addDims(1)
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL).build();
        assertTrue(assertThrows(TensorFormatException.class, () -> codec.read(external.toByteArray(), "x"))
                .getMessage().contains("external"));
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xff);
        assertThrows(TensorFormatException.class, () -> codec.read(garbage, "junk.pb"));
        assertThrows(TensorFormatException.class, () -> new TensorProtoCodec(10).read(new byte[11], "big.pb"));
    }
}
