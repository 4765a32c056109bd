package io.proofdesk.reexec;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every element type ORT's Java API carries goes through a real ORT Identity model and comes back unchanged. */
class TensorCodecTest {

    private static SessionCache cache;
    private static ReexecEngine engine;

    @BeforeAll
    static void start() {
        cache = SessionCache.withDefaults();
        engine = new ReexecEngine(cache);
    }

    @AfterAll
    static void stop() {
        cache.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT", "DOUBLE", "INT8", "UINT8", "INT16", "INT32", "INT64", "BOOL",
            "FLOAT16", "BFLOAT16", "STRING"})
    void identityModelReturnsTheSameTensor(DType type) {
        Tensor x = SampleTensors.of("X", type, new long[] {2, 3}, 42 + type.ordinal());
        List<Tensor> out = engine.run(TestModels.identity(type), Map.of("X", x));
        assertEquals(1, out.size());
        Tensor y = out.getFirst();
        assertEquals("Y", y.name());
        assertEquals(new Tensor("Y", type, x.shape(), x.data(), x.strings()), y);
    }

    @Test
    void unsignedWideTypesAreRefusedByName() {
        Tensor x = SampleTensors.of("X", DType.UINT32, new long[] {1, 3}, 1);
        UnsupportedTensorTypeException e = assertThrows(UnsupportedTensorTypeException.class,
                () -> new TensorCodec(cache.environment()).toOnnx(x));
        assertEquals("X", e.tensorName());
    }
}
