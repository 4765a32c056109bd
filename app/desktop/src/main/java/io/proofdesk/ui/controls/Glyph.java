package io.proofdesk.ui.controls;

/** Line icons on a 24x24 grid, drawn as strokes (see app.css .icon-path). Drawn for Proofdesk. */
public enum Glyph {
    NETWORK("M9.5 5.5a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0z M2.5 18.5a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0z "
            + "M16.5 18.5a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0z M10.8 7.7L6.2 16.3 M13.2 7.7L17.8 16.3 M7.5 18.5H16.5"),
    MODELS("M12 2.5L20.5 7V17L12 21.5L3.5 17V7Z M3.5 7L12 11.5L20.5 7 M12 11.5V21.5"),
    INFERENCES("M9 6H20.5 M9 12H20.5 M9 18H20.5 M3.5 6a1 1 0 1 0 2 0a1 1 0 1 0 -2 0z "
            + "M3.5 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0z M3.5 18a1 1 0 1 0 2 0a1 1 0 1 0 -2 0z"),
    VERIFY("M12 2.5L19.5 5.5V11C19.5 15.8 16.3 19.6 12 21.5C7.7 19.6 4.5 15.8 4.5 11V5.5Z M8.5 12L11 14.5L15.8 9.5"),
    REPORTS("M6 2.5H14L19 7.5V21.5H6Z M14 2.5V7.5H19 M9 12H16 M9 15.5H16 M9 19H13"),
    SETTINGS("M3.5 6H7 M11 6H20.5 M7 6a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z M3.5 12H13 M17 12H20.5 "
            + "M13 12a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z M3.5 18H6 M10 18H20.5 M6 18a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z"),
    MOON("M20 14.5A8.5 8.5 0 1 1 9.5 4A6.8 6.8 0 0 0 20 14.5Z"),
    SUN("M8 12a4 4 0 1 0 8 0a4 4 0 1 0 -8 0z M12 2.5V4.5 M12 19.5V21.5 M2.5 12H4.5 M19.5 12H21.5 M5.3 5.3L6.7 6.7 "
            + "M17.3 17.3L18.7 18.7 M5.3 18.7L6.7 17.3 M17.3 6.7L18.7 5.3"),
    CLOSE("M6.5 6.5L17.5 17.5 M17.5 6.5L6.5 17.5"),
    ACTIVITY("M2.5 12H7L10 5L14 19L17 12H21.5"),
    PLAY("M7 4.5L19 12L7 19.5Z"),
    FOLDER("M3 6.5V18.5H21V8.5H11.5L9.5 6.5Z"),
    SYNC("M20 12a8 8 0 0 1 -14 5.3 M4 12a8 8 0 0 1 14 -5.3 M18.5 2.5V7H14 M5.5 21.5V17H10"),
    BRAND("M12 2.5L20 6V12C20 16.5 16.6 20.2 12 21.5C7.4 20.2 4 16.5 4 12V6Z M8 10.5H16 M8 14H13.5"),
    VERIFIED("M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0z M8 12.5L11 15.5L16.5 9"),
    MISMATCH("M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0z M9 9L15 15 M15 9L9 15"),
    UNVERIFIED("M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0z M8 12H16"),
    ERROR("M12 3.5L21.5 20H2.5Z M12 9.5V14 M12 16.5V17.5"),
    NOT_CHECKED("M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0z M12 7.5V12L15 14"),
    BACK("M19.5 12H4.5 M10.5 6L4.5 12L10.5 18"),
    SEARCH("M4 10.5a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0z M15.5 15.5L20.5 20.5"),
    /** A closed lock: the record's receipt proved up to a trusted checkpoint. */
    EVIDENCE_PROVED("M5.5 11H18.5V21H5.5Z M8.5 11V7.5a3.5 3.5 0 0 1 7 0V11 M12 14.5V17.5"),
    /** Two checks: several sources agreed. */
    EVIDENCE_AGREED("M2.5 12.5L6.5 16.5L13.5 8.5 M10.5 15L12 16.5L21.5 6.5"),
    /** An open lock: one endpoint's word, nothing proved. */
    EVIDENCE_TRUSTED("M5.5 11H18.5V21H5.5Z M8.5 11V7.5a3.5 3.5 0 0 1 6.8 -1.2 M12 14.5V17.5");

    private final String path;

    Glyph(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
