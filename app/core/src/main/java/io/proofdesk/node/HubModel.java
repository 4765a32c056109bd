package io.proofdesk.node;

import java.util.List;

/** A model as the hub lists it ({@code GET /api/v0/models/}). {@code description} may be null. */
public record HubModel(String name, String description, List<String> versions) {
    public HubModel {
        versions = List.copyOf(versions);
    }
}
