package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;

import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** How inference fields read in the table and the detail view. Times are UTC, the chain's own clock. */
public final class InferenceFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ResourceBundle strings;

    public InferenceFormat(ResourceBundle strings) {
        this.strings = strings;
    }

    /** {@code 0x3f9a1c…7be2:4#12}: enough of the tx hash to tell rows apart, and the exact log and leaf. */
    public static String shortId(RecordId id) {
        return shorten(id.txHash()) + ":" + id.logIndex() + (id.leafIndex() == null ? "" : "#" + id.leafIndex());
    }

    /** Long hex ids and CIDs as head…tail; short text unchanged. */
    public static String shorten(String text) {
        if (text == null || text.length() <= 16) {
            return text;
        }
        int head = text.startsWith("0x") ? 8 : 6;
        return text.substring(0, head) + "\u2026" + text.substring(text.length() - 4);
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    public String mode(InferenceMode m) {
        return strings.getString("inferences.mode." + m.name());
    }

    public String settlement(SettlementKind s) {
        return strings.getString("inferences.settlement." + s.name());
    }

    /** The TEE that signed the record, else the node that served it, else a dash. */
    public String source(Inference i) {
        if (i.teeId() != null) {
            return shorten(i.teeId());
        }
        if (i.nodeUrl() != null) {
            return host(i.nodeUrl());
        }
        return strings.getString("common.none");
    }

    static String host(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() != null) {
                return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            }
        } catch (IllegalArgumentException e) {
            // not a URL after all; show it as given
        }
        return url;
    }

    /**
     * What is said beside this record's verdict: "· one endpoint, not proved" when its evidence is TRUSTED and it has
     * a verdict; empty otherwise.
     */
    public static String evidenceQualifier(Inference i, ResourceBundle strings) {
        return evidenceQualifier(i.evidence(), i.verdict() != null, strings);
    }

    /** As {@link #evidenceQualifier(Inference, ResourceBundle)}, for a verdict shown apart from its record. */
    public static String evidenceQualifier(Evidence e, boolean verdictShown, ResourceBundle strings) {
        if (!verdictShown || e.verdictQualifier().isEmpty()) {
            return "";
        }
        return MessageFormat.format(strings.getString("evidence.qualifierLabel"),
                strings.getString("evidence.qualifier"));
    }

    public String orNone(String value) {
        return value == null || value.isBlank() ? strings.getString("common.none") : value;
    }
}
