package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/** A model in the registry/hub. Nullable: owner, description, createdAt, registeredBlock. */
public record Model(String name, String owner, String description, Instant createdAt, Long registeredBlock) {

    public Model {
        Objects.requireNonNull(name, "name");
    }
}
