package io.proofdesk.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a titled background task ended, for the task history and the end-of-task notification.
 *
 * @param summary   a sentence with the task's counts ("2,000 inferences: 1,742 verified, ..."), the failure's sentence,
 *                  or "" when the task has nothing to add to its title
 * @param attention the task finished but found something the user should look at (for example mismatches)
 * @param announced the task asked for a notification when it ends (syncs, verifications, exports)
 */
public record TaskOutcome(String title, Ending ending, Instant finishedAt, Duration took, String summary,
                          boolean attention, boolean announced) {

    public enum Ending {
        DONE, FAILED, CANCELLED
    }

    public TaskOutcome {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(took, "took");
        summary = summary == null ? "" : summary;
    }
}
