package io.proofdesk.node.cid;

/** A content id string that is not a CIDv0 Proofdesk can read; carries the offending text. */
public final class InvalidCidException extends IllegalArgumentException {

    private final String text;

    public InvalidCidException(String text, String reason) {
        super("invalid content id '" + abbreviate(text) + "': " + reason);
        this.text = text;
    }

    public String text() {
        return text;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
