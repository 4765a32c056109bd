package io.proofdesk.ui.network;

import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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
    private final ExecutorService probes;

    /**
     * @param rounds runs the rounds one after another
     * @param probes runs one round's probes side by side
     */
    public EndpointProbeService(EndpointProber prober, Supplier<Targets> targets, Duration period,
                                ExecutorService rounds, ExecutorService probes) {
        this.prober = prober;
        this.targets = targets;
        this.probes = probes;
        setPeriod(period);
        setRestartOnFailure(true);
        setExecutor(rounds);
    }

    /** One extra round now, outside the schedule (a ScheduledService must not be restarted while it waits). */
    public void probeOnce(java.util.function.Consumer<ProbeRound> onResult) {
        Task<ProbeRound> task = createTask();
        task.setOnSucceeded(e -> onResult.accept(task.getValue()));
        getExecutor().execute(task);
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

}
