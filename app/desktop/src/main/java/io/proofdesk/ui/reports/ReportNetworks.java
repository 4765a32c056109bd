package io.proofdesk.ui.reports;

import io.proofdesk.report.ReportNetwork;
import io.proofdesk.ui.network.NetworkEndpoints;

/** The network a report names: the one the app reads from, described as the CLI describes its endpoints. */
public final class ReportNetworks {

    private ReportNetworks() {
    }

    public static ReportNetwork of(NetworkEndpoints e) {
        if (e == null || e.rpcUrls().isEmpty()) {
            return ReportNetwork.unknown();
        }
        return ReportNetwork.of(e.profile());
    }
}
