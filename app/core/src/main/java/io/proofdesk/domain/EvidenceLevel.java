package io.proofdesk.domain;

import java.util.Locale;

/**
 * How firmly a record's presence on chain is established, strongest first (docs/CHAIN-EVIDENCE.md). The level says
 * where the record came from, not whether it is honest: that is the verdict's job, and a TRUSTED record keeps its
 * weaker evidence beside any verdict it gets.
 */
public enum EvidenceLevel {
    /** Its receipt (and calldata) proved against a block header that is linked by parent hashes to a trusted checkpoint. */
    PROVED,
    /** Not proved, but K of N independent sources (endpoints, an explorer) gave the same logs and headers. */
    AGREED,
    /** One source's word: nothing about it was proved or cross-checked. */
    TRUSTED;

    /**
     * The level named by {@code text} (any case, surrounding blanks ignored).
     * @throws IllegalArgumentException naming the text and the three levels
     */
    public static EvidenceLevel parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (EvidenceLevel l : values()) {
            if (l.name().equals(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an evidence level; use PROVED, AGREED or TRUSTED");
    }

    /** Whether this level is weaker than {@code other} (TRUSTED is weaker than AGREED, AGREED than PROVED). */
    public boolean weakerThan(EvidenceLevel other) {
        return ordinal() > other.ordinal();
    }
}
