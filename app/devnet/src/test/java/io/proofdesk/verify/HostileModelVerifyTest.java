package io.proofdesk.verify;

import io.proofdesk.devnet.hub.HostedModelFile;
import io.proofdesk.devnet.models.HostileModelFiles;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.node.cid.Cid;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.reexec.SessionCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hub and file store that serve a model whose output has 10^9 elements, registered under the CID of its own
 * bytes, and an on-chain record that claims to have run it: verify checks the file (it is the registered one) and
 * refuses to run it, quickly and without taking the memory, with an UNVERIFIED line that says why.
 */
class HostileModelVerifyTest {

    @Test
    @DisplayName("verify of a record whose hub serves the 10^9-element model: re-execution UNVERIFIED with the reason, "
            + "under 5 s, under 1 GB")
    void bombServedByTheHubIsRefused(@TempDir Path dir) throws Exception {
        try (DemoWorld world = new DemoWorld(dir); SessionCache sessions = SessionCache.withDefaults()) {
            byte[] bomb = HostileModelFiles.expandBomb();
            String cid = Cid.v0(bomb).toString();
            world.hub.publish(new HostedModelFile("bomb", "a hostile model", "1.00", "model.onnx", cid,
                    Sha256.hex(bomb), bomb.length, bomb));
            world.store.inTransaction(tx -> {
                tx.models().upsert(new Model("bomb", null, "a hostile model", null, 1L));
                tx.modelVersions().upsert(new ModelVersion("bomb", "1.00", cid, null, 1L, null));
                tx.modelFiles().upsert(new ModelFile("bomb", "1.00", "model.onnx", cid, Sha256.hex(bomb), bomb.length,
                        null, null, 1L));
            });
            String txHash = world.chain.nextTxHash();
            world.chain.addInferenceResult(txHash, 100, 1);
            RecordId id = RecordId.of(txHash, 1);
            Inference record = new Inference(id, InferenceMode.VANILLA, cid, "1.00", null, null, SettlementKind.ONCHAIN,
                    100, Instant.now(), DemoWorld.PAYER, null, null, null, null, null, List.of(),
                    List.of(Tensor.ofFloats("x", new long[] {1}, new float[] {1})),
                    List.of(Tensor.ofFloats("y", new long[] {1}, new float[] {1})), null);
            world.store.inTransaction(tx -> {
                tx.saveInferences(List.of(record));
            });

            Verifier verifier = new Verifier(world.store, world.sources(), sessions, VerifierOptions.defaults(),
                    Clock.systemUTC());
            long rssBefore = residentBytes();
            long start = System.nanoTime();
            var verdict = verifier.verify(id).orElseThrow().verdict();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long grown = residentBytes() - rssBefore;
            System.out.printf("hostile model via verify: %s in %d ms, resident memory %+d MiB%n", verdict.verdict(),
                    millis, grown >> 20);

            CheckResult model = line(verdict.checks(), CheckNames.MODEL);
            assertEquals(CheckStatus.PASS, model.status(), "the served file is the registered one: " + model.reason());
            CheckResult reexec = line(verdict.checks(), CheckNames.REEXECUTION);
            assertEquals(CheckStatus.UNVERIFIED, reexec.status(), reexec.reason());
            assertTrue(reexec.reason().startsWith("not run: model file sha256:"), reexec.reason());
            assertTrue(reexec.reason().endsWith("would make 'y' as float[1000, 1000, 1000], 1.00e+09 elements (3.7 GiB), "
                    + "above the limit of 256 MiB per tensor"), reexec.reason());
            assertEquals(Verdict.UNVERIFIED, verdict.verdict(), verdict.reason());
            assertTrue(millis < 5000, "refused in " + millis + " ms");
            assertTrue(grown < 1L << 30, "resident memory grew by " + (grown >> 20) + " MiB");
            assertEquals(0, sessions.stats().size(), "no session was made for it");
        }
    }

    private static CheckResult line(List<CheckResult> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + name + " line in " + checks));
    }

    private static long residentBytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                String kb = line.substring(6).strip();
                return Long.parseLong(kb.substring(0, kb.indexOf(' '))) * 1024;
            }
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }
}
