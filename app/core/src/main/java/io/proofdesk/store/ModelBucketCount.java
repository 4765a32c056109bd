package io.proofdesk.store;

import java.time.Instant;

/** Inferences of one model in the time bucket starting at {@code bucketStart}, for charts. */
public record ModelBucketCount(String model, Instant bucketStart, long count) {
}
