package io.proofdesk.ui.controls;

/** How a verdict looks; mirrors the core's verdict outcomes. Colour always comes with a glyph and a word. */
public enum VerdictKind {
    VERIFIED(Glyph.VERIFIED, "verdict-verified"),
    MISMATCH(Glyph.MISMATCH, "verdict-mismatch"),
    UNVERIFIED(Glyph.UNVERIFIED, "verdict-unverified"),
    ERROR(Glyph.ERROR, "verdict-error");

    private final Glyph glyph;
    private final String styleClass;

    VerdictKind(Glyph glyph, String styleClass) {
        this.glyph = glyph;
        this.styleClass = styleClass;
    }

    public Glyph glyph() {
        return glyph;
    }

    public String styleClass() {
        return styleClass;
    }
}
