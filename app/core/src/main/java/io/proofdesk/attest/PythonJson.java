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
import java.io.IOException;
import java.util.Locale;

/**
 * Jackson set up to write exactly what Python's {@code json.dumps(obj, sort_keys=True)} writes: keys sorted,
 * separators ", " and ": ", every character outside space..tilde escaped as lower-case {@code \\uXXXX}
 * (UTF-16 surrogates separately), the short escapes for \b \t \n \f \r. Signatures in the legacy format are
 * over these bytes, so one character of difference breaks verification.
 */
final class PythonJson {

    private static final ObjectWriter WRITER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .writer(new PythonSeparators())
            .with(new PythonAsciiEscapes());

    private PythonJson() {
    }

    static String sortedDumps(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsString(value);
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
