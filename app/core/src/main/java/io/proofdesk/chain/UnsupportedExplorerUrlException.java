package io.proofdesk.chain;

import okhttp3.HttpUrl;

/**
 * A block explorer given as something other than an http:// or https:// URL ({@code file:///etc/passwd},
 * {@code ftp://...}, no scheme): bad input, refused before anything is read or written.
 */
public final class UnsupportedExplorerUrlException extends IllegalArgumentException {

    private UnsupportedExplorerUrlException(String message) {
        super(message);
    }

    /**
     * @return {@code url} parsed, when it is an http(s) URL with a host
     * @throws UnsupportedExplorerUrlException saying what is wrong with it otherwise
     */
    public static HttpUrl check(String url) {
        if (url == null || url.isBlank()) {
            throw new UnsupportedExplorerUrlException("a block explorer URL is empty");
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed != null) {
            return parsed;
        }
        String why = NotHttpUrlReason.of(url.strip());
        throw new UnsupportedExplorerUrlException("the block explorer '" + url.strip()
                + "' is not an http:// or https:// URL (" + why + ")");
    }
}
