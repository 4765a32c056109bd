package io.proofdesk.store;

import io.proofdesk.domain.VerdictRecord;

/**
 * A verdict with its JSON columns already encoded, made by {@link Store#encode}: a batch's workers encode their
 * verdicts in parallel, so the one thread that saves them only binds and steps statements.
 */
public final class EncodedVerdict {

    private final VerdictRecord verdict;
    final String environmentJson;
    final String checksJson;

    EncodedVerdict(VerdictRecord verdict, String environmentJson, String checksJson) {
        this.verdict = verdict;
        this.environmentJson = environmentJson;
        this.checksJson = checksJson;
    }

    static EncodedVerdict of(VerdictRecord verdict, StoreJson json) {
        return new EncodedVerdict(verdict, json.writeEnvironment(verdict.environment()), json.writeChecks(verdict.checks()));
    }

    public VerdictRecord verdict() {
        return verdict;
    }
}
