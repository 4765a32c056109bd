package io.proofdesk.chain;

/**
 * Chooses how many blocks the next {@code eth_getLogs} call asks for: halves the span when a call fails with "too
 * many results" or a timeout, and doubles it (up to a ceiling) when calls return few logs quickly. Endpoints differ by
 * orders of magnitude in what they allow, so a fixed span is either slow or refused.
 */
public final class AdaptiveChunker {

    private final long minSpan;
    private final long maxSpan;
    private final int targetLogs;
    private long span;

    public AdaptiveChunker(long initialSpan, long minSpan, long maxSpan, int targetLogs) {
        if (minSpan < 1 || maxSpan < minSpan || initialSpan < minSpan || initialSpan > maxSpan) {
            throw new IllegalArgumentException("chunk spans must satisfy 1 <= min <= initial <= max");
        }
        this.minSpan = minSpan;
        this.maxSpan = maxSpan;
        this.targetLogs = targetLogs;
        this.span = initialSpan;
    }

    public BlockRange next(long from, long head) {
        return new BlockRange(from, Math.min(head, from + span - 1));
    }

    /** A call for {@code range} returned {@code logs} logs. */
    public void succeeded(BlockRange range, int logs) {
        if (logs < targetLogs / 2 && range.size() >= span) {
            span = Math.min(maxSpan, span * 2);
        } else if (logs > targetLogs * 2) {
            span = Math.max(minSpan, span / 2);
        }
    }

    /** The endpoint refused the range as too large or timed out; returns false once the span cannot shrink further. */
    public boolean refused() {
        if (span == minSpan) {
            return false;
        }
        span = Math.max(minSpan, span / 2);
        return true;
    }

    public long span() {
        return span;
    }
}
