package io.proofdesk.chain;

/** An inclusive range of block numbers, as {@code eth_getLogs} takes it. */
public record BlockRange(long from, long to) {
    public BlockRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad block range " + from + ".." + to);
        }
    }

    public long size() {
        return to - from + 1;
    }

    public boolean contains(long block) {
        return block >= from && block <= to;
    }
}
