package io.proofdesk.cli;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.chain.proof.Checkpoint;
import io.proofdesk.chain.proof.CheckpointFormatException;
import io.proofdesk.chain.proof.HeaderChain;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.AuditorKeyException;
import io.proofdesk.report.bundle.BundleException;
import io.proofdesk.report.bundle.BundleLimits;
import io.proofdesk.report.bundle.BundleVerification;
import io.proofdesk.report.bundle.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify-bundle", mixinStandardHelpOptions = true,
        description = {"Re-run every check of an offline bundle without any network: blob hashes, TEE signature, "
                + "registry status, attestation, Merkle inclusion, model hash, ONNX re-execution. Every tensor file "
                + "is first compared with the settled blob (or on-chain calldata and log) it comes from, and the "
                + "auditor's signature over the manifest is checked.",
            "The chain proof (block header, receipt and transaction proofs) is checked against the bundle's header "
                + "and, with --checkpoint, that header against a block you trust; a proof that fails, or a header that "
                + "is not your checkpoint's block, is exit 1.",
            "Exit 0 verified, 1 mismatch, 2 unverified, 4 error; 3 bad input with no verdict about the node: "
                + "unreadable, a tensor file that differs from what was settled (\"bundle inconsistent\"), "
                + "changed after signing, or not signed by the --key given (an unsigned bundle too)."})
public final class VerifyBundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.zip")
    Path file;

    @Option(names = "--root", paramLabel = "PEM", description = "An extra attestation root to trust (repeatable)")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--key", paramLabel = "PUBKEY.pem",
            description = "The auditor's public key (auditor-key.pub.pem) the bundle must be signed with; without it "
                    + "the signer is printed but not compared")
    Path key;
    @Mixin
    ModelLimitOptions limits;

    @Option(names = "--checkpoint", paramLabel = "N:0xHASH",
            description = "A block you trust (number and hash; repeatable): the bundle's proved header must be that "
                    + "block, else the bundle is not on your chain (exit 1)")
    List<String> checkpointTexts = new ArrayList<>();

    @Option(names = "--demo", description = "Trust the demo attestation root the bundle carries (demo network bundles only)")
    boolean demo;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        List<TrustedRoot> trusted = new ArrayList<>();
        for (Path p : roots) {
            try {
                trusted.add(TrustedRoot.of("user-supplied root " + p.getFileName(), ReexecCommand.read(p, 64 * 1024)));
            } catch (KeyFormatException e) {
                throw new UserInputException("--root " + p + ": " + e.getMessage(), e);
            }
        }
        Optional<PublicKey> signer;
        try {
            signer = key == null ? Optional.empty() : Optional.of(AuditorKey.readPublicKey(key));
        } catch (AuditorKeyException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        try {
            for (String c : checkpointTexts) {
                checkpoints.add(Checkpoint.parse(c));
            }
            new HeaderChain(checkpoints);
        } catch (CheckpointFormatException e) {
            throw new UserInputException("--checkpoint: " + e.getMessage(), e);
        }
        BundleVerification v;
        try (SessionCache sessions = SessionCache.withLimits(limits.limits())) {
            v = new BundleVerifier(BundleLimits.defaults(), sessions).verify(file, trusted, demo, signer,
                    checkpoints);
        } catch (BundleException e) {
            spec.commandLine().getErr().println("proofdesk verify-bundle: " + file + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        VerdictRecord verdict = v.verdict();
        out.println("record   " + verdict.inferenceId());
        out.println("signer   " + signerText(v.signer()));
        out.println("tensors  " + (v.tensors().checked() ? v.tensors().description()
                : "not checked, not used: " + v.tensors().description()));
        v.notes().forEach(n -> out.println("note     " + n));
        for (CheckResult c : verdict.checks()) {
            out.printf("%-16s %-10s %s%n", c.name(), c.status(), c.reason() == null ? "" : c.reason());
        }
        String block = verdict.checks().stream().filter(c -> c.name().equals("record"))
                .map(c -> c.details().get("blockHash")).filter(h -> h != null).findFirst().orElse(null);
        if (block != null) {
            out.println("compare  block hash " + block + " with the live chain to confirm the bundled receipt");
        }
        v.exporterVerdict().ifPresent(e -> out.println("exporter " + e.verdict() + (e.verdict() == verdict.verdict()
                ? " (agrees)" : " (differs from this check)")));
        evidence(out, v);
        out.println("verdict  " + v.evidence().qualify(verdict.verdict().name()) + ": " + verdict.reason());
        if (!v.signer().signed()) {
            out.println("warning  unsigned bundle: no auditor vouches for its parts; anyone could have written them");
        }
        return switch (verdict.verdict()) {
            case VERIFIED -> ExitCode.VERIFIED;
            case MISMATCH -> ExitCode.MISMATCH;
            case UNVERIFIED -> ExitCode.UNVERIFIED;
            case ERROR -> ExitCode.ERROR;
        };
    }

    private static void evidence(PrintWriter out, BundleVerification v) {
        BundleVerification.ChainProof p = v.proof();
        String recorded = v.recordedEvidence().describe() + " (as the exporter's store recorded it";
        switch (p.status()) {
            case NOT_CARRIED -> {
                out.println("evidence " + recorded + "; not re-proved from the bundle)");
                if (p.reason() != null) {
                    out.println("note     no chain proof in the bundle: " + p.reason());
                }
            }
            case PROVED -> out.println("evidence PROVED - " + p.reason() + " (give --checkpoint " + p.block() + ":"
                    + p.blockHash() + " if that is the block you trust)");
            case LINKED, CHECKPOINT_UNREACHABLE -> out.println("evidence PROVED - " + p.reason());
            case CHECKPOINT_MISMATCH -> out.println("evidence NOT ON YOUR CHAIN - " + p.reason());
            case FAILED -> out.println("evidence INVALID - the bundle's chain proof fails: " + p.reason());
        }
        if (p.status() != BundleVerification.ChainProof.Status.NOT_CARRIED) {
            out.println("stored   " + recorded + ")");
        }
    }

    private static String signerText(BundleVerification.Signer s) {
        if (!s.signed()) {
            return "unsigned (a bundle of format 1, or written by another tool): nobody vouches for it";
        }
        return s.fingerprint() + (s.comparedWithKey() ? " (the key given with --key)"
                : " (not compared with any key: pass --key AUDITOR.pub.pem to check who signed)");
    }
}
