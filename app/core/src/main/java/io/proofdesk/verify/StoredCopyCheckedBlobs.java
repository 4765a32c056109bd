package io.proofdesk.verify;

import io.proofdesk.store.Store;

import java.io.IOException;

/**
 * Fetches blobs and holds each to the copy the sync stored, where there is one. The sync reads a record's input and
 * output tensors out of the blob it fetched, and those stored tensors are what re-execution runs and the detail view
 * shows, while the blob check hashes the blob fetched now. Were the two allowed to differ, a blob store could serve
 * a made-up (but self-consistent) input and output to the sync and the settled blob to the verifier, and the record
 * would verify with tensors that were never settled. Blobs the sync did not store (over its size cap, or not
 * fetched then) are checked as fetched.
 */
record StoredCopyCheckedBlobs(Store store, BlobSource network) implements BlobSource {

    @Override
    public byte[] blob(String blobId) throws IOException {
        byte[] fetched = network.blob(blobId);
        boolean differs = store.read(tx -> tx.blobs().sameAs(blobId, fetched)).map(same -> !same).orElse(false);
        if (differs) {
            throw new BlobChangedException("the blob store now serves " + fetched.length + " bytes that differ from "
                    + "the copy the sync stored and read this record's input and output from");
        }
        return fetched;
    }
}
