package io.proofdesk.ui.controls;

import io.proofdesk.domain.Verdict;

/**
 * How a verdict looks; mirrors the core's verdict outcomes, plus "not checked yet" for records without one.
 * Colour always comes with a glyph and a word.
 */
public enum VerdictKind {
    VERIFIED(Glyph.VERIFIED, "verdict-verified", "verdict.verified"),
    MISMATCH(Glyph.MISMATCH, "verdict-mismatch", "verdict.mismatch"),
    UNVERIFIED(Glyph.UNVERIFIED, "verdict-unverified", "verdict.unverified"),
    ERROR(Glyph.ERROR, "verdict-error", "verdict.error"),
    NOT_CHECKED(Glyph.NOT_CHECKED, "verdict-not-checked", "verdict.notChecked");

    private final Glyph glyph;
    private final String styleClass;
    private final String wordKey;

    VerdictKind(Glyph glyph, String styleClass, String wordKey) {
        this.glyph = glyph;
        this.styleClass = styleClass;
        this.wordKey = wordKey;
    }

    /** The kind for a record's latest verdict; null (never verified) is NOT_CHECKED. */
    public static VerdictKind of(Verdict verdict) {
        return verdict == null ? NOT_CHECKED : valueOf(verdict.name());
    }

    public Glyph glyph() {
        return glyph;
    }

    public String styleClass() {
        return styleClass;
    }

    /** The key of the verdict's word in strings.properties. */
    public String wordKey() {
        return wordKey;
    }
}
