package io.proofdesk.ui.network;

import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.Tee;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.ui.AppWiring;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rows of the Network view from probes and store facts, without a toolkit. */
class NetworkRowsTest {

    private static final String REGISTRY = "0x" + "11".repeat(20);
    private static final String RELAY = "0x" + "22".repeat(20);
    private static final String TEE_A = "0x" + "aa".repeat(32);
    private static final String TEE_B = "0x" + "bb".repeat(32);
    private static final String PCR_OK = "0x" + "01".repeat(32);
    private static final String PCR_REVOKED = "0x" + "02".repeat(32);

    private final NetworkRows rows = new NetworkRows(ResourceBundle.getBundle(AppWiring.STRINGS));
    private final NetworkEndpoints endpoints = new NetworkEndpoints(new NetworkProfile("lab", 31337L,
            List.of("http://127.0.0.1:1", "http://127.0.0.1:2"), HeaderFormat.ETHEREUM, null, "http://127.0.0.1:3",
            "http://127.0.0.1:3", null, List.of(), new NetworkContracts(List.of(), List.of(), List.of(REGISTRY),
            List.of(RELAY)), 0, List.of(), false),
            List.of(new NetworkEndpoints.KnownNode("http://127.0.0.1:9", TEE_A, "honest")), false);

    private static ProbeResult ok(ProbeTarget.Kind kind, String url, Long head, long ms) {
        return new ProbeResult(new ProbeTarget(kind, url), head == null ? null : 31337L, head, ms, null, Instant.EPOCH);
    }

    @Test
    void lagIsTheHeadMinusTheSlowestContractCheckpoint() {
        ProbeRound round = new ProbeRound(List.of(ok(ProbeTarget.Kind.RPC, "http://127.0.0.1:1", 5_000L, 12),
                ProbeResult.failed(new ProbeTarget(ProbeTarget.Kind.RPC, "http://127.0.0.1:2"), "connection refused",
                        Instant.EPOCH), ok(ProbeTarget.Kind.HUB, "http://127.0.0.1:3", null, 3)), List.of());
        StoreFacts facts = new StoreFacts(List.of(), List.of(), Map.of(REGISTRY, 4_990L, RELAY, 4_800L));
        List<EndpointRow> r = rows.endpoints(endpoints, round, facts);
        assertEquals(3, r.size(), "the file store is the hub: listed once");
        assertEquals(new EndpointRow("RPC", "http://127.0.0.1:1", "31337", "5,000", "200 blocks", "12 ms", true, "OK"),
                r.get(0));
        assertEquals(new EndpointRow("RPC", "http://127.0.0.1:2", "31337", "", "", "", false,
                "Error: connection refused"), r.get(1));
        assertEquals("Model hub", r.get(2).kind());
        assertEquals("", r.get(2).lag());
    }

    @Test
    void beforeAnySyncTheLagSaysSoAndNodesComeFromTheManifest() {
        ProbeRound round = new ProbeRound(List.of(ok(ProbeTarget.Kind.RPC, "http://127.0.0.1:1", 70L, 5)), List.of());
        assertEquals("not synced yet", rows.endpoints(endpoints, round, StoreFacts.NONE).getFirst().lag());
        NodeRow node = rows.nodes(endpoints, round, StoreFacts.NONE).getFirst();
        assertEquals(TEE_A, node.teeId());
        assertEquals("0xaaaaaaaa\u2026aaaaaa", node.shortTeeId());
        assertEquals(StoreFacts.PcrStatus.UNKNOWN, node.pcr());
        assertNull(node.healthy());
        assertEquals("Checking\u2026", node.health());
    }

    @Test
    void afterASyncNodesComeFromTheRegistryWithPcrStatusAndHealth() {
        Tee a = new Tee(TEE_A, "0x" + "33".repeat(20), null, "http://127.0.0.1:9", null, null, PCR_OK, 0, true,
                Instant.EPOCH, Instant.parse("2025-06-02T06:00:00Z"));
        Tee b = new Tee(TEE_B, "0x" + "33".repeat(20), null, "http://127.0.0.1:8", null, null, PCR_REVOKED, 0, false,
                Instant.EPOCH, null);
        StoreFacts facts = new StoreFacts(List.of(a, b), List.of(new PcrApproval(PCR_OK, 0, "1.0", 3, null),
                new PcrApproval(PCR_REVOKED, 0, "0.9", 3, 9L)), Map.of());
        ProbeRound round = new ProbeRound(List.of(), List.of(ok(ProbeTarget.Kind.NODE, "http://127.0.0.1:9", null, 4),
                ProbeResult.failed(new ProbeTarget(ProbeTarget.Kind.NODE, "http://127.0.0.1:8"), "connection refused",
                        Instant.EPOCH)));
        List<NodeRow> r = rows.nodes(endpoints, round, facts);
        assertEquals(List.of("Approved", "Revoked"), r.stream().map(NodeRow::pcrText).toList());
        assertEquals(List.of("Enabled", "Disabled"), r.stream().map(NodeRow::enabled).toList());
        assertEquals(List.of("2025-06-02 06:00:00", "\u2014"), r.stream().map(NodeRow::lastHeartbeat).toList());
        assertEquals(List.of("OK \u00b7 4 ms", "Error: connection refused"), r.stream().map(NodeRow::health).toList());
        assertEquals(StoreFacts.PcrStatus.UNKNOWN, facts.pcrStatus("0x" + "03".repeat(32)));
    }
}
