package io.proofdesk.store;

/** A value offered to the store is past its size cap (what, how big, the cap). */
public final class StoreValueTooLargeException extends StoreException {

    private final long size;
    private final long cap;

    public StoreValueTooLargeException(String what, long size, long cap) {
        super(what + " is " + size + " bytes, more than the store keeps (" + cap + " bytes)");
        this.size = size;
        this.cap = cap;
    }

    public long size() {
        return size;
    }

    public long cap() {
        return cap;
    }
}
