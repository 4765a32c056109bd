package io.proofdesk.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.node.NodeBehaviour;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorProtoCodec;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.ReportNetwork;
import io.proofdesk.report.bundle.BundleExporter;
import io.proofdesk.report.bundle.BundleFormatException;
import io.proofdesk.report.bundle.BundleInconsistentException;
import io.proofdesk.report.bundle.BundleLayout;
import io.proofdesk.report.bundle.BundleLimits;
import io.proofdesk.report.bundle.BundleTooLargeException;
import io.proofdesk.report.bundle.BundleVerification;
import io.proofdesk.report.bundle.BundleVerifier;
import io.proofdesk.report.bundle.UnsafeBundleEntryException;
import io.proofdesk.verify.checks.PublishedOutputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offline bundles over the demo world of {@link VerifierTest} (real nodes running ONNX Runtime, hub, blob store,
 * SQLite): exported bundles re-verify offline to the exporter's verdict; dishonest records fail the right check;
 * hostile bundles are refused with the reason, and nothing is written outside the test folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleRoundTripTest {

    DemoWorld world;
    SessionCache sessions;
    Path dir;
    final Map<String, RecordId> records = new LinkedHashMap<>();
    final Map<String, Path> bundles = new LinkedHashMap<>();

    @BeforeAll
    void seed(@TempDir Path tmp) throws Exception {
        dir = tmp;
        world = new DemoWorld(tmp.resolve("world"));
        sessions = SessionCache.withDefaults();
        records.put("individual", world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit1, 1), false));
        records.put("batch-leaf", world.settleBatch(List.of(world.infer(NodeBehaviour.HONEST, world.credit1, 2),
                world.infer(NodeBehaviour.HONEST, world.credit2, 3)), null).get(1));
        records.put("vanilla", world.onChain(world.credit1, 4, false));
        records.put("forged-output", world.settleIndividually(world.infer(NodeBehaviour.FORGED_OUTPUT, world.credit1, 5), false));
        records.put("bad-signature", world.settleIndividually(world.infer(NodeBehaviour.BAD_SIGNATURE, world.credit1, 6), false));
        records.put("blob-mismatch", world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit1, 7), true));
        records.put("merkle-missing", world.settleBatch(List.of(world.infer(NodeBehaviour.HONEST, world.credit1, 8)),
                world.infer(NodeBehaviour.HONEST, world.credit1, 9).leaf().leafHash()).getFirst());
        BundleExporter exporter = new BundleExporter(world.store, world.sources(), world.chain.evidence(),
                sessions, VerifierOptions.defaults(), new ReportNetwork(31337L, "demo", true, Map.of(), Map.of()),
                Clock.systemUTC(), AuditorKey.generate());
        for (Map.Entry<String, RecordId> e : records.entrySet()) {
            Path zip = tmp.resolve("out").resolve(e.getKey() + ".zip");
            ReportEntry written = exporter.export(e.getValue(), zip);
            assertEquals(Sha256.hex(Files.readAllBytes(zip)), written.sha256());
            bundles.put(e.getKey(), zip);
        }
    }

    @AfterAll
    void close() {
        sessions.close();
        world.close();
    }

    private BundleVerification verify(Path zip) throws Exception {
        return new BundleVerifier(BundleLimits.defaults(), sessions).verify(zip, List.of(), true);
    }

    @Test
    @DisplayName("honest bundles (individual TEE, batch leaf, VANILLA) verify offline with every line PASS, as exported")
    void honestBundlesVerify() throws Exception {
        for (String name : List.of("individual", "batch-leaf", "vanilla")) {
            BundleVerification v = verify(bundles.get(name));
            assertEquals(Verdict.VERIFIED, v.verdict().verdict(), name + ": " + v.verdict().reason());
            assertTrue(v.verdict().checks().stream().allMatch(c -> c.status() == CheckStatus.PASS), name);
            assertEquals(Verdict.VERIFIED, v.exporterVerdict().orElseThrow().verdict(), name);
            assertEquals(names(v.exporterVerdict().get().checks()), names(v.verdict().checks()), name);
        }
    }

    @Test
    @DisplayName("dishonest bundles are MISMATCH offline and the check that catches the fault fails")
    void dishonestBundles() throws Exception {
        Map<String, String> expected = Map.of("forged-output", "reexecution", "bad-signature", "signature",
                "blob-mismatch", "blob", "merkle-missing", "batch-inclusion");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            BundleVerification v = verify(bundles.get(e.getKey()));
            if (v.verdict().verdict() != Verdict.MISMATCH || !v.verdict().failedChecks().contains(e.getValue())) {
                wrong.add(e.getKey() + " -> " + v.verdict().verdict() + " " + v.verdict().failedChecks());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @DisplayName("no chain proof where none can be made: a cosmos-evm network's bundle says so in its manifest (ceiling "
            + "AGREED) and carries no header or proofs; a chain source without blocks (this recorded chain) likewise; "
            + "verify-bundle then keeps the stored evidence and adds no chain-proof line")
    void noChainProofWhereNoneCanBeMade() throws Exception {
        BundleExporter cosmos = new BundleExporter(world.store, world.sources(), world.chain.evidence(), sessions,
                VerifierOptions.defaults(), new ReportNetwork(31337L, "demo", true, Map.of(), Map.of()),
                Clock.systemUTC(), AuditorKey.generate(), io.proofdesk.network.HeaderFormat.COSMOS_EVM);
        Path zip = dir.resolve("out").resolve("cosmos.zip");
        cosmos.export(records.get("individual"), zip);
        Map<String, Path> cases = Map.of("cosmos-evm", zip, "recorded chain", bundles.get("individual"));
        for (Map.Entry<String, Path> c : cases.entrySet()) {
            Map<String, byte[]> e = entries(c.getValue());
            for (String part : List.of(BundleLayout.HEADER, BundleLayout.RECEIPT_PROOF, BundleLayout.TRANSACTION_PROOF)) {
                assertFalse(e.containsKey(part), c.getKey() + " " + part);
            }
            BundleVerification v = verify(c.getValue());
            assertEquals(BundleVerification.ChainProof.Status.NOT_CARRIED, v.proof().status(), c.getKey());
            assertFalse(v.manifest().chainProof().carried(), c.getKey());
            assertEquals(v.recordedEvidence(), v.evidence(), c.getKey());
            assertTrue(v.verdict().checks().stream().noneMatch(l -> l.name().equals("chain-proof")), c.getKey());
            assertEquals(Verdict.VERIFIED, v.verdict().verdict(), c.getKey());
        }
        BundleVerification v = verify(zip);
        assertEquals("cosmos-evm", v.manifest().chainProof().headerFormat());
        assertEquals("AGREED", v.manifest().chainProof().ceiling());
        assertTrue(v.proof().reason().startsWith("cosmos-evm chain: the block hash is CometBFT's"), v.proof().reason());
        BundleVerification recorded = verify(bundles.get("individual"));
        assertEquals("ethereum", recorded.manifest().chainProof().headerFormat());
        assertEquals("PROVED", recorded.manifest().chainProof().ceiling());
        assertTrue(recorded.proof().reason().contains("gave no block with its transactions and receipts"),
                recorded.proof().reason());
    }

    @Test
    @DisplayName("the bundle holds its signature, the ONNX test-data layout, the raw attestation and the chain's "
            + "receipt and header; an on-chain record's bundle also its signed transaction")
    void layout() throws Exception {
        Map<String, byte[]> e = entries(bundles.get("individual"));
        for (String part : List.of("manifest.json", "signature.json", "record.json", "registry.json", "verdict.json",
                "model.onnx", "blob.json", "tee-signature.bin", "attestation.bin", "attestation-root.der",
                "chain/receipt.json", "chain/block.json", "test_data_set_0/input_0.pb", "test_data_set_0/output_0.pb")) {
            assertTrue(e.containsKey(part), part + " in " + e.keySet());
        }
        assertFalse(e.containsKey(BundleLayout.TRANSACTION), "only on-chain records carry their transaction");
        assertTrue(entries(bundles.get("vanilla")).containsKey(BundleLayout.TRANSACTION));
    }

    @Test
    @DisplayName("without --demo the bundled demo root is not trusted: the attestation line fails and a note says why")
    void demoRootNeedsConsent() throws Exception {
        BundleVerification v = new BundleVerifier(BundleLimits.defaults(), sessions)
                .verify(bundles.get("individual"), List.of(), false);
        assertEquals(List.of("attestation"), v.verdict().failedChecks());
        assertTrue(v.notes().getFirst().contains("--demo"), v.notes().toString());
    }

    @Test
    @DisplayName("a forger who changes the blob's output (and the claimed output file to match), fixes the manifest's "
            + "hashes and strips the signature is caught by the blob check; the blob alone is inconsistent")
    void forgedBlobWithRewrittenManifest() throws Exception {
        Consumer<Map<String, byte[]>> forgeBlob = m -> {
            ObjectNode blob = (ObjectNode) read(m.get("blob.json"));
            ArrayNode result = (ArrayNode) blob.get("output").get(0).get("result");
            result.set(0, result.numberNode(result.get(0).asDouble() + 0.5));
            m.put("blob.json", write(blob));
        };
        BundleInconsistentException alone = assertThrows(BundleInconsistentException.class,
                () -> verify(rewrite("individual", "forged-blob-only", forgeBlob, true)));
        assertTrue(alone.getMessage().startsWith("bundle inconsistent: test_data_set_0/output_0.pb differs from the "
                + "settled blob"), alone.getMessage());
        Path forged = rewrite("individual", "forged-blob", forgeBlob.andThen(m -> {
            Tensor claimed = PublishedOutputs.read(read(m.get("blob.json")).get("output"), name -> DType.FLOAT).getFirst();
            m.put(BundleLayout.output(0), new TensorProtoCodec().write(claimed, TensorProtoCodec.Layout.RAW));
        }), true);
        BundleVerification v = verify(forged);
        assertEquals(Verdict.MISMATCH, v.verdict().verdict());
        assertTrue(v.verdict().failedChecks().contains("blob"), v.verdict().failedChecks().toString());
    }

    @Test
    @DisplayName("a forged TEE signature in record.json (manifest rewritten to match) fails the signature check")
    void forgedSignature() throws Exception {
        Path forged = rewrite("individual", "forged-sig", m -> {
            ObjectNode rec = (ObjectNode) read(m.get("record.json"));
            byte[] sig = HexFormat.of().parseHex(rec.get("signature").textValue().substring(2));
            sig[10] ^= 1;
            rec.put("signature", "0x" + HexFormat.of().formatHex(sig));
            m.put("record.json", write(rec));
        }, true);
        BundleVerification v = verify(forged);
        assertEquals(Verdict.MISMATCH, v.verdict().verdict());
        assertTrue(v.verdict().failedChecks().contains("signature"), v.verdict().failedChecks().toString());
    }

    @Test
    @DisplayName("hostile bundles: traversal, absolute paths, bombs, too many entries, unlisted, missing or changed parts")
    void hostileBundles() throws Exception {
        BundleVerifier small = new BundleVerifier(new BundleLimits(64 << 20, 20, 2 << 20, 4 << 20), sessions);
        assertThrows(UnsafeBundleEntryException.class, () -> small.verify(
                rewrite("vanilla", "traversal", m -> m.put("../../evil.txt", new byte[] {1}), false), List.of(), true));
        assertThrows(UnsafeBundleEntryException.class, () -> small.verify(
                rewrite("vanilla", "absolute", m -> m.put("/tmp/evil.txt", new byte[] {1}), false), List.of(), true));
        assertThrows(UnsafeBundleEntryException.class, () -> small.verify(
                rewrite("vanilla", "backslash", m -> m.put("..\\evil.txt", new byte[] {1}), false), List.of(), true));
        BundleTooLargeException bomb = assertThrows(BundleTooLargeException.class, () -> small.verify(
                rewrite("vanilla", "bomb", m -> m.put("zeros.bin", new byte[3 << 20]), false), List.of(), true));
        assertTrue(bomb.getMessage().contains("per-entry limit"), bomb.getMessage());
        // the chain proof's parts have tighter caps: a header is about 600 bytes
        BundleTooLargeException header = assertThrows(BundleTooLargeException.class, () -> small.verify(
                rewrite("vanilla", "big-header", m -> m.put(BundleLayout.HEADER, new byte[(64 << 10) + 1]), false),
                List.of(), true));
        assertTrue(header.getMessage().startsWith(BundleLayout.HEADER + ": inflates past the limit of 65536 bytes for "
                + "this part"), header.getMessage());
        assertThrows(BundleTooLargeException.class, () -> small.verify(rewrite("vanilla", "many", m -> {
            for (int i = 0; i < 30; i++) {
                m.put("extra/f" + i, new byte[0]);
            }
        }, false), List.of(), true));
        BundleFormatException unlisted = assertThrows(BundleFormatException.class, () -> small.verify(
                rewrite("vanilla", "unlisted", m -> m.put("note.txt", new byte[] {1}), false), List.of(), true));
        assertTrue(unlisted.getMessage().contains("not listed"), unlisted.getMessage());
        BundleFormatException missing = assertThrows(BundleFormatException.class, () -> small.verify(
                rewrite("vanilla", "missing", m -> m.remove("model.onnx"), false), List.of(), true));
        assertTrue(missing.getMessage().startsWith("model.onnx: listed in the manifest but missing"), missing.getMessage());
        BundleFormatException changed = assertThrows(BundleFormatException.class, () -> small.verify(
                rewrite("vanilla", "changed", m -> m.get("model.onnx")[100] ^= 1, false), List.of(), true));
        assertTrue(changed.getMessage().contains("does not match the manifest"), changed.getMessage());
        BundleFormatException wrongType = assertThrows(BundleFormatException.class, () -> small.verify(
                rewrite("vanilla", "wrong-type", m -> m.put("record.json", "[1,2]".getBytes()), true), List.of(), true));
        assertTrue(wrongType.getMessage().startsWith("record.json"), wrongType.getMessage());
        Path notZip = dir.resolve("not-a-zip.zip");
        Files.writeString(notZip, "hello");
        assertThrows(BundleFormatException.class, () -> small.verify(notZip, List.of(), true));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains("evil")), "nothing extracted");
        }
        assertFalse(Files.exists(Path.of("/tmp/evil.txt")));
    }

    private static List<String> names(List<io.proofdesk.domain.CheckResult> lines) {
        return lines.stream().map(io.proofdesk.domain.CheckResult::name).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode read(byte[] b) {
        return BundleEdits.read(b);
    }

    private byte[] write(Object o) {
        return BundleEdits.write(o);
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        return BundleEdits.entries(zip);
    }

    /**
     * A copy of a bundle with entries changed; {@code fixManifest} re-lists every entry with its new hash and strips
     * the signature, as a forger without the auditor's key must.
     */
    private Path rewrite(String from, String name, Consumer<Map<String, byte[]>> change, boolean fixManifest)
            throws IOException {
        Map<String, byte[]> m = entries(bundles.get(from));
        change.accept(m);
        if (fixManifest) {
            BundleEdits.relist(m, BundleEdits.UNSIGNED);
        }
        return BundleEdits.write(m, dir.resolve("hostile").resolve(name + ".zip"));
    }
}
