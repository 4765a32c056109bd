package io.proofdesk.reexec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.proofdesk.domain.Tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A TensorProto file ({@code input_0.pb}, a bundle's tensors, {@code reexec --input}): any bytes are a tensor or a
 * {@link ReexecException} (TensorFormatException, UnsupportedTensorTypeException); a tensor read once reads back the
 * same after writing it in either layout.
 */
class TensorProtoFuzzTest {

    private static final TensorProtoCodec CODEC = new TensorProtoCodec();

    @FuzzTest(maxDuration = "3m")
    void read(byte[] file) {
        Tensor t;
        try {
            t = CODEC.read(file, "fuzz.pb");
        } catch (ReexecException expected) {
            return;
        }
        for (TensorProtoCodec.Layout layout : TensorProtoCodec.Layout.values()) {
            assertEquals(t, CODEC.read(CODEC.write(t, layout), "again.pb"), layout.name());
        }
    }
}
