package io.proofdesk.chain.sync;

/** What fetching one blob gave: its bytes, or why there are none (shown per record, never fatal). */
public sealed interface BlobFetch {

    String blobId();

    record Fetched(String blobId, byte[] bytes) implements BlobFetch {
    }

    record Failed(String blobId, String reason) implements BlobFetch {
    }
}
