package io.proofdesk.ui.network;

import io.proofdesk.network.CheckpointText;
import io.proofdesk.network.EndpointUrl;
import io.proofdesk.network.NetworkContracts;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The checks of single fields of the network form, each adding a sentence that names the field (and the line, for
 * lists) to the problems: URLs (by {@link EndpointUrl}'s rule), contract addresses, whole numbers, file paths.
 */
final class FieldChecks {

    private final ResourceBundle strings;
    private final List<NetworkForm.Problem> problems;

    FieldChecks(ResourceBundle strings, List<NetworkForm.Problem> problems) {
        this.strings = strings;
        this.problems = problems;
    }

    /** Non-blank lines, stripped; more than {@code max} is a problem (and only the first {@code max} are kept). */
    List<String> lines(NetworkField field, String text, int max) {
        List<String> lines = text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (lines.size() > max) {
            add(field, "network.problem.tooMany", label(field), lines.size(), max);
            return lines.subList(0, max);
        }
        return lines;
    }

    /** Each line checked by {@code check}, named "RPC URL 2" when there are several; duplicates are a problem. */
    List<String> each(NetworkField field, String lineKey, List<String> lines, Checker check) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = lines.size() == 1 ? label(field) : MessageFormat.format(strings.getString(lineKey), i + 1);
            String value = check.check(field, where, lines.get(i));
            if (value == null) {
                continue;
            }
            if (out.contains(value)) {
                add(field, "network.problem.duplicate", label(field), lines.get(i));
            } else {
                out.add(value);
            }
        }
        return out;
    }

    @FunctionalInterface
    interface Checker {
        /** The value to keep, or null after adding a problem. */
        String check(NetworkField field, String where, String text);
    }

    String optionalUrl(NetworkField field, String text) {
        return blank(text) ? null : url(field, label(field), text.strip());
    }

    /** http or https, a host, nothing a browser would not send; says what is wrong and where. */
    String url(NetworkField field, String where, String url) {
        EndpointUrl.Problem p = EndpointUrl.check(url).orElse(null);
        if (p == null) {
            return url;
        }
        switch (p.kind()) {
            case TOO_LONG -> add(field, "network.problem.urlTooLong", where, EndpointUrl.MAX_LENGTH);
            case SYNTAX -> add(field, "network.problem.urlSyntax", where, shown(url), p.detail(), p.position());
            case NO_SCHEME -> add(field, "network.problem.urlNoScheme", where, shown(url));
            case SCHEME -> add(field, "network.problem.urlScheme", where, shown(url), p.detail());
            case NO_HOST -> add(field, "network.problem.urlNoHost", where, shown(url));
            case USER_INFO -> add(field, "network.problem.urlUserInfo", where, shown(url));
        }
        return null;
    }

    String address(NetworkField field, String where, String text) {
        String a = text.strip();
        if (!NetworkContracts.isAddress(a)) {
            add(field, "network.problem.address", where, shown(a));
            return null;
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /** An absolute path (a relative one is taken from the folder Proofdesk runs in, as a file chooser would). */
    String path(NetworkField field, String where, String text) {
        try {
            return Path.of(text.strip()).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            add(field, "network.problem.path", where, shown(text), e.getReason());
            return null;
        }
    }

    /**
     * Each line a checkpoint {@code N:0xHASH} ({@link CheckpointText}), named "Checkpoint 2" when there are several;
     * the same block pinned to two hashes is a problem. Kept as {@code N:0xhash}.
     */
    List<String> checkpoints(NetworkField field, List<String> lines) {
        java.util.Map<Long, CheckpointText> byBlock = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = lines.size() == 1 ? label(field)
                    : MessageFormat.format(strings.getString("network.field.checkpointN"), i + 1);
            CheckpointText c;
            try {
                c = CheckpointText.parse(lines.get(i));
            } catch (IllegalArgumentException e) {
                add(field, "network.problem.checkpoint", where, shown(lines.get(i)));
                continue;
            }
            CheckpointText before = byBlock.putIfAbsent(c.number(), c);
            if (before != null && !before.equals(c)) {
                add(field, "network.problem.checkpointTwice", where, c.number());
            }
        }
        return byBlock.values().stream().map(CheckpointText::toString).toList();
    }

    /** A whole number of at least {@code min}, or null (blank text is null without a problem). */
    Long number(NetworkField field, String text, long min, String problemKey) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip().replace(",", "").replace("_", "");
        try {
            long n = Long.parseLong(t);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(field, problemKey, shown(text.strip()));
        return null;
    }

    String label(NetworkField field) {
        return strings.getString(field.labelKey());
    }

    void add(NetworkField field, String key, Object... args) {
        problems.add(new NetworkForm.Problem(field, MessageFormat.format(strings.getString(key), args)));
    }

    /** Typed text shown back in a sentence: short enough to read. */
    static String shown(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 60 ? t.substring(0, 57) + "\u2026" : t;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
