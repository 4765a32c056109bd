package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorProtoCodec;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.ReportExporter;
import io.proofdesk.report.ReportNetwork;
import io.proofdesk.store.Store;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.InferenceVerification;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.StoredFacts;
import io.proofdesk.verify.VerificationSources;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the offline bundle of one record: verifies it once more through recording sources (so the bundle holds
 * exactly the evidence of the verdict it carries), then zips record, registry facts, verdict, model, blob, TEE
 * signature, attestation document (and the demo root when the chain ended there), the chain's receipt and block
 * header (and, for an on-chain record, its signed transaction: the calldata its input is read from), on
 * Ethereum-header chains the block header and inclusion proofs of the record's receipt and transaction
 * ({@link BundleChainProofs}; a record they refute is not bundled), and the
 * input/claimed-output tensors in ONNX test-data layout, with a manifest of SHA-256s that the auditor's key signs.
 */
public final class BundleExporter implements ReportExporter<RecordId> {

    private final Store store;
    private final VerificationSources sources;
    private final ChainEvidence chain;
    private final SessionCache sessions;
    private final VerifierOptions options;
    private final ReportNetwork network;
    private final Clock clock;
    private final AuditorKey key;
    private final HeaderFormat headerFormat;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private final TensorProtoCodec tensors = new TensorProtoCodec();

    public BundleExporter(Store store, VerificationSources sources, ChainEvidence chain, SessionCache sessions,
                          VerifierOptions options, ReportNetwork network, Clock clock, AuditorKey key) {
        this(store, sources, chain, sessions, options, network, clock, key, HeaderFormat.ETHEREUM);
    }

    /** @param headerFormat the network's header format (its settings), deciding whether the record can be proved */
    public BundleExporter(Store store, VerificationSources sources, ChainEvidence chain, SessionCache sessions,
                          VerifierOptions options, ReportNetwork network, Clock clock, AuditorKey key,
                          HeaderFormat headerFormat) {
        this.headerFormat = headerFormat;
        this.store = store;
        this.sources = sources;
        this.chain = chain;
        this.sessions = sessions;
        this.options = options;
        this.network = network;
        this.clock = clock;
        this.key = key;
    }

    /** Why an LLM record is not bundled: the offline verifier binds tensor files, not a chat, to the settled blob. */
    public static final String UNSUPPORTED_CHAT = "unsupported: a bundle of an LLM record (chat request and response) "
            + "cannot be checked offline yet; verify it against the network with proofdesk verify";

    @Override
    public String format() {
        return "bundle";
    }

