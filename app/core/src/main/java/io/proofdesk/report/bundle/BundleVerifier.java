package io.proofdesk.report.bundle;

import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.chain.proof.Checkpoint;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorFormatException;
import io.proofdesk.reexec.TensorProtoCodec;
import io.proofdesk.reexec.Tolerance;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.CheckPlan;
import io.proofdesk.verify.EnvironmentProbe;
import io.proofdesk.verify.ModelFiles;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.StoredFacts;
import io.proofdesk.verify.VerifierOptions;
import io.proofdesk.verify.Verdicts;
import io.proofdesk.verify.checks.AttestationCheck;
import io.proofdesk.verify.checks.CheckLines;
import io.proofdesk.verify.checks.InferenceCheck;
import io.proofdesk.verify.checks.LegacySettlementCheck;
import io.proofdesk.verify.checks.ModelCheck;
import io.proofdesk.verify.checks.RecordCheck;
import io.proofdesk.verify.checks.ReexecutionCheck;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Re-runs every check of a bundled record offline with the verification engine's own checks, fed only from the
 * bundle ({@link BundleSources}). The attestation document is judged as at its fetch time with the exporter's nonce;
 * the chain facts are the bundled receipt and header, proved against each other when the bundle carries the header
 * and inclusion proofs ({@link BundleProofCheck}, a {@code chain-proof} line), and tied to the live chain by a
 * checkpoint the reader gives (else for the reader to confirm: the block hash is printed). Trusted roots: the AWS Nitro root always, roots the user passes, and the
 * bundle's demo root only when the user accepts it and the bundle says it is from the demo network.
 */
public final class BundleVerifier {

    private final BundleReader reader;
    private final SessionCache sessions;

    public BundleVerifier(BundleLimits limits, SessionCache sessions) {
        this.reader = new BundleReader(limits);
        this.sessions = sessions;
    }

    public BundleVerification verify(Path zip, List<TrustedRoot> userRoots, boolean acceptDemoRoot)
            throws BundleException, IOException {
        return verify(zip, userRoots, acceptDemoRoot, Optional.empty());
    }

    /**
     * @param signer the auditor key the bundle must be signed with; empty to accept any signer, or none (the result
     *               says which)
     * @throws BundleSignatureException     if the signature does not hold or is not {@code signer}'s
     * @throws BundleInconsistentException  if a tensor file differs from the settled source it comes from
     */
    public BundleVerification verify(Path zip, List<TrustedRoot> userRoots, boolean acceptDemoRoot,
                                     Optional<PublicKey> signer) throws BundleException, IOException {
        return verify(zip, userRoots, acceptDemoRoot, signer, List.of());
    }

