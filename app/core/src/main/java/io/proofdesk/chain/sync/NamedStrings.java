package io.proofdesk.chain.sync;

import java.util.List;

/**
 * A string tensor as the chain or a blob states it; {@code shape} null means flat. {@code json}: one of a ModelOutput's
 * {@code jsons} (a named JSON document, one element), kept apart from string tensors so it is shown parsed.
 */
record NamedStrings(String name, List<String> values, long[] shape, boolean json) {
    NamedStrings {
        values = List.copyOf(values);
    }

    NamedStrings(String name, List<String> values, long[] shape) {
        this(name, values, shape, false);
    }

    /** A {@code jsons} entry: its document as the one element. */
    static NamedStrings json(String name, String document) {
        return new NamedStrings(name, List.of(document), new long[] {1}, true);
    }
}
