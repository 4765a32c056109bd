package io.proofdesk.verify;

import java.io.IOException;

/**
 * The blob store now serves a blob other than the one the sync stored: the record's stored input and output were
 * read from that earlier copy, so a check of today's copy would say nothing about them. A failure, not an outage.
 */
public final class BlobChangedException extends IOException {

    public BlobChangedException(String message) {
        super(message);
    }
}
