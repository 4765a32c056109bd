package io.proofdesk.reexec;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded tensors of any element type, with finite values spread over the type's range (negatives included). */
final class SampleTensors {

    private SampleTensors() {
    }

    static Tensor of(String name, DType type, long[] shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = (int) Tensor.elementCount(shape);
        if (type == DType.STRING) {
            List<String> s = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                s.add(i % 3 == 0 ? "" : "v" + r.nextInt(1000) + (i % 2 == 0 ? "é€" : ""));
            }
            return Tensor.ofStrings(name, shape, s);
        }
        ByteBuffer b = ByteBuffer.allocate(n * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double v = (r.nextDouble() - 0.5) * 200;
            switch (type) {
                case FLOAT -> b.putFloat((float) v);
                case DOUBLE -> b.putDouble(v);
                case FLOAT16 -> b.putShort(Float.floatToFloat16((float) v));
                case BFLOAT16 -> b.putShort((short) (Float.floatToIntBits((float) v) >>> 16));
                case BOOL -> b.put((byte) r.nextInt(2));
                case INT8, UINT8 -> b.put((byte) r.nextInt());
                case INT16, UINT16 -> b.putShort((short) r.nextInt());
                case INT32, UINT32 -> b.putInt(r.nextInt());
                case INT64, UINT64 -> b.putLong(r.nextLong());
                case STRING -> throw new IllegalStateException();
            }
        }
        return new Tensor(name, type, shape, b.array(), null);
    }
}
