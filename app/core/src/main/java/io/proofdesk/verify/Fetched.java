package io.proofdesk.verify;

import io.proofdesk.domain.CheckStatus;
import io.proofdesk.node.http.NotServedException;
import io.proofdesk.node.http.ResponseTooLargeException;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Evidence a check needs, or why it could not be had: a status (UNVERIFIED when the evidence is simply not
 * published, ERROR when its source failed, FAIL when what was published is itself wrong) and a sentence.
 */
public sealed interface Fetched<T> {

    record Ok<T>(T value) implements Fetched<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(CheckStatus status, String reason) implements Fetched<T> {
        public Failed {
            if (status == CheckStatus.PASS) {
                throw new IllegalArgumentException("a failed fetch cannot pass");
            }
        }

        public <U> Failed<U> retyped() {
            return new Failed<>(status, reason);
        }
    }

    static <T> Fetched<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Fetched<T> failed(CheckStatus status, String reason) {
        return new Failed<>(status, reason);
    }

    /** How a source failure reads in a verdict: absent is UNVERIFIED, everything else ERROR. */
    static <T> Fetched<T> fromIo(String what, IOException e) {
        return switch (e) {
            case NotServedException nf -> failed(CheckStatus.UNVERIFIED, what + " is not available, so it cannot be checked ("
                    + nf.getMessage() + ")");
            case ResponseTooLargeException big -> failed(CheckStatus.ERROR, what + ": " + big.getMessage());
            default -> failed(CheckStatus.ERROR, what + " could not be fetched: " + e.getMessage());
        };
    }

    default <U> Fetched<U> map(Function<T, Fetched<U>> next) {
        return switch (this) {
            case Ok<T> ok -> next.apply(ok.value());
            case Failed<T> f -> f.retyped();
        };
    }
}
