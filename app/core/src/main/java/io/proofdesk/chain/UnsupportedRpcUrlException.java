package io.proofdesk.chain;

import okhttp3.HttpUrl;

/**
 * A JSON-RPC endpoint given as something other than an http:// or https:// URL ({@code file:///etc/passwd},
 * {@code ftp://...}, no scheme at all): bad input, refused before anything is read or written.
 */
public final class UnsupportedRpcUrlException extends IllegalArgumentException {

    private final String url;

    private UnsupportedRpcUrlException(String url, String message) {
        super(message);
        this.url = url;
    }

    public String url() {
        return url;
    }

    /**
     * @return {@code url}, when it is an http(s) URL with a host
     * @throws UnsupportedRpcUrlException saying what is wrong with it otherwise
     */
    public static String check(String url) {
        if (url == null || url.isBlank()) {
            throw new UnsupportedRpcUrlException(String.valueOf(url), "an RPC endpoint URL is empty");
        }
        if (HttpUrl.parse(url) != null) {
            return url;
        }
        String why = NotHttpUrlReason.of(url.trim());
        throw new UnsupportedRpcUrlException(url, "the RPC endpoint '" + url + "' is not an http:// or https:// URL ("
                + why + ")");
    }
}
