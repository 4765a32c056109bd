package io.proofdesk.domain;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A tensor's elements as exact decimal strings, for people and JSON: integers exactly (INT64 and UINT64 too, which a
 * double cannot hold), floating-point elements as the shortest decimal that reads back to the same float or double
 * (what the chain's fixed-point value decoded to), strings as they are. Non-finite values read "NaN", "Infinity".
 */
public final class TensorValues {

    private TensorValues() {
    }

    public static List<String> decimals(Tensor t) {
        if (t.type() == DType.STRING) {
            return t.strings();
        }
        int n = t.size();
        List<String> out = new ArrayList<>(n);
        ByteBuffer b = t.buffer();
        for (int i = 0; i < n; i++) {
            out.add(switch (t.type()) {
                case FLOAT -> shortest(Float.toString(b.getFloat(i * 4)));
                case DOUBLE -> shortest(Double.toString(b.getDouble(i * 8)));
                case FLOAT16 -> shortest(Float.toString(Float.float16ToFloat(b.getShort(i * 2))));
                case BFLOAT16 -> shortest(Float.toString(Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16)));
                case INT8 -> Byte.toString(b.get(i));
                case UINT8 -> Integer.toString(b.get(i) & 0xff);
                case BOOL -> b.get(i) == 0 ? "0" : "1";
                case INT16 -> Short.toString(b.getShort(i * 2));
                case UINT16 -> Integer.toString(b.getShort(i * 2) & 0xffff);
                case INT32 -> Integer.toString(b.getInt(i * 4));
                case UINT32 -> Long.toString(b.getInt(i * 4) & 0xffffffffL);
                case INT64 -> Long.toString(b.getLong(i * 8));
                case UINT64 -> Long.toUnsignedString(b.getLong(i * 8));
                case STRING -> throw new IllegalStateException("unreachable");
            });
        }
        return out;
    }

    /** "0.25" rather than "2.5E-1", "3" rather than "3.0"; NaN and infinities as Java spells them. */
    private static String shortest(String javaText) {
        if (javaText.equals("NaN") || javaText.endsWith("Infinity")) {
            return javaText;
        }
        BigDecimal d = new BigDecimal(javaText).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
