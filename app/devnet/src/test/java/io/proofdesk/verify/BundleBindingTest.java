package io.proofdesk.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.node.NodeBehaviour;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorProtoCodec;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.ReportNetwork;
import io.proofdesk.report.bundle.BundleExporter;
import io.proofdesk.report.bundle.BundleInconsistentException;
import io.proofdesk.report.bundle.BundleLayout;
import io.proofdesk.report.bundle.BundleLimits;
import io.proofdesk.report.bundle.BundleSignatureException;
import io.proofdesk.report.bundle.BundleVerification;
import io.proofdesk.report.bundle.BundleVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bundles are bound to what was settled and to their auditor, over the demo world of {@link VerifierTest}: a tensor
 * file that differs from the settled blob, calldata or log makes the bundle inconsistent (no verdict about the node),
 * whether it launders a forged record or frames an honest one; the auditor's signature covers every part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleBindingTest {

    DemoWorld world;
    SessionCache sessions;
    Path dir;
    final AuditorKey auditor = AuditorKey.generate();
    final Map<String, Path> bundles = new LinkedHashMap<>();
    final TensorProtoCodec codec = new TensorProtoCodec();

    @BeforeAll
    void seed(@TempDir Path tmp) throws Exception {
        dir = tmp;
        world = new DemoWorld(tmp.resolve("world"));
        sessions = SessionCache.withDefaults();
        Map<String, RecordId> records = new LinkedHashMap<>();
        records.put("honest", world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit1, 1), false));
        records.put("forged", world.settleIndividually(world.infer(NodeBehaviour.FORGED_OUTPUT, world.credit1, 2), false));
        records.put("onchain", world.onChain(world.credit1, 3, false));
        records.put("onchain-forged", world.onChain(world.credit1, 4, true));
        records.put("no-calldata", world.vanilla(world.credit1, 5, false));
        records.put("synced", world.settleSynced(world.infer(NodeBehaviour.HONEST, world.credit1, 6)));
        // the blob store now serves other bytes than it gave the sync, which stored its copy and read the tensors from it
        String blobId = world.store.read(tx -> tx.inferences().find(records.get("synced"))).orElseThrow().blobId();
        ObjectNode changed = (ObjectNode) BundleEdits.read(world.store.read(tx -> tx.blobs().find(blobId)).orElseThrow()
                .toArray());
        changed.put("note", "served after the sync");
        com.fasterxml.jackson.databind.node.ArrayNode result =
                (com.fasterxml.jackson.databind.node.ArrayNode) changed.get("output").get(0).get("result");
        result.set(0, result.numberNode(result.get(0).asDouble() + 0.25));
        world.blobs.putAs(blobId, BundleEdits.write(changed));
        BundleExporter exporter = new BundleExporter(world.store, world.sources(), world.chain.evidence(), sessions,
                VerifierOptions.defaults(), new ReportNetwork(31337L, "demo", true, Map.of(), Map.of()),
                Clock.systemUTC(), auditor);
        for (Map.Entry<String, RecordId> e : records.entrySet()) {
            bundles.put(e.getKey(), tmp.resolve(e.getKey() + ".zip"));
            exporter.export(e.getValue(), bundles.get(e.getKey()));
        }
    }

    @AfterAll
    void close() {
        sessions.close();
        world.close();
    }

    private BundleVerification verify(Path zip, Optional<AuditorKey> key) throws Exception {
        return new BundleVerifier(BundleLimits.defaults(), sessions).verify(zip, List.of(), true,
                key.map(AuditorKey::publicKey));
    }

    private Path edit(String from, String name, Consumer<Map<String, byte[]>> change, BundleEdits.Seal seal)
            throws Exception {
        return BundleEdits.rewrite(bundles.get(from), dir.resolve("edited").resolve(name + ".zip"), change, seal);
    }

    @Test
    @DisplayName("honest TEE and on-chain bundles: every tensor file equals its settled source; VERIFIED, signer checked")
    void honestBundlesAreBound() throws Exception {
        BundleVerification tee = verify(bundles.get("honest"), Optional.of(auditor));
        assertEquals(Verdict.VERIFIED, tee.verdict().verdict(), tee.verdict().reason());
        assertTrue(tee.tensors().checked(), tee.tensors().description());
        assertTrue(tee.tensors().description().startsWith("every tensor file equals the settled blob (1 input, "),
                tee.tensors().description());
        assertEquals(new BundleVerification.Signer(auditor.fingerprint(), true), tee.signer());
        BundleVerification chain = verify(bundles.get("onchain"), Optional.empty());
        assertEquals(Verdict.VERIFIED, chain.verdict().verdict(), chain.verdict().reason());
        assertTrue(chain.tensors().description().contains("equals the settled calldata (1 input) and the settled InferenceResult log ("),
                chain.tensors().description());
        assertEquals(new BundleVerification.Signer(auditor.fingerprint(), false), chain.signer());
    }

    @Test
    @DisplayName("a record whose blob store changed its answer after the sync: the bundle carries the sync's copy, "
            + "which its stored tensors come from, so it is consistent; offline the settled copy verifies")
    void blobChangedAfterSync() throws Exception {
        BundleVerification v = verify(bundles.get("synced"), Optional.of(auditor));
        assertTrue(v.manifest().storedTensors());
        assertTrue(v.tensors().checked(), v.tensors().description());
        assertEquals(Verdict.MISMATCH, v.exporterVerdict().orElseThrow().verdict(), "the exporter saw the change");
        assertTrue(v.exporterVerdict().get().failedChecks().contains(CheckNames.BLOB));
        assertEquals(Verdict.VERIFIED, v.verdict().verdict(), v.verdict().reason());
        assertFalse(new String(BundleEdits.entries(bundles.get("synced")).get(BundleLayout.BLOB),
                java.nio.charset.StandardCharsets.UTF_8).contains("served after the sync"));
    }

    @Test
    @DisplayName("laundering: a forged record's output replaced by what the model really computes is inconsistent, "
            + "signed by the forger or unsigned")
    void launderedForgedRecordIsInconsistent() throws Exception {
        assertEquals(Verdict.MISMATCH, verify(bundles.get("forged"), Optional.empty()).verdict().verdict());
        Consumer<Map<String, byte[]>> launder = m -> m.put(BundleLayout.output(0), realOutput(m, DType.FLOAT));
        AuditorKey forger = AuditorKey.generate();
        for (BundleEdits.Seal seal : List.of(BundleEdits.UNSIGNED, new BundleEdits.Seal.SignedBy(forger))) {
            Path laundered = edit("forged", "laundered-" + seal.getClass().getSimpleName(), launder, seal);
            BundleInconsistentException e = assertThrows(BundleInconsistentException.class,
                    () -> verify(laundered, Optional.empty()));
            assertTrue(e.getMessage().startsWith("bundle inconsistent: test_data_set_0/output_0.pb differs from the "
                    + "settled blob: output '"), e.getMessage());
            assertEquals(BundleLayout.output(0), e.entry());
        }
        // the forger's key is not the auditor's
        Path resigned = edit("forged", "laundered-resigned", launder, new BundleEdits.Seal.SignedBy(forger));
        BundleSignatureException wrong = assertThrows(BundleSignatureException.class,
                () -> verify(resigned, Optional.of(auditor)));
        assertTrue(wrong.getMessage().contains("not by the expected key " + auditor.fingerprint()), wrong.getMessage());
    }

    @Test
    @DisplayName("laundering an on-chain record: its output and fixed-point companion replaced by the real output "
            + "differ from the settled InferenceResult log")
    void launderedOnChainRecordIsInconsistent() throws Exception {
        assertEquals(Verdict.MISMATCH, verify(bundles.get("onchain-forged"), Optional.empty()).verdict().verdict());
        Path laundered = edit("onchain-forged", "onchain-laundered", m -> {
            byte[] real = realOutput(m, DType.DOUBLE);
            m.put(BundleLayout.output(0), real);
            m.put(BundleLayout.output(1), codec.write(io.proofdesk.chain.sync.FixedPointClaims.companion(
                    new io.proofdesk.reexec.FixedPointCodec().encode(codec.read(real, "real"))),
                    TensorProtoCodec.Layout.RAW));
        }, BundleEdits.UNSIGNED);
        BundleInconsistentException e = assertThrows(BundleInconsistentException.class,
                () -> verify(laundered, Optional.empty()));
        assertTrue(e.getMessage().startsWith("bundle inconsistent: test_data_set_0/output_0.pb differs from the "
                + "settled InferenceResult log"), e.getMessage());
    }

    @Test
    @DisplayName("framing: one byte flipped in an honest bundle's input_0.pb or output_0.pb is inconsistent, never a "
            + "MISMATCH of the node")
    void framedHonestNodeIsInconsistent() throws Exception {
        assertEquals(Verdict.VERIFIED, verify(bundles.get("honest"), Optional.empty()).verdict().verdict());
        for (String from : List.of("honest", "onchain")) {
            for (String file : List.of(BundleLayout.input(0), BundleLayout.output(0))) {
                Path framed = edit(from, "framed-" + from + "-" + file.replace('/', '-'),
                        m -> m.put(file, flipLastByte(m.get(file))), BundleEdits.UNSIGNED);
                BundleInconsistentException e = assertThrows(BundleInconsistentException.class,
                        () -> verify(framed, Optional.empty()), from + " " + file);
                String source = from.equals("honest") ? "settled blob"
                        : file.contains("input") ? "settled calldata" : "settled InferenceResult log";
                assertTrue(e.getMessage().startsWith("bundle inconsistent: " + file + " differs from the " + source
                        + ": "), e.getMessage());
                assertTrue(e.getMessage().contains(" settled, "), e.getMessage());
            }
        }
    }

    @Test
    @DisplayName("a tensor file added, removed, renamed or retyped is inconsistent too")
    void changedLayoutIsInconsistent() throws Exception {
        Map<String, Consumer<Map<String, byte[]>>> edits = new LinkedHashMap<>();
        edits.put("added", m -> {
            int n = 0;
            while (m.containsKey(BundleLayout.output(n))) {
                n++;
            }
            m.put(BundleLayout.output(n), m.get(BundleLayout.output(0)));
        });
        edits.put("removed", m -> m.remove(BundleLayout.input(0)));
        edits.put("retyped", m -> m.put(BundleLayout.output(0), codec.write(widened(codec.read(
                m.get(BundleLayout.output(0)), "out")), TensorProtoCodec.Layout.RAW)));
        for (Map.Entry<String, Consumer<Map<String, byte[]>>> e : edits.entrySet()) {
            Path changed = edit("honest", "layout-" + e.getKey(), e.getValue(), BundleEdits.UNSIGNED);
            BundleInconsistentException x = assertThrows(BundleInconsistentException.class,
                    () -> verify(changed, Optional.empty()), e.getKey());
            assertTrue(x.getMessage().startsWith("bundle inconsistent: test_data_set_0/"), x.getMessage());
        }
    }

    @Test
    @DisplayName("signature: valid under the auditor key; refused with another key, after the manifest changed, or "
            + "when stripped while the manifest still names the auditor")
    void signature() throws Exception {
        assertTrue(verify(bundles.get("honest"), Optional.of(auditor)).signer().comparedWithKey());
        BundleSignatureException other = assertThrows(BundleSignatureException.class,
                () -> verify(bundles.get("honest"), Optional.of(AuditorKey.generate())));
        assertTrue(other.getMessage().startsWith("bundle signed by " + auditor.fingerprint() + ", not by the expected"),
                other.getMessage());
        Path stale = edit("honest", "stale-signature", m -> {
            ObjectNode blob = (ObjectNode) BundleEdits.read(m.get(BundleLayout.BLOB));
            blob.put("note", "changed after signing");
            m.put(BundleLayout.BLOB, BundleEdits.write(blob));
        }, BundleEdits.STALE);
        BundleSignatureException tampered = assertThrows(BundleSignatureException.class,
                () -> verify(stale, Optional.empty()));
        assertTrue(tampered.getMessage().startsWith("bundle tampered: the signature of " + auditor.fingerprint()
                + " does not verify over manifest.json"), tampered.getMessage());
        Path stripped = BundleEdits.write(withoutSignature(bundles.get("honest")), dir.resolve("stripped.zip"));
        BundleSignatureException gone = assertThrows(BundleSignatureException.class,
                () -> verify(stripped, Optional.empty()));
        assertTrue(gone.getMessage().contains("names auditor " + auditor.fingerprint() + " but the bundle carries no "
                + "signature.json"), gone.getMessage());
    }

    @Test
    @DisplayName("an old-style unsigned bundle (format 1, no auditor, no signature) still verifies and says unsigned; "
            + "with --key it is refused")
    void unsignedOldStyleBundle() throws Exception {
        Path old = edit("honest", "format-1", m -> {
            ObjectNode manifest = (ObjectNode) BundleEdits.read(m.get(BundleLayout.MANIFEST));
            manifest.put("format", BundleLayout.FORMAT_1);
            // nor a chain proof (format 4 on)
            manifest.remove("chainProof");
            m.put(BundleLayout.MANIFEST, BundleEdits.write(manifest));
            // format 1 predates evidence levels: its record.json has none
            ObjectNode record = (ObjectNode) BundleEdits.read(m.get(BundleLayout.RECORD));
            record.remove("evidence");
            m.put(BundleLayout.RECORD, BundleEdits.write(record));
        }, BundleEdits.UNSIGNED);
        BundleVerification v = verify(old, Optional.empty());
        assertEquals(Verdict.VERIFIED, v.verdict().verdict());
        assertFalse(v.signer().signed());
        assertEquals(BundleVerification.Signer.UNSIGNED, v.signer());
        assertEquals(io.proofdesk.domain.Evidence.notRecorded(), v.evidence());
        BundleSignatureException withKey = assertThrows(BundleSignatureException.class,
                () -> verify(old, Optional.of(auditor)));
        assertTrue(withKey.getMessage().startsWith("the bundle is unsigned"), withKey.getMessage());
    }

    @Test
    @DisplayName("tensor files with no settled source in the bundle (an on-chain record without its calldata) are not "
            + "used: the re-execution line is UNVERIFIED and says why")
    void unboundTensorsAreNotUsed() throws Exception {
        BundleVerification v = verify(bundles.get("no-calldata"), Optional.empty());
        assertFalse(v.tensors().checked());
        assertTrue(v.tensors().description().contains("carries no calldata"), v.tensors().description());
        CheckResult reexec = v.verdict().checks().stream().filter(c -> c.name().equals(CheckNames.REEXECUTION))
                .findFirst().orElseThrow();
        assertEquals(CheckStatus.UNVERIFIED, reexec.status());
        assertTrue(reexec.reason().startsWith("not run: the bundle's tensor files cannot be checked"), reexec.reason());
        assertNotEquals(Verdict.VERIFIED, v.verdict().verdict());
        // a flipped output there changes nothing: the files are not read as evidence
        Path flipped = edit("no-calldata", "no-calldata-flipped",
                m -> m.put(BundleLayout.output(0), flipLastByte(m.get(BundleLayout.output(0)))), BundleEdits.UNSIGNED);
        assertEquals(v.verdict().verdict(), verify(flipped, Optional.empty()).verdict().verdict());
    }

    /** What the bundled model really computes on the bundle's input_0.pb, as the output file's element type. */
    private byte[] realOutput(Map<String, byte[]> m, DType as) {
        Tensor in = codec.read(m.get(BundleLayout.input(0)), "input");
        List<Tensor> out = new ReexecEngine(sessions).run(m.get(BundleLayout.MODEL), Map.of(in.name(), in));
        Tensor real = out.getFirst();
        Tensor typed = as == DType.DOUBLE ? Tensor.ofDoubles(real.name(), real.shape(), real.toDoubles()) : real;
        return codec.write(typed, TensorProtoCodec.Layout.RAW);
    }

    private static Tensor widened(Tensor t) {
        return Tensor.ofDoubles(t.name(), t.shape(), t.toDoubles());
    }

    private static byte[] flipLastByte(byte[] pb) {
        byte[] b = pb.clone();
        b[b.length - 1] ^= 0x01;
        return b;
    }

    private static Map<String, byte[]> withoutSignature(Path zip) throws Exception {
        Map<String, byte[]> m = BundleEdits.entries(zip);
        m.remove(BundleLayout.SIGNATURE);
        return m;
    }
}
