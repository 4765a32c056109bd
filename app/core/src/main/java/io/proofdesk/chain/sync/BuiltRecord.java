package io.proofdesk.chain.sync;

import io.proofdesk.domain.Inference;

import java.util.List;

/** A record built from the chain (and its blob), with why parts of it are missing; stored with them as its note. */
record BuiltRecord(Inference inference, List<String> problems) {

    BuiltRecord {
        problems = List.copyOf(problems);
    }
}