    @Override
    public ReportEntry export(RecordId id, Path target) throws IOException {
        StoredFacts facts = store.read(tx -> StoredFacts.load(tx, id))
                .orElseThrow(() -> new IllegalArgumentException("the store has no record " + id));
        if (io.proofdesk.domain.ChatText.isChat(facts.inference())) {
            throw new IllegalArgumentException(UNSUPPORTED_CHAT);
        }
        RecordingSources recording = new RecordingSources(sources);
        InferenceVerification result = new Verifier(store, recording.sources(clock), sessions, options, clock)
                .verify(facts);
        Inference r = facts.inference();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(BundleLayout.RECORD, json.writeValueAsBytes(BundleJson.RecordJson.of(r)));
        entries.put(BundleLayout.REGISTRY, json.writeValueAsBytes(BundleJson.RegistryJson.of(facts)));
        entries.put(BundleLayout.VERDICT, json.writeValueAsBytes(BundleJson.VerdictJson.of(result.verdict())));
        put(entries, BundleLayout.MODEL, recording.model);
        boolean stored = !r.inputs().isEmpty() && !r.outputs().isEmpty();
        put(entries, BundleLayout.BLOB, stored ? storedCopy(r.blobId()).orElse(recording.blob) : recording.blob);
        if (!r.signature().isEmpty()) {
            entries.put(BundleLayout.TEE_SIGNATURE, r.signature().toArray());
        }
        put(entries, BundleLayout.ATTESTATION, recording.attestation);
        demoRoot(result).ifPresent(root -> {
            try {
                entries.put(BundleLayout.ATTESTATION_ROOT, root.certificate().getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        });
        Optional<com.fasterxml.jackson.databind.JsonNode> receipt = chain.receipt(r.id().txHash());
        if (receipt.isPresent()) {
            entries.put(BundleLayout.RECEIPT, json.writeValueAsBytes(receipt.get()));
        }
        Optional<com.fasterxml.jackson.databind.JsonNode> block = chain.block(r.blockNumber());
        if (block.isPresent()) {
            entries.put(BundleLayout.BLOCK, json.writeValueAsBytes(block.get()));
        }
        BundleChainProofs.Parts proofs = BundleChainProofs.prove(chain, headerFormat, r, receipt, json);
        entries.putAll(proofs.entries());
        if (r.settlement() == SettlementKind.ONCHAIN) {
            chain.rawTransaction(r.id().txHash()).ifPresent(raw -> entries.put(BundleLayout.TRANSACTION, raw));
        }
        Optional<ReexecutionOutcome> outcome = result.reexecution();
        List<Tensor> in = stored ? r.inputs() : outcome.map(ReexecutionOutcome::inputs).orElse(List.of());
        List<Tensor> out = stored ? r.outputs() : outcome.map(ReexecutionOutcome::claimedOutputs).orElse(List.of());
        for (int i = 0; i < in.size(); i++) {
            entries.put(BundleLayout.input(i), tensors.write(in.get(i), TensorProtoCodec.Layout.RAW));
        }
        for (int i = 0; i < out.size(); i++) {
            entries.put(BundleLayout.output(i), tensors.write(out.get(i), TensorProtoCodec.Layout.RAW));
        }
        Instant created = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<BundleManifest.Entry> listed = new ArrayList<>();
        entries.forEach((path, bytes) -> listed.add(new BundleManifest.Entry(path, Sha256.hex(bytes), bytes.length)));
        BundleManifest.Attestation att = recording.attestation == null ? null : new BundleManifest.Attestation(
                recording.attestationNode, recording.attestationNonce, recording.attestationFetchedAt.toString());
        BundleManifest manifest = new BundleManifest(BundleLayout.FORMAT, id.toString(), created.toString(),
                BundleSignature.auditor(key), network, options.tolerance() == null ? null : options.tolerance().atol(),
                options.tolerance() == null ? null : options.tolerance().rtol(), att, stored, listed, proofs.manifest());
        byte[] manifestBytes = json.writeValueAsBytes(manifest);
        byte[] zip = zip(manifestBytes, BundleSignature.sign(key, manifestBytes), entries, created);
        write(target, zip);
        return new ReportEntry(null, target.toAbsolutePath().toString(), Sha256.hex(zip), created, 1, format());
    }

    /**
     * The blob the sync stored and read the record's stored tensors from. The bundle carries it rather than what the
     * blob store serves now, so the tensor files are always the decoding of the bundled blob; if the store now serves
     * other bytes, the exporter's verdict says so (blob line) and the offline check judges the copy the tensors are from.
     */
    private Optional<byte[]> storedCopy(String blobId) {
        if (blobId == null) {
            return Optional.empty();
        }
        return store.read(tx -> tx.blobs().find(blobId)).map(io.proofdesk.domain.Bytes::toArray);
    }

    private Optional<TrustedRoot> demoRoot(InferenceVerification v) {
        String anchor = v.verdict().checks().stream().filter(c -> c.name().equals(CheckNames.ATTESTATION))
                .map(c -> c.details().get("trustAnchor")).filter(a -> a != null).findFirst().orElse(null);
        if (anchor == null || !anchor.equals(io.proofdesk.attest.TrustedRoots.DEMO_LABEL)) {
            return Optional.empty();
        }
        return sources.roots().roots().stream().filter(t -> t.label().equals(anchor)).findFirst();
    }

    private static void put(Map<String, byte[]> entries, String path, byte[] bytes) {
        if (bytes != null) {
            entries.put(path, bytes);
        }
    }

    private static byte[] zip(byte[] manifest, byte[] signature, Map<String, byte[]> entries, Instant time)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            add(z, BundleLayout.MANIFEST, manifest, time);
            add(z, BundleLayout.SIGNATURE, signature, time);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                add(z, e.getKey(), e.getValue(), time);
            }
        }
        return buf.toByteArray();
    }

    private static void add(ZipOutputStream z, String name, byte[] bytes, Instant time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FileTime.from(time));
        z.putNextEntry(e);
        z.write(bytes);
        z.closeEntry();
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
