package io.proofdesk.chain.sync;

import io.proofdesk.domain.Inference;

import java.util.List;

/**
 * A record built from the chain (and its blob), with why parts of it are missing; stored with them as its note.
 * {@code nodeApiOutput}: the node API URL the output came from when it is not on chain (null otherwise), so that the
 * evidence a chunk proves for the record still says so.
 */
record BuiltRecord(Inference inference, List<String> problems, String nodeApiOutput) {

    BuiltRecord {
        problems = List.copyOf(problems);
    }

    BuiltRecord(Inference inference, List<String> problems) {
        this(inference, problems, null);
    }
}
