package io.proofdesk.ui.reports;

/** None of the selected records has a verdict (or exists), so there is no report to write. */
public final class NothingToReportException extends Exception {

    public NothingToReportException(int selected, int notVerified, int missing) {
        super(selected == 0 ? "no record matches the selection, so no report was written"
                : "none of the " + selected + " selected records has a verdict yet (" + notVerified
                + " not verified, " + missing + " not in the store), so no report was written; verify them first");
    }
}
