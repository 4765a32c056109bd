package io.proofdesk.domain;

/**
 * A named JSON document of a ModelOutput's {@code jsons} (OpenGradient's newer layouts), kept as a one-element STRING
 * tensor whose name carries {@link #SUFFIX}, so the store (no schema change) tells it apart from a string tensor and
 * a printout can show the document parsed. Records synced before this was kept have plain string tensors instead.
 */
public final class JsonTensor {

    /** Marks a jsons tensor; '#' cannot start an ONNX value name the exporters write. */
    public static final String SUFFIX = "#json";

    private JsonTensor() {
    }

    public static Tensor of(String name, String document) {
        return Tensor.ofStrings(name + SUFFIX, new long[] {1}, java.util.List.of(document));
    }

    public static boolean isJson(Tensor t) {
        return t.type() == DType.STRING && t.name().endsWith(SUFFIX) && t.strings().size() == 1;
    }

    /** The document's name as the record states it (without the marker). */
    public static String nameOf(Tensor t) {
        return isJson(t) ? t.name().substring(0, t.name().length() - SUFFIX.length()) : t.name();
    }

    public static String documentOf(Tensor t) {
        return t.strings().getFirst();
    }
}
