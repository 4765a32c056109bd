package io.proofdesk.chain.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.node.wire.StringTensorJson;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a blob's {@code model_inputs} document token by token when it has the plain shape nodes write (every field
 * once, of its own JSON type, nothing else), which is most of the CPU of building settled records when read into
 * {@link ModelInputsJson} through databind (a property-based creator per number). Anything else (a coercion, a null,
 * an unknown or repeated field, malformed JSON) gives null, and the caller reads the document with databind, which
 * decides what it means or words the error; so a document read here is exactly what databind would have made of it.
 */
final class ModelInputsReader {

    private static final SerializedString NUMBERS = new SerializedString("numbers");
    private static final SerializedString STRINGS = new SerializedString("strings");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString VALUES = new SerializedString("values");
    private static final SerializedString SHAPE = new SerializedString("shape");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString DECIMALS = new SerializedString("decimals");

    private final JsonFactory factory;

    /** {@code factory}: the one the databind reader uses, so both apply the same read constraints. */
    ModelInputsReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The document, or null when it is not in the plain shape. */
    ModelInputsJson read(String modelInputs) {
        try (JsonParser p = factory.createParser(modelInputs)) {
            return p.nextToken() == JsonToken.START_OBJECT ? document(p) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ModelInputsJson document(JsonParser p) throws IOException {
        List<NumberTensorJson> numbers = null;
        List<StringTensorJson> strings = null;
        for (String field = nextName(p, NUMBERS); field != null; field = nextName(p, STRINGS)) {
            if (field.equals("numbers") && numbers == null) {
                numbers = numbers(p);
                if (numbers == null) {
                    return null;
                }
            } else if (field.equals("strings") && strings == null) {
                strings = strings(p);
                if (strings == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        // databind reads no further than the end of the root object either
        return p.currentToken() == JsonToken.END_OBJECT ? new ModelInputsJson(numbers, strings) : null;
    }

    /** One element of an array, read from its first token; null refuses the document. */
    private interface Element<T> {
        T read(JsonParser p, JsonToken first) throws IOException;
    }

    /** What a tensor object becomes: a number or a string tensor. */
    private interface Tensor<V, T> {
        T of(String name, List<V> values, List<Long> shape);
    }

    /** An array of {@code element}s, or null when it is not an array or an element refuses. */
    private static <T> List<T> array(JsonParser p, Element<T> element) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<T> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            T e = element.read(p, t);
            if (e == null) {
                return null;
            }
            out.add(e);
        }
        return out;
    }

    private static List<NumberTensorJson> numbers(JsonParser p) throws IOException {
        return array(p, (q, t) -> tensor(q, t, ModelInputsReader::values, NumberTensorJson::new, true));
    }

    private static List<StringTensorJson> strings(JsonParser p) throws IOException {
        return array(p, (q, t) -> tensor(q, t, ModelInputsReader::texts, StringTensorJson::new, false));
    }

    /** {"name", "values", "shape"} each at most once; {@code shapeRequired} as databind's creator requires it. */
    private static <V, T> T tensor(JsonParser p, JsonToken first, ValuesReader<V> read, Tensor<V, T> make,
                                   boolean shapeRequired) throws IOException {
        if (first != JsonToken.START_OBJECT) {
            return null;
        }
        String name = null;
        List<V> values = null;
        List<Long> shape = null;
        for (String field = nextName(p, NAME); field != null; field = nextName(p, values == null ? VALUES : SHAPE)) {
            if (field.equals("name") && name == null) {
                name = p.nextTextValue();
                if (name == null) {
                    return null;
                }
            } else if (field.equals("values") && values == null) {
                values = read.read(p);
                if (values == null) {
                    return null;
                }
            } else if (field.equals("shape") && shape == null) {
                shape = longs(p);
                if (shape == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || name == null || values == null
                || (shapeRequired && shape == null)) {
            return null;
        }
        return make.of(name, values, shape);
    }

    /** A tensor's values array. */
    private interface ValuesReader<V> {
        List<V> read(JsonParser p) throws IOException;
    }

    private static List<FixedPointValue> values(JsonParser p) throws IOException {
        return array(p, (q, t) -> {
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            BigInteger value = null;
            BigInteger decimals = null;
            for (String field = nextName(q, VALUE); field != null; field = nextName(q, DECIMALS)) {
                if (field.equals("value") && value == null) {
                    value = integer(q);
                    if (value == null) {
                        return null;
                    }
                } else if (field.equals("decimals") && decimals == null) {
                    decimals = integer(q);
                    if (decimals == null) {
                        return null;
                    }
                } else {
                    return null;
                }
            }
            return q.currentToken() != JsonToken.END_OBJECT || value == null || decimals == null ? null
                    : new FixedPointValue(value, decimals);
        });
    }

    /**
     * The next field's name, or null at the end of the object. Naming the field that usually comes next lets the
     * parser compare it in place instead of looking it up in its symbol table (most of the cost of a small object).
     */
    private static String nextName(JsonParser p, SerializedString expected) throws IOException {
        if (p.nextFieldName(expected)) {
            return expected.getValue();
        }
        return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }

    /** A JSON integer as databind reads it into a BigInteger, without going through text for small ones. */
    private static BigInteger integer(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                : BigInteger.valueOf(p.getLongValue());
    }

    private static List<Long> longs(JsonParser p) throws IOException {
        // a dimension beyond a long is databind's error to word
        return array(p, (q, t) -> t != JsonToken.VALUE_NUMBER_INT
                || q.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : q.getLongValue());
    }

    private static List<String> texts(JsonParser p) throws IOException {
        return array(p, (q, t) -> t != JsonToken.VALUE_STRING ? null : q.getText());
    }
}
