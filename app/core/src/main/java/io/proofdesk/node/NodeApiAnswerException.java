package io.proofdesk.node;

import java.io.IOException;

/** The node API answered, but not with an inference result Proofdesk can read; the message names the URL and why. */
public final class NodeApiAnswerException extends IOException {
    private final String url;

    public NodeApiAnswerException(String url, String reason) {
        super(url + ": " + reason);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
