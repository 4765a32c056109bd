package io.proofdesk.reexec;

/** A fixed-point number that cannot be converted: decimals out of range, value beyond int128 or the target type. */
public final class FixedPointException extends ReexecException {

    private final String tensorName;
    private final int index;

    public FixedPointException(String tensorName, int index, String reason) {
        super("tensor '" + tensorName + "' element " + index + ": " + reason, null);
        this.tensorName = tensorName;
        this.index = index;
    }

    public String tensorName() {
        return tensorName;
    }

    /** Flat row-major index of the offending element. */
    public int index() {
        return index;
    }
}
