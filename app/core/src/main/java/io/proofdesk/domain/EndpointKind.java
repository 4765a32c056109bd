package io.proofdesk.domain;

/** What an endpoint the user configured serves. */
public enum EndpointKind {
    RPC, HUB, FILE_STORE, BLOB_STORE, NODE
}
