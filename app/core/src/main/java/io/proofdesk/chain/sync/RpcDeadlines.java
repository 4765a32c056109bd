package io.proofdesk.chain.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The time one endpoint gets. Each call has one deadline for its whole answer ({@code perCall}); calls of one method
 * that run out of time in a row share one budget ({@code budget}, counted from the start of the first of them), so
 * the retries of a shrinking log range end by then and the endpoint is reported as too slow, not retried for
 * minutes. An answer in time ends the streak. Thread-safe.
 */
final class RpcDeadlines {

    /** A retry gets at least this share of a full deadline, or the budget counts as spent. */
    private static final int MIN_RETRY_SHARE = 4;

    private final Duration perCall;
    private final Duration budget;
    private final Map<String, Long> streakStart = new HashMap<>();
    private final Map<String, Integer> streakCalls = new HashMap<>();

    RpcDeadlines(Duration perCall, Duration budget) {
        this.perCall = perCall;
        this.budget = budget;
    }

    Duration perCall() {
        return perCall;
    }

    Duration budget() {
        return budget;
    }

    /**
     * The deadline of the next call of {@code method}: a full one, what is left of the budget of a streak, or zero
     * (make no call) once the budget is spent. A streak is forgotten a budget's length after it was spent, so an
     * endpoint given up is asked again later (a sync that follows the head).
     */
    synchronized Duration next(String method) {
        Long start = streakStart.get(method);
        if (start == null) {
            return perCall;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (elapsed.compareTo(budget.multipliedBy(2)) >= 0) {
            answered(method);
            return perCall;
        }
        Duration left = budget.minus(elapsed);
        if (left.multipliedBy(MIN_RETRY_SHARE).compareTo(perCall) < 0) {
            return Duration.ZERO;
        }
        return left.compareTo(perCall) < 0 ? left : perCall;
    }

    /** A call of {@code method} that started at {@code startNanos} ran out of time. */
    synchronized void timedOut(String method, long startNanos) {
        streakStart.merge(method, startNanos, Math::min);
        streakCalls.merge(method, 1, Integer::sum);
    }

    /** A call of {@code method} was answered in time. */
    synchronized void answered(String method) {
        streakStart.remove(method);
        streakCalls.remove(method);
    }

    /** Whether too little of the budget is left for another call of {@code method} to be worth making. */
    synchronized boolean spent(String method) {
        return streakStart.containsKey(method) && next(method).isZero();
    }

    /** How many calls of {@code method} in a row ran out of time. */
    synchronized int timeouts(String method) {
        return streakCalls.getOrDefault(method, 0);
    }
}