    /**
     * As {@link #verify(Path, List, boolean, Optional)}, and the bundle's chain proof is linked to {@code checkpoints}
     * (blocks the reader trusts): a checkpoint at the header's height must be the header.
     */
    public BundleVerification verify(Path zip, List<TrustedRoot> userRoots, boolean acceptDemoRoot,
                                     Optional<PublicKey> signer, List<Checkpoint> checkpoints)
            throws BundleException, IOException {
        BundleContents b = reader.read(zip);
        BundleVerification.Signer signed = BundleSignature.check(b, reader.json, signer);
        BundleManifest m = b.manifest();
        List<String> notes = new ArrayList<>();
        BundleJson.RecordJson recordJson = parse(b, BundleLayout.RECORD, BundleJson.RecordJson.class);
        List<Tensor> inputFiles = tensors(b, true);
        List<Tensor> outputFiles = tensors(b, false);
        long testData = b.entries().keySet().stream().filter(n -> n.startsWith(BundleLayout.TEST_DATA)).count();
        if (testData != inputFiles.size() + outputFiles.size()) {
            throw new BundleFormatException(BundleLayout.TEST_DATA, "holds files other than input_0.pb, input_1.pb, ... "
                    + "and output_0.pb, output_1.pb, ... in sequence");
        }
        Inference bare = inference(recordJson, List.of(), List.of());
        Evidence recorded;
        try {
            recorded = recordJson.evidenceIn(m.format());
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(BundleLayout.RECORD, "not a valid record: " + e.getMessage(), e);
        }
        if (!bare.id().toString().equals(m.recordId())) {
            throw new BundleFormatException(BundleLayout.RECORD, "holds record " + bare.id() + ", the manifest says "
                    + m.recordId());
        }
        BundleVerification.ChainProof proof = BundleProofCheck.check(b, reader.json, bare, checkpoints);
        BundleJson.RegistryJson registry = parse(b, BundleLayout.REGISTRY, BundleJson.RegistryJson.class);
        BundleSources sources = new BundleSources(b, reader, bare.blobId(), bare.model());
        BundleVerification.TensorBinding binding = new BundleTensorCheck().check(b,
                new RecordEvidence(facts(registry, bare), sources.blobs()), sources, m.storedTensors(), inputFiles,
                outputFiles);
        // only files equal to what was settled may stand for the record's tensors; others are not used at all
        Inference r = m.storedTensors() && binding.checked() ? inference(recordJson, inputFiles, outputFiles) : bare;
        StoredFacts facts = facts(registry, r);
        TrustedRoots roots = TrustedRoots.awsNitro();
        for (TrustedRoot root : userRoots) {
            roots = roots.with(root);
        }
        Optional<byte[]> demo = b.entry(BundleLayout.ATTESTATION_ROOT);
        if (demo.isPresent()) {
            boolean demoNetwork = m.network() != null && m.network().demo();
            if (acceptDemoRoot && demoNetwork) {
                try {
                    roots = roots.with(TrustedRoot.of(TrustedRoots.DEMO_LABEL, demo.get()));
                } catch (RuntimeException e) {
                    throw new BundleFormatException(BundleLayout.ATTESTATION_ROOT, e.getMessage(), e);
                }
                notes.add("trusting the bundle's demo attestation root (you passed --demo; demo network only)");
            } else if (acceptDemoRoot) {
                notes.add("the bundle carries a demo root but does not say it is from the demo network; not trusted");
            } else {
                notes.add("the bundle carries the demo network's attestation root; it is not trusted unless you pass "
                        + "--demo (or --root with a root you trust)");
            }
        }
        Instant fetchedAt = m.attestation() == null || m.attestation().fetchedAt() == null
                ? Instant.parse(m.createdAt()) : Instant.parse(m.attestation().fetchedAt());
        byte[] nonce = m.attestation() == null || m.attestation().nonce() == null ? new byte[0]
                : HexFormat.of().parseHex(m.attestation().nonce());
        Clock atExport = Clock.fixed(fetchedAt, ZoneOffset.UTC);
        ModelFiles files = new ModelFiles(sources.models());
        Tolerance tolerance = m.atol() == null ? null : Tolerance.of(m.atol(), m.rtol() == null ? 0 : m.rtol());
        AttestationCheck attestation = new AttestationCheck(sources.attestations(), roots, atExport,
                VerifierOptions.DEFAULT_MAX_ATTESTATION_AGE, new RecordedNonce(nonce));
        InferenceCheck reexecution = binding.checked()
                ? new ReexecutionCheck(files, new ReexecEngine(sessions), tolerance) : notRun(binding.description());
        RecordCheck record = new RecordCheck(sources.chain());
        ModelCheck model = new ModelCheck(files);
        List<InferenceCheck> plan = new CheckPlan(record, attestation, model, reexecution,
                new LegacySettlementCheck(sources.chain())).of(r);
        RecordEvidence evidence = new RecordEvidence(facts, sources.blobs());
        List<CheckResult> lines = new ArrayList<>();
        for (InferenceCheck c : plan) {
            try {
                lines.add(c.check(evidence));
            } catch (RuntimeException e) {
                lines.add(CheckLines.error(c.name(), "the check failed unexpectedly: " + e));
            }
        }
        BundleProofCheck.line(proof).ifPresent(lines::add);
        Verdict verdict = Verdicts.overall(lines);
        VerdictRecord v = new VerdictRecord(r.id(), verdict, Verdicts.reason(verdict, lines), Instant.now(),
                EnvironmentProbe.current(tolerance == null ? "from each claim's decimals" : tolerance.basis()), lines);
        Optional<VerdictRecord> exporter;
        try {
            exporter = b.entry(BundleLayout.VERDICT).isEmpty() ? Optional.empty()
                    : Optional.of(parse(b, BundleLayout.VERDICT, BundleJson.VerdictJson.class).toVerdict());
        } catch (RuntimeException e) {
            throw new BundleFormatException(BundleLayout.VERDICT, "not a valid verdict: " + e.getMessage(), e);
        }
        Evidence effective = proof.proved() ? new Evidence(EvidenceLevel.PROVED, shorten(proof.reason())) : recorded;
        return new BundleVerification(v, exporter, m, signed, binding, notes, effective, recorded, proof);
    }

    private static String shorten(String s) {
        return s.length() <= Evidence.MAX_DETAIL ? s : s.substring(0, Evidence.MAX_DETAIL - 3) + "...";
    }

    private static Inference inference(BundleJson.RecordJson json, List<Tensor> in, List<Tensor> out)
            throws BundleFormatException {
        try {
            return json.toInference(in, out);
        } catch (RuntimeException e) {
            throw new BundleFormatException(BundleLayout.RECORD, "not a valid record: " + e.getMessage(), e);
        }
    }

    private static StoredFacts facts(BundleJson.RegistryJson registry, Inference r) throws BundleFormatException {
        try {
            return registry.toFacts(r);
        } catch (RuntimeException e) {
            throw new BundleFormatException(BundleLayout.REGISTRY, "not valid registry facts: " + e.getMessage(), e);
        }
    }

    /** The re-execution line of a record whose tensor files cannot be checked: never run on unchecked tensors. */
    private static InferenceCheck notRun(String why) {
        return InferenceCheck.alwaysUnverified(CheckNames.REEXECUTION, "not run: the bundle's tensor files cannot be "
                + "checked against what was settled (" + why + ")");
    }

    private static List<Tensor> tensors(BundleContents b, boolean inputs) throws BundleFormatException {
        TensorProtoCodec codec = new TensorProtoCodec();
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            String path = inputs ? BundleLayout.input(i) : BundleLayout.output(i);
            Optional<byte[]> bytes = b.entry(path);
            if (bytes.isEmpty()) {
                return out;
            }
            try {
                out.add(codec.read(bytes.get(), path));
            } catch (TensorFormatException | IllegalArgumentException e) {
                throw new BundleFormatException(path, e.getMessage(), e);
            }
        }
    }

    private <T> T parse(BundleContents b, String path, Class<T> type) throws BundleFormatException {
        try {
            T v = reader.json.readValue(b.required(path), type);
            if (v == null) {
                throw new BundleFormatException(path, "empty");
            }
            return v;
        } catch (IOException e) {
            throw new BundleFormatException(path, "not the documented JSON: " + BundleReader.firstLine(e.getMessage()), e);
        }
    }
}
