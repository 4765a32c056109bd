package io.proofdesk.chain.sync;

import io.proofdesk.domain.UnknownEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sync run did, for the CLI's final line and the GUI's notification. {@code unknownEvents}: logs of a watched
 * inference contract in an event version Proofdesk does not know (stored raw); {@code unusedLogs}: known events of the
 * registry or relay the sync has no use for.
 */
public record SyncSummary(long chainId, long fromBlock, long toBlock, long blocks, long logs, long records,
                          long blobsFetched, long blobsFailed, long notes, long reorgs, int models, Duration elapsed,
                          long unknownEvents, long unusedLogs) {

    public double logsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : logs / s;
    }

    /** Sentences for what the run saw but could not use; empty when every log it saw went into the store. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (unknownEvents > 0) {
            out.add(unknownEvents + " log(s) of the watched contracts have an event version Proofdesk does not know: "
                    + "stored raw as \"" + UnknownEvent.STATUS + "\", not decoded (proofdesk inferences lists them)");
        }
        if (logs > 0 && records == 0 && logs == unknownEvents + unusedLogs) {
            out.add("the sync saw " + logs + " log(s) but stored no inference record and no registry event from them");
        }
        return out;
    }
}
