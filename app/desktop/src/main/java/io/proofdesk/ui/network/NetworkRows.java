package io.proofdesk.ui.network;

import io.proofdesk.domain.Tee;

import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Turns what is known (configured endpoints, the latest probes, the store's registry and checkpoints) into the rows
 * the Network view shows. The nodes come from the store's TEE registry once a sync has read it, and from the demo
 * manifest before that.
 */
public final class NetworkRows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ResourceBundle strings;

    public NetworkRows(ResourceBundle strings) {
        this.strings = strings;
    }

    public List<EndpointRow> endpoints(NetworkEndpoints ep, ProbeRound round, StoreFacts facts) {
        List<EndpointRow> rows = new ArrayList<>();
        Optional<Long> synced = facts.syncedBlock(ep.contractAddresses());
        for (ProbeTarget t : ep.probeTargets()) {
            Optional<ProbeResult> r = round.endpoints().stream().filter(p -> p.target().equals(t)).findFirst();
            boolean rpc = t.kind() == ProbeTarget.Kind.RPC;
            String chain = r.map(ProbeResult::chainId).map(String::valueOf)
                    .orElse(rpc && ep.chainId() != null ? String.valueOf(ep.chainId()) : "");
            String head = r.map(ProbeResult::headBlock).map(NetworkRows::number).orElse("");
            String lag = "";
            if (rpc && r.map(ProbeResult::headBlock).isPresent()) {
                long h = r.get().headBlock();
                lag = synced.map(s -> say("network.lag.blocks", Math.max(0, h - s)))
                        .orElse(say("network.lag.notSynced"));
            }
            String latency = r.map(ProbeResult::latencyMs).map(ms -> say("network.latency", ms)).orElse("");
            Boolean ok = r.map(ProbeResult::ok).orElse(null);
            String state = r.map(p -> p.ok() ? say("network.state.ok") : say("network.state.error", p.error()))
                    .orElse(say("network.state.probing"));
            rows.add(new EndpointRow(say(t.kind().labelKey()), t.url(), chain, rpc ? head : "", lag, latency, ok,
                    state));
        }
        return rows;
    }

    public List<NodeRow> nodes(NetworkEndpoints ep, ProbeRound round, StoreFacts facts) {
        List<NodeRow> rows = new ArrayList<>();
        if (!facts.tees().isEmpty()) {
            for (Tee t : facts.tees()) {
                StoreFacts.PcrStatus pcr = facts.pcrStatus(t.pcrHash());
                String heartbeat = t.lastHeartbeat() == null ? say("common.none") : TIME.format(t.lastHeartbeat());
                rows.add(row(t.endpoint(), t.teeId(), pcr, say(t.enabled() ? "network.node.enabled"
                        : "network.node.disabled"), heartbeat, round));
            }
            return rows;
        }
        for (NetworkEndpoints.KnownNode n : ep.nodes()) {
            rows.add(row(n.url(), n.teeId(), StoreFacts.PcrStatus.UNKNOWN, say("network.node.notSynced"),
                    say("common.none"), round));
        }
        return rows;
    }

    private NodeRow row(String endpoint, String teeId, StoreFacts.PcrStatus pcr, String enabled, String heartbeat,
                        ProbeRound round) {
        String url = endpoint == null ? "" : endpoint;
        Optional<ProbeResult> r = round.node(url);
        Boolean healthy = r.map(ProbeResult::ok).orElse(null);
        String health = r.map(p -> p.ok() ? say("network.health.ok", p.latencyMs())
                : say("network.state.error", p.error())).orElse(say("network.state.probing"));
        return new NodeRow(url, teeId, shorten(teeId), pcr, say("network.pcr." + pcr.name().toLowerCase(Locale.ROOT)),
                enabled, heartbeat, healthy, health);
    }

    /** 0x1234abcd…9f8e: enough to tell TEEs apart in a table. */
    static String shorten(String id) {
        if (id == null) {
            return "";
        }
        return id.length() <= 18 ? id : id.substring(0, 10) + "\u2026" + id.substring(id.length() - 6);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private String say(String key, Object... args) {
        return MessageFormat.format(strings.getString(key), args);
    }
}
