package io.proofdesk.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8785 (JCS) for the JSON a report is made of. Reports hold only strings, integers, booleans, null, arrays and
 * objects — every measured number is written as a string — so JCS's number rule reduces to plain decimal integers
 * within ±(2^53-1), which are exactly what ECMAScript's Number.prototype.toString gives for them. Anything else
 * (a fraction, an exponent, a larger integer) is refused rather than formatted approximately. Keys are sorted by
 * UTF-16 code units ({@link String#compareTo}), strings escape only what JCS escapes, output is UTF-8.
 *
 * <p>{@code io.proofdesk.node.CanonicalJson} is not used here: it is the TEE hashes' form (Jackson's escaping and
 * number text), which is stable but not RFC 8785.
 */
public final class CanonicalReportJson {

    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Parsing limits for report files: a report of a million records is far below them. */
    public static final long MAX_DOCUMENT_BYTES = 512L << 20;

    private final ObjectMapper strict = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                    .maxDocumentLength(MAX_DOCUMENT_BYTES).maxStringLength(16 << 20).maxNumberLength(40).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** The canonical bytes of a JSON tree. */
    public byte[] bytes(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses JSON strictly: duplicate keys, trailing data and malformed UTF-8 are errors. */
    public JsonNode parse(byte[] bytes) throws IOException {
        JsonNode n = strict.readTree(bytes);
        if (n == null || n.isMissingNode()) {
            throw new IOException("empty document");
        }
        return n;
    }

    public ObjectMapper mapper() {
        return strict;
    }

    private static void write(JsonNode n, StringBuilder sb) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                n.fieldNames().forEachRemaining(names::add);
                names.sort(String::compareTo);
                sb.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    string(names.get(i), sb);
                    sb.append(':');
                    write(n.get(names.get(i)), sb);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(n.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> string(n.textValue(), sb);
            case NUMBER -> sb.append(integer(n));
            case BOOLEAN -> sb.append(n.booleanValue());
            case NULL -> sb.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + n.getNodeType());
        }
    }

    private static String integer(JsonNode n) {
        BigInteger v;
        if (n.isIntegralNumber()) {
            v = n.bigIntegerValue();
        } else {
            throw new IllegalArgumentException("the report format holds integers only; " + n + " is not one");
        }
        if (v.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw new IllegalArgumentException("integer " + v + " is outside ±(2^53-1), which JCS cannot represent");
        }
        return v.toString();
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("a string holds a lone surrogate, which is not Unicode text");
                }
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("a string holds a lone surrogate, which is not Unicode text");
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
