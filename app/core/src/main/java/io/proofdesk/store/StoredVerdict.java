package io.proofdesk.store;

import io.proofdesk.domain.VerdictRecord;

/** A verdict row with its store id (check results hang off the id). */
public record StoredVerdict(long id, VerdictRecord verdict) {
}
