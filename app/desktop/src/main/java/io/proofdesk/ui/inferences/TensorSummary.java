package io.proofdesk.ui.inferences;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** A tensor as one line of the detail view: name, element type, shape and its first few values. */
public record TensorSummary(String name, String dtype, String shape, String firstValues) {

    static final int SHOWN_VALUES = 8;

    public static TensorSummary of(Tensor t) {
        String shape = Arrays.stream(t.shape()).mapToObj(Long::toString).collect(Collectors.joining(" \u00d7 ", "[", "]"));
        if (io.proofdesk.domain.JsonTensor.isJson(t)) {
            // a jsons document: shown under its own name as the JSON text, not as a quoted string
            return new TensorSummary(io.proofdesk.domain.JsonTensor.nameOf(t), "json", shape,
                    io.proofdesk.domain.JsonTensor.documentOf(t));
        }
        return new TensorSummary(t.name(), t.type().name().toLowerCase(Locale.ROOT), shape, firstValues(t));
    }

    static String firstValues(Tensor t) {
        int n = t.size();
        int shown = Math.min(n, SHOWN_VALUES);
        StringJoiner out = new StringJoiner(", ");
        if (t.type() == DType.STRING) {
            t.strings().stream().limit(shown).forEach(s -> out.add('"' + s + '"'));
        } else {
            double[] values = t.toDoubles();
            for (int i = 0; i < shown; i++) {
                out.add(number(values[i], t.type()));
            }
        }
        return n > shown ? out + ", \u2026 (" + n + " values)" : out.toString();
    }

    private static String number(double v, DType type) {
        if (!type.isFloatingPoint()) {
            return Long.toString((long) v);
        }
        if (type == DType.DOUBLE) {
            return Double.toString(v);
        }
        return Float.toString((float) v);
    }
}
