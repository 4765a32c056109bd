package io.proofdesk.attest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jackson set up to write exactly what Python's {@code json.dumps(obj, sort_keys=True)} writes: keys sorted by code
 * point (Python's str order, not Java's UTF-16 order), separators ", " and ": ", every character outside
 * space..tilde escaped as lower-case {@code \\uXXXX} (UTF-16 surrogates separately), the short escapes for \b \t \n
 * \f \r, and floats as Python's {@code repr} ({@code 1.0}, {@code 1e-05}, {@code 1e+16}, {@code NaN}, {@code
 * Infinity}). TEE gateways sign and hash these bytes, so one character of difference breaks verification.
 *
 * <p>Values are what Jackson reads JSON into ({@code Map}, {@code List}, {@code String}, {@code Boolean}, integers of
 * any size, {@code Double}, null) — the same values Python's {@code json.loads} gives.
 */
public final class PythonJson {

    /** Python compares str keys by code point; Java's natural order compares UTF-16 units. */
    static final Comparator<String> CODE_POINT_ORDER = PythonJson::compareCodePoints;

    private static final ObjectWriter WRITER = new ObjectMapper()
            .registerModule(new SimpleModule("python-floats")
                    .addSerializer(Double.class, new PythonFloatSerializer())
                    .addSerializer(Double.TYPE, new PythonFloatSerializer()))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .writer(new PythonSeparators())
            .with(new PythonAsciiEscapes());

    private PythonJson() {
    }

    /** {@code json.dumps(value, sort_keys=True)}; the text is ASCII. */
    public static String sortedDumps(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsString(inPythonKeyOrder(value));
    }

    /** {@code json.dumps(value, sort_keys=True).encode("utf-8")}: the bytes gateways hash and sign. */
    public static byte[] sortedDumpsBytes(Object value) throws JsonProcessingException {
        return sortedDumps(value).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back as the same double (the nearest such if
     * several), fixed notation for decimal exponents -4..15, otherwise {@code d.ddde+XX}.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // the value is 0.<digits> x 10^point
        int point = digits.length() - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (point <= -4 || point > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = point - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    /** The fewest significant digits that read back as {@code d}; among candidates of that length the nearest. */
    private static BigDecimal shortestRoundTrip(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            BigDecimal best = null;
            // next to a power of two the rounding interval is lopsided: a neighbour may read back where the
            // nearest candidate does not
            for (BigDecimal candidate : new BigDecimal[] {rounded, rounded.subtract(rounded.ulp()),
                    rounded.add(rounded.ulp())}) {
                if (candidate.signum() > 0 && candidate.doubleValue() == d && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return new BigDecimal(Double.toString(d));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Maps become sorted maps in Python's key order; Jackson keeps a SortedMap's order as it is. */
    private static Object inPythonKeyOrder(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>(CODE_POINT_ORDER);
            map.forEach((k, v) -> sorted.put(String.valueOf(k), inPythonKeyOrder(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(inPythonKeyOrder(v)));
            return copy;
        }
        return value;
    }

    private static final class PythonFloatSerializer extends StdSerializer<Double> {
        PythonFloatSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(floatRepr(value));
        }
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }

    private static final class PythonAsciiEscapes extends CharacterEscapes {
        private final int[] ascii;

        PythonAsciiEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (ascii[c] == CharacterEscapes.ESCAPE_STANDARD) {
                    ascii[c] = CharacterEscapes.ESCAPE_CUSTOM;
                }
            }
            ascii[0x7f] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
        }
    }
}
