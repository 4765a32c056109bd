package io.proofdesk.ui.verify;

import io.proofdesk.domain.RecordId;
import io.proofdesk.verify.RecordSelection;

import java.util.List;
import java.util.Objects;

/**
 * What a batch verification run covers, as the user asked for it. {@code onlyNotChecked} drops records that already
 * have a verdict; {@code force} verifies again records already verified in this environment.
 */
public record BatchRequest(Scope scope, RecordSelection selection, boolean onlyNotChecked, boolean force) {

    /** The user's words for the run, which pick its title. */
    public enum Scope { SELECTED, SAMPLE, ALL, NOT_CHECKED }

    public BatchRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(selection, "selection");
    }

    public static BatchRequest selected(List<RecordId> ids) {
        return new BatchRequest(Scope.SELECTED, new RecordSelection.Ids(ids), false, true);
    }

    /** @param reverify verify again records already verified in this environment (a batch skips them otherwise) */
    public static BatchRequest sample(int perGroup, RecordSelection.SampleGroup by, long seed, boolean reverify) {
        return new BatchRequest(Scope.SAMPLE, new RecordSelection.Sample(perGroup, by, seed), false, reverify);
    }

    public static BatchRequest all() {
        return new BatchRequest(Scope.ALL, new RecordSelection.All(), false, false);
    }

    public static BatchRequest notChecked() {
        return new BatchRequest(Scope.NOT_CHECKED, new RecordSelection.All(), true, false);
    }
}
