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

    /**
     * Narrows a range whose logs (their block numbers, ascending) are far more than the target to its leading whole
     * blocks holding about the target (at least the first block with logs), and makes that the span. A sync writes one
     * store transaction per range, so a range of a whole crowded history would be one huge transaction read and held
     * in memory before anything is stored. The logs past the returned range are read again with the next range.
     */
    public BlockRange fit(BlockRange range, java.util.List<Long> logBlocks) {
        if (logBlocks.size() <= targetLogs * 2L || range.size() <= minSpan) {
            return range;
        }
        long to = range.to();
        int kept = 0;
        int i = 0;
        while (i < logBlocks.size()) {
            long block = logBlocks.get(i);
            int j = i;
            while (j < logBlocks.size() && logBlocks.get(j) == block) {
                j++;
            }
            if (kept > 0 && kept + (j - i) > targetLogs) {
                to = block - 1;
                break;
            }
            kept += j - i;
            i = j;
        }
        to = Math.max(to, range.from() + minSpan - 1);
        if (to >= range.to()) {
            return range;
        }
        BlockRange fitted = new BlockRange(range.from(), to);
        span = Math.max(minSpan, Math.min(span, fitted.size()));
        return fitted;
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
