package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.seed.Fault;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedProgress;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorProtoCodec;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.bundle.BundleEvidenceException;
import io.proofdesk.report.bundle.BundleExporter;
import io.proofdesk.report.bundle.ChainEvidence;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.verify.VerifierOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verify-bundle's exit codes on bundles of a real demo network (anvil, TEE nodes running ONNX Runtime, blob store),
 * synced and bundled through the CLI: honest bundles verify under the auditor's key; a laundered forged record and a
 * framed honest one are "bundle inconsistent" (exit 3, no verdict); a wrong key, a manifest changed after signing
 * and an unsigned bundle under --key are refused (exit 3); an unsigned old-style bundle says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyBundleCommandTest {

    private final ObjectMapper json = new ObjectMapper();
    private final TensorProtoCodec codec = new TensorProtoCodec();
    private final Map<String, Path> bundles = new LinkedHashMap<>();
    private Devnet devnet;
    private Path dir;
    private Path key;
    private String fingerprint;

    @BeforeAll
    void bundleARealNetwork(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Path devnetDir = tmp.resolve("devnet");
        Path data = tmp.resolve("data");
        devnet = Devnet.start(new DevnetConfig(60, 0.2, 7, devnetDir), SeedProgress.NONE);
        CliTestRun sync = CliTestRun.of("sync", "--devnet", devnetDir.toString(), "--data-dir", data.toString());
        assertEquals(0, sync.exitCode(), sync.out() + sync.err());
        Map<String, RecordId> chosen = new LinkedHashMap<>();
        try (Store store = Store.open(DataDirectory.resolve(data))) {
            for (GroundTruth.Entry e : devnet.groundTruth().records()) {
                RecordId id = RecordId.parse(e.id());
                Inference r = store.read(tx -> tx.loadInference(id)).orElseThrow();
                if (e.fault() == Fault.FORGED_OUTPUT) {
                    chosen.putIfAbsent("forged", id);
                } else if (e.honest() && r.mode() == InferenceMode.TEE && r.settlement() == SettlementKind.INDIVIDUAL
                        && !r.inputs().isEmpty()) {
                    chosen.putIfAbsent("honest", id);
                } else if (e.honest() && r.mode() == InferenceMode.VANILLA) {
                    chosen.putIfAbsent("onchain", id);
                }
            }
        }
        assertEquals(List.of("forged", "honest", "onchain"), chosen.keySet().stream().sorted().toList(), "seeded records");
        for (Map.Entry<String, RecordId> e : chosen.entrySet()) {
            Path zip = tmp.resolve("bundles").resolve(e.getKey() + ".zip");
            CliTestRun run = CliTestRun.of("bundle", "--id", e.getValue().toString(), "--out", zip.toString(),
                    "--devnet", devnetDir.toString(), "--data-dir", data.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            bundles.put(e.getKey(), zip);
        }
        key = data.resolve(AuditorKey.PUBLIC_FILE);
        fingerprint = AuditorKey.fingerprint(AuditorKey.readPublicKey(key));
    }

    @AfterAll
    void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private CliTestRun verifyBundle(Path zip, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify-bundle", zip.toString(), "--demo"));
        args.addAll(List.of(more));
        return CliTestRun.of(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("honest TEE and on-chain bundles verify under the auditor's key (exit 0); the forged record is a "
            + "MISMATCH (exit 1)")
    void honestAndForgedBundles() throws Exception {
        for (String name : List.of("honest", "onchain")) {
            CliTestRun run = verifyBundle(bundles.get(name), "--key", key.toString());
            assertEquals(ExitCode.VERIFIED, run.exitCode(), name + "\n" + run.out() + run.err());
            assertTrue(run.out().contains("signer   " + fingerprint + " (the key given with --key)"), run.out());
            assertTrue(run.out().contains(name.equals("honest") ? "tensors  every tensor file equals the settled blob ("
                    : "tensors  every tensor file equals the settled calldata (1 input) and the settled InferenceResult "
                    + "log ("), run.out());
        }
        // the synced TEE record's claims are stored as float64 (the JSON numbers read as doubles); they equal the blob's
        Map<String, byte[]> honest = entries(bundles.get("honest"));
        assertEquals(DType.DOUBLE, codec.read(honest.get("test_data_set_0/output_0.pb"), "out").type());
        assertTrue(json.readTree(honest.get("manifest.json")).get("storedTensors").asBoolean());
        CliTestRun forged = verifyBundle(bundles.get("forged"), "--key", key.toString());
        assertEquals(ExitCode.MISMATCH, forged.exitCode(), forged.out() + forged.err());
        assertTrue(forged.out().contains("reexecution      FAIL"), forged.out());
    }

    @Test
    @DisplayName("laundering: the forged record's output_0.pb replaced by the model's real output, manifest fixed, is "
            + "'bundle inconsistent' (exit 3), never VERIFIED, whether unsigned or signed by the forger")
    void launderedBundle() throws Exception {
        Consumer<Map<String, byte[]>> launder = m -> m.put("test_data_set_0/output_0.pb", realOutput(m));
        AuditorKey forger = AuditorKey.generate();
        for (AuditorKey resign : new AuditorKey[] {null, forger}) {
            Path laundered = rewrite("forged", "laundered-" + (resign == null ? "unsigned" : "resigned"), launder, resign);
            CliTestRun run = verifyBundle(laundered);
            assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("bundle inconsistent: test_data_set_0/output_0.pb differs from the settled "),
                    run.err());
            assertFalse(run.out().contains("VERIFIED") || run.out().contains("verdict"), run.out());
        }
        CliTestRun withKey = verifyBundle(rewrite("forged", "laundered-key", launder, forger), "--key", key.toString());
        assertEquals(ExitCode.BAD_INPUT, withKey.exitCode());
        assertTrue(withKey.err().contains("not by the expected key " + fingerprint), withKey.err());
    }

    @Test
    @DisplayName("framing: one byte flipped in an honest bundle's input_0.pb or output_0.pb (manifest fixed) is 'bundle "
            + "inconsistent' (exit 3), no MISMATCH verdict")
    void framedBundle() throws Exception {
        for (String[] c : new String[][] {{"honest", "input_0.pb"}, {"honest", "output_0.pb"}, {"onchain", "input_0.pb"},
            {"onchain", "output_0.pb"}}) {
            String file = "test_data_set_0/" + c[1];
            Path framed = rewrite(c[0], "framed-" + c[0] + "-" + c[1], m -> {
                byte[] b = m.get(file).clone();
                b[b.length - 1] ^= 0x01;
                m.put(file, b);
            }, null);
            CliTestRun run = verifyBundle(framed);
            assertEquals(ExitCode.BAD_INPUT, run.exitCode(), c[0] + " " + file + "\n" + run.out() + run.err());
            assertTrue(run.err().contains("bundle inconsistent: " + file + " differs from the settled "), run.err());
            assertFalse(run.out().contains("MISMATCH"), run.out());
        }
    }

    @Test
    @DisplayName("signer: another key, or a manifest changed after signing, is refused (exit 3); without --key the "
            + "signer is printed as not compared")
    void signer() throws Exception {
        CliTestRun any = verifyBundle(bundles.get("honest"));
        assertEquals(ExitCode.VERIFIED, any.exitCode(), any.out() + any.err());
        assertTrue(any.out().contains("signer   " + fingerprint + " (not compared with any key"), any.out());
        Path other = dir.resolve("other.pub.pem");
        AuditorKey.generate().exportPublicKey(other);
        CliTestRun wrong = verifyBundle(bundles.get("honest"), "--key", other.toString());
        assertEquals(ExitCode.BAD_INPUT, wrong.exitCode(), wrong.out() + wrong.err());
        assertTrue(wrong.err().contains("bundle signed by " + fingerprint + ", not by the expected key"), wrong.err());
        Map<String, byte[]> m = entries(bundles.get("honest"));
        ObjectNode manifest = (ObjectNode) json.readTree(m.get("manifest.json"));
        manifest.put("atol", 0.5);
        m.put("manifest.json", json.writeValueAsBytes(manifest));
        CliTestRun tampered = verifyBundle(write(m, "tampered-manifest"), "--key", key.toString());
        assertEquals(ExitCode.BAD_INPUT, tampered.exitCode(), tampered.out() + tampered.err());
        assertTrue(tampered.err().contains("bundle tampered: the signature of " + fingerprint), tampered.err());
    }

    @Test
    @DisplayName("an unsigned old-style bundle (format 1) verifies and says 'unsigned' plainly; under --key it is "
            + "refused (exit 3)")
    void unsignedOldStyleBundle() throws Exception {
        Path old = rewrite("honest", "format-1", m -> {
            try {
                olderFormat(m, "proofdesk-bundle/1");
                // format 1 predates evidence levels: its record.json has none
                ObjectNode record = (ObjectNode) json.readTree(m.get("record.json"));
                record.remove("evidence");
                m.put("record.json", json.writeValueAsBytes(record));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, null);
        CliTestRun run = verifyBundle(old);
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("signer   unsigned"), run.out());
        assertTrue(run.out().contains("warning  unsigned bundle"), run.out());
        CliTestRun withKey = verifyBundle(old, "--key", key.toString());
        assertEquals(ExitCode.BAD_INPUT, withKey.exitCode(), withKey.out() + withKey.err());
        assertTrue(withKey.err().contains("the bundle is unsigned"), withKey.err());
    }

    @Test
    @DisplayName("the bundle's record carries the evidence level the store holds; verify-bundle prints it, with a "
            + "TRUSTED record's verdict qualified; a format-2 bundle reads as TRUSTED, not recorded; a format-3 record "
            + "without evidence is refused (exit 3)")
    void evidenceLevel() throws Exception {
        Map<String, byte[]> honest = entries(bundles.get("honest"));
        assertEquals("proofdesk-bundle/4", json.readTree(honest.get("manifest.json")).get("format").asText());
        // the sync proved the record: its receipt against its block, linked to the store's genesis
        com.fasterxml.jackson.databind.JsonNode synced = json.readTree(honest.get("record.json")).get("evidence");
        assertEquals("PROVED", synced.get("level").asText(), synced.toString());
        assertTrue(synced.get("detail").asText().matches("receipt proved against block \\d+, linked to checkpoint 0 "
                + "\\(genesis 0x[0-9a-f]{64}, first seen by this store\\)"), synced.toString());
        CliTestRun provedRun = verifyBundle(bundles.get("honest"), "--key", key.toString());
        assertEquals(ExitCode.VERIFIED, provedRun.exitCode(), provedRun.out() + provedRun.err());
        assertTrue(provedRun.out().contains("stored   PROVED - receipt proved against block "), provedRun.out());
        assertTrue(provedRun.out().contains("evidence PROVED - receipt and transaction "), provedRun.out());

        // a record the store holds as TRUSTED (one endpoint's word) has its verdict qualified
        RecordId trustedId = RecordId.parse(json.readTree(entries(bundles.get("onchain")).get("record.json"))
                .get("id").asText());
        try (Store store = Store.open(DataDirectory.resolve(dir.resolve("data")))) {
            store.inTransaction(tx -> tx.inferences().setEvidence(Map.of(trustedId,
                    Evidence.trustedSingleEndpoint())));
        }
        Path trustedZip = dir.resolve("trusted.zip");
        CliTestRun trustedBundle = CliTestRun.of("bundle", "--id", trustedId.toString(), "--out",
                trustedZip.toString(), "--devnet", dir.resolve("devnet").toString(), "--data-dir",
                dir.resolve("data").toString());
        assertEquals(0, trustedBundle.exitCode(), trustedBundle.out() + trustedBundle.err());
        CliTestRun trusted = verifyBundle(trustedZip, "--key", key.toString());
        bundles.put("trusted", trustedZip);
        assertEquals(ExitCode.VERIFIED, trusted.exitCode(), trusted.out() + trusted.err());
        assertTrue(trusted.out().contains("stored   TRUSTED - one endpoint, not proved (as the exporter's store "
                + "recorded it)"), trusted.out());
        assertTrue(trusted.out().contains("evidence PROVED - receipt and transaction "), trusted.out());
        assertTrue(trusted.out().lines().anyMatch(l -> l.startsWith("verdict  VERIFIED: ")), trusted.out());

        // a format-3 bundle (no proofs) prints the stored level as before
        Path v3 = rewrite("trusted", "format-3", m -> olderFormat(m, "proofdesk-bundle/3"), null);
        CliTestRun three = verifyBundle(v3);
        assertEquals(ExitCode.VERIFIED, three.exitCode(), three.out() + three.err());
        assertTrue(three.out().contains("evidence TRUSTED - one endpoint, not proved (as the exporter's store "
                + "recorded it; not re-proved from the bundle)"), three.out());
        assertTrue(three.out().contains("verdict  VERIFIED (one endpoint, not proved): "), three.out());
        assertFalse(three.out().contains("chain-proof"), three.out());

        // a record the store holds as PROVED is bundled as PROVED, and its verdict needs no qualifier
        RecordId onchain = RecordId.parse(json.readTree(entries(bundles.get("onchain")).get("record.json"))
                .get("id").asText());
        Path data = dir.resolve("data");
        try (Store store = Store.open(DataDirectory.resolve(data))) {
            store.inTransaction(tx -> tx.inferences().setEvidence(Map.of(onchain, Evidence.proved(42, 0, "genesis"))));
        }
        Path proved = dir.resolve("proved.zip");
        CliTestRun bundle = CliTestRun.of("bundle", "--id", onchain.toString(), "--out", proved.toString(),
                "--devnet", dir.resolve("devnet").toString(), "--data-dir", data.toString());
        assertEquals(0, bundle.exitCode(), bundle.out() + bundle.err());
        CliTestRun run = verifyBundle(proved, "--key", key.toString());
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("stored   PROVED - receipt proved against block 42, linked to checkpoint 0 "
                + "(genesis) (as the exporter's store recorded it)"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("verdict  VERIFIED: ")), run.out());

        Path v2 = rewrite("honest", "format-2", m -> {
            try {
                olderFormat(m, "proofdesk-bundle/2");
                ObjectNode record = (ObjectNode) json.readTree(m.get("record.json"));
                record.remove("evidence");
                m.put("record.json", json.writeValueAsBytes(record));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, null);
        CliTestRun old = verifyBundle(v2);
        assertEquals(ExitCode.VERIFIED, old.exitCode(), old.out() + old.err());
        assertTrue(old.out().contains("evidence TRUSTED - not recorded ("), old.out());

        Path missing = rewrite("honest", "no-evidence", m -> {
            try {
                ObjectNode record = (ObjectNode) json.readTree(m.get("record.json"));
                record.remove("evidence");
                m.put("record.json", json.writeValueAsBytes(record));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, null);
        CliTestRun refused = verifyBundle(missing);
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("record.json: not a valid record: no evidence (a proofdesk-bundle/4 record "
                + "carries its evidence level)"), refused.err());
    }

    @Test
    @DisplayName("chain proof: a bundle of the demo network carries its header and the receipt and transaction proofs, "
            + "listed in the signed manifest; verify-bundle proves them offline (PROVED, not linked); the right "
            + "--checkpoint links it; a wrong hash at that block is not your chain (exit 1); an unreachable checkpoint "
            + "is unverified (exit 2); bad --checkpoint text is exit 3")
    void chainProofAndCheckpoints() throws Exception {
        for (String name : List.of("honest", "onchain")) {
            Map<String, byte[]> m = entries(bundles.get(name));
            JsonNode manifest = json.readTree(m.get("manifest.json"));
            for (String part : List.of("chain/header.rlp", "chain/receipt-proof.json", "chain/transaction-proof.json")) {
                assertTrue(m.containsKey(part), name + " " + part);
                assertTrue(manifest.get("entries").findValuesAsText("path").contains(part), name + " " + part);
            }
            assertEquals("ethereum", manifest.get("chainProof").get("headerFormat").asText());
            assertTrue(manifest.get("chainProof").get("carried").asBoolean());
            JsonNode proof = json.readTree(m.get("chain/receipt-proof.json"));
            long block = proof.get("block").asLong();
            String hash = proof.get("blockHash").asText();
            assertEquals(hash, json.readTree(m.get("chain/receipt.json")).get("blockHash").asText());

            CliTestRun run = verifyBundle(bundles.get(name), "--key", key.toString());
            assertEquals(ExitCode.VERIFIED, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("proved against block " + block + "'s header " + hash + "; header not "
                    + "linked to a checkpoint you trust (give --checkpoint " + block + ":" + hash), run.out());
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("chain-proof") && l.contains("PASS")), run.out());

            CliTestRun linked = verifyBundle(bundles.get(name), "--checkpoint", block + ":" + hash);
            assertEquals(ExitCode.VERIFIED, linked.exitCode(), linked.out() + linked.err());
            assertTrue(linked.out().contains("evidence PROVED - receipt and transaction "), linked.out());
            assertTrue(linked.out().contains("; linked to your checkpoint " + block), linked.out());

            String wrongHash = "0x" + "ab".repeat(32);
            CliTestRun wrong = verifyBundle(bundles.get(name), "--checkpoint", block + ":" + wrongHash);
            assertEquals(ExitCode.MISMATCH, wrong.exitCode(), wrong.out() + wrong.err());
            assertTrue(wrong.out().contains("evidence NOT ON YOUR CHAIN - "), wrong.out());
            assertTrue(wrong.out().contains("but your checkpoint " + block + ":" + wrongHash + " names another block "
                    + block + ": the bundle's header is not on the chain you trust"), wrong.out());
            assertTrue(wrong.out().lines().anyMatch(l -> l.startsWith("chain-proof") && l.contains("FAIL")), wrong.out());

            CliTestRun far = verifyBundle(bundles.get(name), "--checkpoint", (block + 1000) + ":" + wrongHash);
            assertEquals(ExitCode.UNVERIFIED, far.exitCode(), far.out() + far.err());
            assertTrue(far.out().contains("not linked to your checkpoint " + (block + 1000) + ": the bundle carries "
                    + "block " + block + "'s header only"), far.out());
        }
        for (String bad : List.of("12", "x:0x00", "5:0x1234")) {
            CliTestRun run = verifyBundle(bundles.get("honest"), "--checkpoint", bad);
            assertEquals(ExitCode.BAD_INPUT, run.exitCode(), bad + "\n" + run.out() + run.err());
            assertTrue(run.err().contains("--checkpoint: checkpoint"), run.err());
        }
    }

    @Test
    @DisplayName("a receipt proof with one trie node changed, or a header changed, fails the proof itself (exit 1, "
            + "naming the part) even when the bundle is re-hashed and re-signed consistently by the forger; under "
            + "--key the forger's signature is refused first (exit 3)")
    void tamperedProof() throws Exception {
        AuditorKey forger = AuditorKey.generate();
        Consumer<Map<String, byte[]>> node = m -> {
            ObjectNode proof = (ObjectNode) tree(m.get("chain/receipt-proof.json"));
            ArrayNode nodes = (ArrayNode) proof.get("nodes");
            String last = nodes.get(nodes.size() - 1).asText();
            int at = last.length() - 10;
            char flipped = last.charAt(at) == '0' ? '1' : '0';
            nodes.set(nodes.size() - 1, json.getNodeFactory().textNode(last.substring(0, at) + flipped
                    + last.substring(at + 1)));
            m.put("chain/receipt-proof.json", bytes(proof));
        };
        for (AuditorKey resign : new AuditorKey[] {null, forger}) {
            CliTestRun run = verifyBundle(rewrite("honest", "node-" + (resign == null ? "unsigned" : "resigned"), node,
                    resign));
            assertEquals(ExitCode.MISMATCH, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("evidence INVALID - the bundle's chain proof fails: chain/receipt-proof.json: "),
                    run.out());
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("chain-proof") && l.contains("FAIL")), run.out());
            assertFalse(run.out().contains("verdict  VERIFIED"), run.out());
        }
        CliTestRun withKey = verifyBundle(rewrite("honest", "node-key", node, forger), "--key", key.toString());
        assertEquals(ExitCode.BAD_INPUT, withKey.exitCode(), withKey.out() + withKey.err());

        // a header with another receipts root, written into both proofs: it no longer hashes to the block hash
        Consumer<Map<String, byte[]>> header = m -> {
            byte[] h = m.get("chain/header.rlp").clone();
            h[h.length / 2] ^= 0x01;
            m.put("chain/header.rlp", h);
            String hex = "0x" + java.util.HexFormat.of().formatHex(h);
            for (String part : List.of("chain/receipt-proof.json", "chain/transaction-proof.json")) {
                ObjectNode proof = (ObjectNode) tree(m.get(part));
                proof.put("header", hex);
                m.put(part, bytes(proof));
            }
        };
        CliTestRun forged = verifyBundle(rewrite("onchain", "header", header, forger));
        assertEquals(ExitCode.MISMATCH, forged.exitCode(), forged.out() + forged.err());
        assertTrue(forged.out().contains("evidence INVALID - the bundle's chain proof fails: "), forged.out());
    }

    @Test
    @DisplayName("export refuses a record whose log the proved receipts contradict (an endpoint altering the log's "
            + "data), naming the record, the log and the block, and writes nothing")
    void exportRefusesAnUnprovedLog() throws Exception {
        NetworkProfile profile = EndpointOptions.devnetProfile(dir.resolve("devnet"));
        EndpointOptions.Resolved network = EndpointOptions.Resolved.of(profile);
        ChainEvidence honest = network.chain();
        ChainEvidence lying = new ChainEvidence() {
            @Override
            public Optional<JsonNode> receipt(String txHash) throws IOException {
                return honest.receipt(txHash).map(r -> {
                    ObjectNode copy = r.deepCopy();
                    copy.get("logs").forEach(l -> ((ObjectNode) l).put("data", "0x" + "11".repeat(32)));
                    return copy;
                });
            }

            @Override
            public Optional<JsonNode> block(long number) throws IOException {
                return honest.block(number);
            }

            @Override
            public Optional<byte[]> rawTransaction(String txHash) throws IOException {
                return honest.rawTransaction(txHash);
            }

            @Override
            public Optional<BlockWithReceipts> blockWithReceipts(long number) throws IOException {
                return honest.blockWithReceipts(number);
            }
        };
        JsonNode record = json.readTree(entries(bundles.get("honest")).get("record.json"));
        RecordId id = RecordId.parse(record.get("id").asText());
        Path out = dir.resolve("refused.zip");
        try (Store store = Store.open(DataDirectory.resolve(dir.resolve("data")));
             SessionCache sessions = SessionCache.withDefaults()) {
            BundleExporter exporter = new BundleExporter(store, network.sources(), lying, sessions,
                    VerifierOptions.defaults(), network.network(), Clock.systemUTC(), AuditorKey.generate(),
                    profile.headerFormat());
            BundleEvidenceException e = assertThrows(BundleEvidenceException.class, () -> exporter.export(id, out));
            assertTrue(e.getMessage().startsWith("refusing to bundle record " + id + ": its log is not in the proved "
                    + "receipts: log " + id.logIndex() + " of block " + record.get("block").asLong() + " differs from "
                    + "the proved receipt of "), e.getMessage());
        }
        assertFalse(Files.exists(out));
    }

    private JsonNode tree(byte[] b) {
        try {
            return json.readTree(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] bytes(JsonNode n) {
        try {
            return json.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * An honest bundle as an older format wrote it: that format, and none of the parts it did not have (the chain proof
     * and the manifest's account of it; in format 3 the evidence level stays).
     */
    private void olderFormat(Map<String, byte[]> m, String format) {
        try {
            ObjectNode manifest = (ObjectNode) json.readTree(m.get("manifest.json"));
            manifest.put("format", format);
            manifest.remove("chainProof");
            m.put("manifest.json", json.writeValueAsBytes(manifest));
            m.keySet().removeAll(List.of("chain/header.rlp", "chain/receipt-proof.json", "chain/transaction-proof.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the bundled model computes on the bundle's input_0.pb, in the element type of the bundle's output_0.pb. */
    private byte[] realOutput(Map<String, byte[]> m) {
        Tensor in = codec.read(m.get("test_data_set_0/input_0.pb"), "input");
        Tensor claimed = codec.read(m.get("test_data_set_0/output_0.pb"), "output");
        try (SessionCache sessions = SessionCache.withDefaults()) {
            Tensor real = new ReexecEngine(sessions).run(m.get("model.onnx"), Map.of(in.name(), in)).stream()
                    .filter(t -> t.name().equals(claimed.name())).findFirst().orElseThrow();
            assertNotNull(real);
            Tensor typed = claimed.type() == DType.DOUBLE ? Tensor.ofDoubles(real.name(), real.shape(), real.toDoubles())
                    : real;
            return codec.write(typed, TensorProtoCodec.Layout.RAW);
        }
    }

    private Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    /**
     * A forger's copy: entries changed, every entry re-listed in the manifest with its new hash, then the manifest
     * signed with {@code resign}'s key, or (null) the signature and the manifest's auditor removed.
     */
    private Path rewrite(String from, String name, Consumer<Map<String, byte[]>> change, AuditorKey resign)
            throws IOException {
        Map<String, byte[]> m = entries(bundles.get(from));
        change.accept(m);
        ObjectNode manifest = (ObjectNode) json.readTree(m.get("manifest.json"));
        ArrayNode list = manifest.putArray("entries");
        m.forEach((path, bytes) -> {
            if (!path.equals("manifest.json") && !path.equals("signature.json")) {
                list.addObject().put("path", path).put("sha256", Sha256.hex(bytes)).put("size", bytes.length);
            }
        });
        m.remove("signature.json");
        if (resign == null) {
            manifest.remove("auditor");
            m.put("manifest.json", json.writeValueAsBytes(manifest));
        } else {
            String pub = Base64.getEncoder().encodeToString(resign.publicKeyDer());
            manifest.putObject("auditor").put("publicKey", pub).put("fingerprint", resign.fingerprint());
            byte[] bytes = json.writeValueAsBytes(manifest);
            m.put("manifest.json", bytes);
            m.put("signature.json", json.writeValueAsBytes(json.createObjectNode().put("alg", "Ed25519")
                    .put("publicKey", pub).put("value", Base64.getEncoder().encodeToString(resign.sign(bytes)))));
        }
        return write(m, name);
    }

    private Path write(Map<String, byte[]> m, String name) throws IOException {
        Path out = dir.resolve("edited").resolve(name + ".zip");
        Files.createDirectories(out.getParent());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : m.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Files.write(out, buf.toByteArray());
        return out;
    }
}
