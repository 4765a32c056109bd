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

    private static List<NumberTensorJson> numbers(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<NumberTensorJson> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            String name = null;
            List<FixedPointValue> values = null;
            List<Long> shape = null;
            for (String field = nextName(p, NAME); field != null;
                 field = nextName(p, values == null ? VALUES : SHAPE)) {
                if (field.equals("name") && name == null) {
                    name = p.nextTextValue();
                    if (name == null) {
                        return null;
                    }
                } else if (field.equals("values") && values == null) {
                    values = values(p);
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
            if (p.currentToken() != JsonToken.END_OBJECT || name == null || values == null || shape == null) {
                return null;
            }
            out.add(new NumberTensorJson(name, values, shape));
        }
        return out;
    }

    private static List<FixedPointValue> values(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<FixedPointValue> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            BigInteger value = null;
            BigInteger decimals = null;
            for (String field = nextName(p, VALUE); field != null; field = nextName(p, DECIMALS)) {
                if (field.equals("value") && value == null) {
                    value = integer(p);
                    if (value == null) {
                        return null;
                    }
                } else if (field.equals("decimals") && decimals == null) {
                    decimals = integer(p);
                    if (decimals == null) {
                        return null;
                    }
                } else {
                    return null;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || value == null || decimals == null) {
                return null;
            }
            out.add(new FixedPointValue(value, decimals));
        }
        return out;
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
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            // a dimension beyond a long is databind's error to word
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return null;
            }
            out.add(p.getLongValue());
        }
        return out;
    }

    private static List<StringTensorJson> strings(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<StringTensorJson> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            String name = null;
            List<String> values = null;
            List<Long> shape = null;
            for (String field = nextName(p, NAME); field != null;
                 field = nextName(p, values == null ? VALUES : SHAPE)) {
                if (field.equals("name") && name == null) {
                    name = p.nextTextValue();
                    if (name == null) {
                        return null;
                    }
                } else if (field.equals("values") && values == null) {
                    values = texts(p);
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
            if (p.currentToken() != JsonToken.END_OBJECT || name == null || values == null) {
                return null;
            }
            out.add(new StringTensorJson(name, values, shape));
        }
        return out;
    }

    private static List<String> texts(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                return null;
            }
            out.add(p.getText());
        }
        return out;
    }
}
