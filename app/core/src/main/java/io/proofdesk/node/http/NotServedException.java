package io.proofdesk.node.http;

import java.io.IOException;

/**
 * What Proofdesk asked for by id (a blob, a model file) is not served to it: the server answered 404, 410, 401 or
 * 403, or the network has no such source at all. Verification reads this as "cannot be checked" (UNVERIFIED), never
 * as an error of the record or of Proofdesk: a hub that keeps its model files private is not evidence of anything.
 */
public final class NotServedException extends IOException {
    private final String url;

    public NotServedException(String url) {
        this(url, url + " answered 404: not found");
    }

    public NotServedException(String url, String message) {
        super(message);
        this.url = url;
    }

    /** An HTTP status that means "not here for you": 401, 403, 404 and 410. */
    public static boolean isNotServed(int httpStatus) {
        return httpStatus == 401 || httpStatus == 403 || httpStatus == 404 || httpStatus == 410;
    }

    public String url() {
        return url;
    }
}
