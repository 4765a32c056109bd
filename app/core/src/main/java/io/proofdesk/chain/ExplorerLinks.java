package io.proofdesk.chain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links into a network's block explorer (Etherscan-style paths: {@code <base>/tx/<hash>}). A network without an
 * explorer, or with a base that is not an absolute http(s) URL, has no links: what is shown to a user as a link
 * to follow must not be some other scheme (file:, javascript:) that a settings file happened to hold.
 */
public final class ExplorerLinks {

    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final ExplorerLinks NONE = new ExplorerLinks(null);

    private final String base;

    private ExplorerLinks(String base) {
        this.base = base;
    }

    /** Links under {@code base}; none when it is absent, blank or not a usable http(s) URL ({@link #problem}). */
    public static ExplorerLinks of(Optional<String> base) {
        return base.filter(b -> problem(b).isEmpty())
                .map(b -> new ExplorerLinks(stripTrailingSlashes(b.strip())))
                .orElse(NONE);
    }

    /** Why {@code base} cannot be an explorer URL, as a sentence; empty if it can. */
    public static Optional<String> problem(String base) {
        if (base == null || base.isBlank()) {
            return Optional.of("no explorer URL is given");
        }
        URI uri;
        try {
            uri = new URI(base.strip());
        } catch (URISyntaxException e) {
            return Optional.of("the explorer URL '" + base.strip() + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("the explorer URL '" + base.strip() + "' must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the explorer URL '" + base.strip() + "' names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("the explorer URL '" + base.strip() + "' must not have a query or fragment, as "
                    + "paths are added after it");
        }
        return Optional.empty();
    }

    /** Whether there is an explorer to link to at all (a menu shows its "open in explorer" item only then). */
    public boolean available() {
        return base != null;
    }

    /** The explorer's page of a transaction; empty without an explorer or for text that is not a tx hash. */
    public Optional<URI> transaction(String txHash) {
        if (base == null || txHash == null) {
            return Optional.empty();
        }
        String hash = txHash.strip().toLowerCase(Locale.ROOT);
        if (!TX_HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(base + "/tx/" + hash));
    }

    private static String stripTrailingSlashes(String s) {
        String out = s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
