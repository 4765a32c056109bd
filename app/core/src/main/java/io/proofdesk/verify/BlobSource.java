package io.proofdesk.verify;

import java.io.IOException;

/**
 * Raw blob bytes by blob id ({@link io.proofdesk.node.BlobStoreClient#fetch}). Absent: throw
 * {@link io.proofdesk.node.http.NotServedException}; unreachable or oversized: another IOException.
 */
@FunctionalInterface
public interface BlobSource {
    byte[] blob(String blobId) throws IOException;
}
