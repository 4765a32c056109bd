package io.proofdesk.node;

/** A file of a model version as the hub lists it; {@code sha256} (hex) may be null. */
public record HubFile(String filename, String ipfsCid, String sha256, long size) {
}
