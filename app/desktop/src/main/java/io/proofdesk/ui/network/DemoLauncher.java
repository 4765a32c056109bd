package io.proofdesk.ui.network;

import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.seed.SeedProgress;

/** Starts the embedded demo network; {@code Devnet::start} in the app. */
@FunctionalInterface
public interface DemoLauncher {

    Devnet start(DevnetConfig config, SeedProgress progress) throws Exception;

    DemoLauncher EMBEDDED = Devnet::start;
}
