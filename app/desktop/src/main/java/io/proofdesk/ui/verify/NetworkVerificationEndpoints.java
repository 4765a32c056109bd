package io.proofdesk.ui.verify;

import io.proofdesk.network.NetworkProfile;
import io.proofdesk.ui.network.NetworkEndpoints;
import io.proofdesk.verify.NetworkSources;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Verification reads the network the app is connected to, whichever it is (the embedded demo, an imported devnet,
 * custom endpoints), with the roots that network carries: the demo root only for a demo network, labelled so, and a
 * custom network's own roots labelled with its name. Empty while no network is up.
 */
public final class NetworkVerificationEndpoints implements VerificationEndpoints {

    private final Supplier<NetworkEndpoints> current;

    /** @param current the network that is up, or null; called from verification's threads */
    public NetworkVerificationEndpoints(Supplier<NetworkEndpoints> current) {
        this.current = current;
    }

    @Override
    public Optional<Network> current() {
        NetworkEndpoints ep = current.get();
        if (ep == null) {
            return Optional.empty();
        }
        NetworkProfile p = ep.profile();
        return Optional.of(new Network(NetworkSources.of(p), p.demo(), p.describe()));
    }
}
