package io.proofdesk.network;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a typed endpoint URL is one Proofdesk will call: http or https, a host, no credentials, not absurdly long.
 * The desktop's form and the profile reader word the problem their own way; the rule is this one.
 */
public final class EndpointUrl {

    public static final int MAX_LENGTH = 2_000;

    /** What is wrong with a URL; {@code detail} is the scheme, or the parser's reason and 1-based position. */
    public record Problem(Kind kind, String detail, int position) {
    }

    public enum Kind { TOO_LONG, SYNTAX, NO_SCHEME, SCHEME, NO_HOST, USER_INFO }

    private EndpointUrl() {
    }

    public static Optional<Problem> check(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of(new Problem(Kind.TOO_LONG, "", 0));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(new Problem(Kind.SYNTAX, e.getReason(), e.getIndex() + 1));
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return Optional.of(new Problem(Kind.NO_SCHEME, "", 0));
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return Optional.of(new Problem(Kind.SCHEME, scheme, 0));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of(new Problem(Kind.NO_HOST, "", 0));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(new Problem(Kind.USER_INFO, "", 0));
        }
        return Optional.empty();
    }

    /** The problem as an English sentence naming {@code where} (a profile key such as "rpc[1]"). */
    public static String sentence(String where, String url, Problem p) {
        return switch (p.kind()) {
            case TOO_LONG -> where + " is longer than " + MAX_LENGTH + " characters";
            case SYNTAX -> where + ": \u201c" + url + "\u201d is not a URL (" + p.detail() + " at character "
                    + p.position() + ")";
            case NO_SCHEME -> where + ": \u201c" + url + "\u201d has no scheme; start it with http:// or https://";
            case SCHEME -> where + ": \u201c" + url + "\u201d uses " + p.detail()
                    + "; only http:// and https:// are supported";
            case NO_HOST -> where + ": \u201c" + url + "\u201d has no host name";
            case USER_INFO -> where + ": \u201c" + url + "\u201d contains a user name or password; Proofdesk does "
                    + "not store credentials in URLs";
        };
    }
}
