package io.proofdesk.chain.sync;

import java.util.List;

/** A string tensor as the chain or a blob states it; {@code shape} null means flat. */
record NamedStrings(String name, List<String> values, long[] shape) {
    NamedStrings {
        values = List.copyOf(values);
    }
}
