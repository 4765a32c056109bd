package io.proofdesk.node.http;

import java.io.IOException;

/** A server answered with more bytes than Proofdesk accepts from it. */
public final class ResponseTooLargeException extends IOException {
    private final String url;
    private final long limit;

    public ResponseTooLargeException(String url, long limit) {
        super("the answer from " + url + " is larger than " + limit + " bytes; refusing to read it");
        this.url = url;
        this.limit = limit;
    }

    public String url() {
        return url;
    }

    public long limit() {
        return limit;
    }
}
