package io.proofdesk.ui.network;

import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Probes every endpoint and node again every few seconds, off the FX thread, all of one round in parallel (so one
 * dead endpoint's timeout does not delay the others). What to probe is asked for at the start of each round, on the
 * FX thread; the round's {@link ProbeRound} is the service's value.
 */
public final class EndpointProbeService extends ScheduledService<ProbeRound> {

    /** What one round should probe: endpoints, node URLs, and the chain id RPCs must serve (null: any). */
    public record Targets(List<ProbeTarget> endpoints, List<String> nodeUrls, Long expectedChainId) {
    }

    private final EndpointProber prober;
    private final Supplier<Targets> targets;
    private final ExecutorService rounds;
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();

    public EndpointProbeService(EndpointProber prober, Supplier<Targets> targets, Duration period) {
        this.prober = prober;
        this.targets = targets;
        // a daemon thread, so a probe that hangs never holds the app open
        this.rounds = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "proofdesk-probe-rounds");
            t.setDaemon(true);
            return t;
        });
        setPeriod(period);
        setRestartOnFailure(true);
        setExecutor(rounds);
    }

    @Override
    protected Task<ProbeRound> createTask() {
        Targets now = targets.get();
        return new Task<>() {
            @Override
            protected ProbeRound call() {
                List<CompletableFuture<ProbeResult>> endpoints = new ArrayList<>();
                for (ProbeTarget t : now.endpoints()) {
                    endpoints.add(CompletableFuture.supplyAsync(() -> prober.probe(t, now.expectedChainId()),
                            probes));
                }
                List<CompletableFuture<ProbeResult>> nodes = new ArrayList<>();
                for (String url : now.nodeUrls()) {
                    ProbeTarget t = new ProbeTarget(ProbeTarget.Kind.NODE, url);
                    nodes.add(CompletableFuture.supplyAsync(() -> prober.probe(t, null),
                            probes));
                }
                return new ProbeRound(endpoints.stream().map(CompletableFuture::join).toList(),
                        nodes.stream().map(CompletableFuture::join).toList());
            }
        };
    }

    /** Stops probing for good and lets the probe threads go. */
    public void shutdown() {
        cancel();
        rounds.shutdownNow();
        probes.shutdownNow();
        prober.close();
    }
}
