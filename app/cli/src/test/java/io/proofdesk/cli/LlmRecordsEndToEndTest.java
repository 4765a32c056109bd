package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.seed.Fault;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedProgress;
import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.NetworkSources;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LLM TEE records end to end, as a user meets them: a demo network with LLM-style TEE nodes settling chats
 * individually and in batches (some dishonest, labelled), synced and verified through the CLI. Honest LLM records
 * are VERIFIED with their reexecution line NOT_APPLICABLE ("LLM output: not re-executable"); each dishonest one is a
 * MISMATCH failing the check its fault breaks; {@code inference ID --json} shows the request and response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmRecordsEndToEndTest {

    private static final Map<Fault, String> EXPECTED_CHECK = new EnumMap<>(Map.of(
            Fault.FORGED_RESPONSE, CheckNames.BLOB,
            Fault.BAD_SIGNATURE, CheckNames.SIGNATURE,
            Fault.REPLAYED_SIGNATURE, CheckNames.SIGNATURE));

    private Devnet devnet;
    private Path devnetDir;
    private Path dataDir;
    private final List<Llm> llm = new ArrayList<>();

    private record Llm(GroundTruth.Entry truth, Inference record, VerdictRecord verdict) {
    }

    @BeforeAll
    void seedSyncVerify() throws Exception {
        devnetDir = Files.createTempDirectory("llm-devnet");
        dataDir = Files.createTempDirectory("llm-data");
        devnet = Devnet.start(new DevnetConfig(12, 0.3, 17, devnetDir).withLlmRecords(30), SeedProgress.NONE);
        CliTestRun sync = CliTestRun.of("sync", "--devnet", devnetDir.toString(), "--data-dir", dataDir.toString());
        assertEquals(0, sync.exitCode(), sync.out() + sync.err());
        CliTestRun verify = CliTestRun.of("verify", "--all", "--devnet", devnetDir.toString(),
                "--data-dir", dataDir.toString());
        assertEquals(ExitCode.MISMATCH, verify.exitCode(), verify.out() + verify.err());
        try (Store store = Store.open(DataDirectory.resolve(dataDir))) {
            for (GroundTruth.Entry e : devnet.groundTruth().records()) {
                RecordId id = RecordId.parse(e.id());
                Inference r = store.read(tx -> tx.loadInference(id)).orElseThrow(() -> new AssertionError(e.id()));
                if (ChatText.isChat(r)) {
                    llm.add(new Llm(e, r, store.read(tx -> tx.latestVerdict(id)).orElseThrow()));
                }
            }
        }
    }

    @AfterAll
    void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    @DisplayName("every seeded LLM record is synced as an LLM TEE record, settled both individually and in batches")
    void llmRecordsAreSynced() {
        assertEquals(30, llm.size());
        assertTrue(llm.stream().allMatch(l -> l.record().mode() == InferenceMode.TEE));
        assertTrue(llm.stream().allMatch(l -> l.record().model().equals("demo-chat-1")));
        Set<SettlementKind> kinds = EnumSet.noneOf(SettlementKind.class);
        llm.forEach(l -> kinds.add(l.record().settlement()));
        assertEquals(EnumSet.of(SettlementKind.INDIVIDUAL, SettlementKind.BATCH), kinds);
    }

    @Test
    @DisplayName("honest LLM records are VERIFIED; their reexecution line is NOT_APPLICABLE and says so")
    void honestAreVerified() {
        List<Llm> honest = llm.stream().filter(l -> l.truth().honest()).toList();
        assertTrue(honest.size() >= 18, "honest LLM records: " + honest.size());
        for (Llm l : honest) {
            assertEquals(Verdict.VERIFIED, l.verdict().verdict(), l.truth().id() + ": " + l.verdict().reason());
            CheckResult reexec = line(l.verdict(), CheckNames.REEXECUTION);
            assertEquals(CheckStatus.NOT_APPLICABLE, reexec.status());
            assertEquals("LLM output: not re-executable", reexec.reason());
            assertEquals(List.of(), l.verdict().failedChecks());
            assertEquals(CheckStatus.PASS, line(l.verdict(), CheckNames.BLOB).status());
            assertTrue(l.verdict().checks().stream().noneMatch(c -> c.name().equals(CheckNames.MODEL)),
                    "an LLM record has no model file to check");
        }
    }

    @Test
    @DisplayName("each dishonest mode (forged response, bad signature, replayed signature) is a MISMATCH on its check")
    void dishonestAreCaught() {
        Set<Fault> seen = EnumSet.noneOf(Fault.class);
        List<String> wrong = new ArrayList<>();
        for (Llm l : llm) {
            if (l.truth().honest()) {
                continue;
            }
            Fault f = l.truth().fault();
            seen.add(f);
            if (l.verdict().verdict() != Verdict.MISMATCH
                    || !l.verdict().failedChecks().contains(EXPECTED_CHECK.get(f))) {
                wrong.add(l.truth().id() + " " + f.label() + " -> " + l.verdict().verdict() + " "
                        + l.verdict().failedChecks() + ": " + l.verdict().reason());
            }
            assertEquals(CheckStatus.NOT_APPLICABLE, line(l.verdict(), CheckNames.REEXECUTION).status(),
                    "the not-re-executable line is never what fails");
        }
        assertEquals(List.of(), wrong);
        assertEquals(EXPECTED_CHECK.keySet(), seen, "every LLM fault is in the ground truth");
    }

    @Test
    @DisplayName("inference ID --json prints the request and response text of an LLM record")
    void inferenceJsonShowsTheChat() throws Exception {
        Llm l = llm.stream().filter(x -> x.truth().honest()).findFirst().orElseThrow();
        CliTestRun run = CliTestRun.of("inference", l.truth().id(), "--json", "--data-dir", dataDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode request = new ObjectMapper().readTree(json.get("chat").get("request").asText());
        assertEquals("demo-chat-1", request.get("model").asText());
        assertTrue(request.get("messages").get(1).get("content").asText().startsWith("Question "));
        String response = json.get("chat").get("response").asText();
        assertTrue(response.endsWith("."), response);
        assertEquals(response, ChatText.of(l.record()).orElseThrow().response());
        assertEquals("TEE", json.get("mode").asText());
        CliTestRun text = CliTestRun.of("inference", l.truth().id(), "--data-dir", dataDir.toString());
        assertTrue(text.out().contains("LLM output: not re-executable"), text.out());
        assertTrue(text.out().contains(response), text.out());
    }

    @Test
    @DisplayName("asking to re-execute an LLM record (as a report or the desktop does) gives the not-applicable line")
    void reexecutionDoesNotApply() throws Exception {
        Llm l = llm.stream().filter(x -> !x.truth().honest()).findFirst().orElseThrow();
        try (Store store = Store.open(DataDirectory.resolve(dataDir));
             SessionCache sessions = SessionCache.withDefaults()) {
            Verifier v = new Verifier(store, NetworkSources.of(EndpointOptions.devnetProfile(devnetDir)), sessions,
                    VerifierOptions.defaults(), Clock.systemUTC());
            ReexecutionOutcome o = v.reexecute(l.record().id()).orElseThrow();
            assertEquals(CheckStatus.NOT_APPLICABLE, o.line().status());
            assertEquals("LLM output: not re-executable", o.line().reason());
            assertTrue(o.comparison().isEmpty() && o.localOutputs().isEmpty());
        }
    }

    @Test
    @DisplayName("bundling an LLM record says plainly that it is unsupported (exit 2) and writes nothing")
    void bundlesOfLlmRecordsAreUnsupported(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Llm l = llm.stream().filter(x -> x.truth().honest()).findFirst().orElseThrow();
        Path zip = tmp.resolve("llm.zip");
        CliTestRun bundle = CliTestRun.of("bundle", "--id", l.truth().id(), "--out", zip.toString(),
                "--devnet", devnetDir.toString(), "--data-dir", dataDir.toString());
        assertEquals(ExitCode.UNVERIFIED, bundle.exitCode(), bundle.out() + bundle.err());
        assertTrue(bundle.err().contains("unsupported: a bundle of an LLM record"), bundle.err());
        assertFalse(Files.exists(zip));
    }

    private static CheckResult line(VerdictRecord v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " line in " + v.checks()));
    }
}
