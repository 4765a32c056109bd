package io.proofdesk.node;

/** The model hub or file store at {@code url} could not be read, or answered with something unusable. */
public final class HubAnswerException extends RuntimeException {
    private final String url;
    private final String problem;

    public HubAnswerException(String url, String problem, Throwable cause) {
        super(url + ": " + problem, cause);
        this.url = url;
        this.problem = problem;
    }

    public String url() {
        return url;
    }

    public String problem() {
        return problem;
    }
}
