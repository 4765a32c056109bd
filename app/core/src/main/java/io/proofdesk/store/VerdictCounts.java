package io.proofdesk.store;

/** How many inferences have each latest verdict; {@code notChecked} have none yet. */
public record VerdictCounts(long verified, long mismatch, long unverified, long error, long notChecked) {

    public long total() {
        return verified + mismatch + unverified + error + notChecked;
    }
}
