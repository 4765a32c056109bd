package io.proofdesk.ui.verify;

import io.proofdesk.verify.VerificationSources;

import java.io.IOException;
import java.util.Optional;

/**
 * Where verification reads the network from: the current network's chain, blob store, file store and nodes, and
 * the attestation roots trusted for it. Empty while no network is configured. The app's is
 * {@link NetworkVerificationEndpoints} (the network it is connected to); tests give their own.
 */
@FunctionalInterface
public interface VerificationEndpoints {

    /**
     * @param sources what verification reads
     * @param demo    true for the embedded demo network, whose demo attestation root is trusted (and labelled so)
     * @param label   a short description for the task panel and the run summary, e.g. the RPC URL
     */
    record Network(VerificationSources sources, boolean demo, String label) {
    }

    /** Called off the FX thread, once per verification run. */
    Optional<Network> current() throws IOException;
}
