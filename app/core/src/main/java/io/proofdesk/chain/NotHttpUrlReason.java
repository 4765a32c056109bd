package io.proofdesk.chain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a URL okhttp refused is no http(s) URL, in the words both the RPC endpoint and the block explorer checks use:
 * no scheme, an http(s) scheme without a valid host, or another scheme.
 */
final class NotHttpUrlReason {

    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://");

    private NotHttpUrlReason() {
    }

    static String of(String url) {
        Matcher m = SCHEME.matcher(url);
        String scheme = m.lookingAt() ? m.group(1) : null;
        return scheme == null ? "it has no http:// or https:// scheme"
                : scheme.toLowerCase(Locale.ROOT).matches("https?") ? "it has no valid host"
                : "the scheme '" + scheme + "' is not supported";
    }
}
