package io.proofdesk.node.http;

import java.io.IOException;

/** A server answered 404 for something Proofdesk asked for by id (a blob, a model file): it is not there. */
public final class NotFoundException extends IOException {
    private final String url;

    public NotFoundException(String url) {
        super(url + " answered 404: not found");
        this.url = url;
    }

    public String url() {
        return url;
    }
}
