package io.proofdesk.gateway;

import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;

import java.util.List;
import java.util.Objects;

/** A TEE's current registry entry and its registry events, oldest first (to fold for its status at a time). */
public record RegisteredTee(Tee tee, List<TeeEvent> history) {

    public RegisteredTee {
        Objects.requireNonNull(tee, "tee");
        history = List.copyOf(history);
    }
}
