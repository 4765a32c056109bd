package io.proofdesk.report;

import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.verify.ReexecutionOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fixed reports for the report tests: a test-only Ed25519 key from the resources, fixed times and environment. */
final class ReportFixtures {

    static final Instant CREATED = Instant.parse("2026-01-15T12:00:00Z");
    static final String CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    /** The registry's names for {@link #CID}, as a writer that synced the demo registry puts them in a report. */
    static final Map<String, List<ReportModel>> MODELS = Map.of(CID, List.of(new ReportModel("credit-mlp", "1.00")));
    static final ReportEnvironment ENV = new ReportEnvironment("0.1.0-test", "25+36", "1.29.0", "Linux 6.1 amd64",
            "Test CPU @ 2.0GHz");
    static final ReportNetwork NETWORK = new ReportNetwork(31337L, "demo", true,
            Map.of("TEERegistry", "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                    "InferenceSettlementRelay", "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"),
            Map.of("rpc", "http://127.0.0.1:8545", "blobStore", "http://127.0.0.1:9001"));
    static final VerificationEnvironment VENV = new VerificationEnvironment("0.1.0-test", "1.29.0", "Linux 6.1 amd64",
            "Test CPU @ 2.0GHz", "from each claim's decimals");

    private ReportFixtures() {
    }

    /** The committed test key, copied with mode 600 into {@code dir} as the data directory's key files. */
    static AuditorKey testKey(Path dir) throws IOException {
        copy("test-auditor-key.pem", dir.resolve(AuditorKey.PRIVATE_FILE));
        copy("test-auditor-key.pub.pem", dir.resolve(AuditorKey.PUBLIC_FILE));
        Files.setPosixFilePermissions(dir.resolve(AuditorKey.PRIVATE_FILE), PosixFilePermissions.fromString("rw-------"));
        return AuditorKey.load(dir.resolve(AuditorKey.PRIVATE_FILE));
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = ReportFixtures.class.getResourceAsStream(resource)) {
            Files.write(to, in.readAllBytes());
        }
    }

    static String tx(int i) {
        return String.format("0x%064x", 0xabc000L + i);
    }

    static Inference inference(int i, InferenceMode mode) {
        boolean tee = mode == InferenceMode.TEE;
        return new Inference(RecordId.of(tx(i), i % 3), mode, CID,
                "1.00", tee ? String.format("0x%064x", 0x7ee) : null, tee ? "http://127.0.0.1:7001" : null,
                tee ? SettlementKind.INDIVIDUAL : SettlementKind.ONCHAIN, 100 + i,
                Instant.parse("2026-01-10T08:00:00Z").plusSeconds(i * 60L), null, null, null, Bytes.empty(), null,
                null, List.of(), List.of(), List.of(), null, evidence(i));
    }

    /** Record i's evidence: PROVED, AGREED and one endpoint's word in turn. */
    static Evidence evidence(int i) {
        return switch (i % 3) {
            case 0 -> Evidence.proved(100 + i, 0, "genesis");
            case 1 -> Evidence.agreed(2, 2);
            default -> Evidence.trustedSingleEndpoint();
        };
    }

    static VerdictRecord verdict(Inference r, Verdict v) {
        List<CheckResult> lines = new ArrayList<>();
        lines.add(line("record", CheckStatus.PASS, "event found on the canonical chain as stored"));
        lines.add(line("model", CheckStatus.PASS, "file matches its CID and the registered SHA-256"));
        CheckStatus last = switch (v) {
            case VERIFIED -> CheckStatus.PASS;
            case MISMATCH -> CheckStatus.FAIL;
            case UNVERIFIED -> CheckStatus.UNVERIFIED;
            case ERROR -> CheckStatus.ERROR;
        };
        lines.add(line("reexecution", last, switch (v) {
            case VERIFIED -> "local output is bit-identical to the claim";
            case MISMATCH -> "output 'probabilities': 2 of 3 elements differ beyond tolerance (max |Δ| 0.25 ≥ 1e-6)";
            case UNVERIFIED -> "model file is not published";
            case ERROR -> "ONNX Runtime failed: \"bad\" \\ tab\there";
        }));
        return new VerdictRecord(r.id(), v, v == Verdict.VERIFIED ? "all 3 checks passed" : lines.getLast().reason(),
                Instant.parse("2026-01-15T11:00:00Z").plusMillis(r.blockNumber()), VENV, lines);
    }

    private static CheckResult line(String name, CheckStatus s, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("maxAbsError", s == CheckStatus.FAIL ? "0.25" : "0.0");
        details.put("result", s.name());
        return new CheckResult(name, s, reason, details);
    }

    /** A forged output: the local run says [0.1, 0.7, 0.2], the claim swapped the two largest. */
    static ReexecutionOutcome forgedOutcome(CheckResult line) {
        Tensor local = Tensor.ofFloats("probabilities", new long[] {1, 3}, new float[] {0.1f, 0.7f, 0.2f});
        Tensor claimed = Tensor.ofFloats("probabilities", new long[] {1, 3}, new float[] {0.7f, 0.1f, 0.2f});
        Tensor input = Tensor.ofFloats("features", new long[] {1, 4}, new float[] {1, 2, 3, 4});
        return new ReexecutionOutcome(line, Optional.empty(), List.of(input), List.of(local), List.of(claimed),
                Duration.ofMillis(1));
    }

    /** {@code n} records cycling VERIFIED, VERIFIED, MISMATCH, UNVERIFIED, ERROR, VERIFIED...; mismatches re-executed. */
    static List<ReportItem> items(int n) {
        Verdict[] cycle = {Verdict.VERIFIED, Verdict.VERIFIED, Verdict.MISMATCH, Verdict.UNVERIFIED, Verdict.ERROR,
            Verdict.VERIFIED, Verdict.VERIFIED};
        List<ReportItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Inference r = inference(i, i % 2 == 0 ? InferenceMode.TEE : InferenceMode.VANILLA);
            VerdictRecord v = verdict(r, cycle[i % cycle.length]);
            items.add(new ReportItem(r, v, v.verdict() == Verdict.MISMATCH
                    ? Optional.of(forgedOutcome(v.checks().getLast())) : Optional.empty()));
        }
        return items;
    }

    static Report report(AuditorKey key, int n) {
        return new ReportBuilder().build("Quarterly audit of the demo network", CREATED, key, NETWORK, ENV, items(n),
                MODELS);
    }
}
