package io.proofdesk.cli;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.Store;
import io.proofdesk.verify.BatchSummary;
import io.proofdesk.verify.BatchVerification;
import io.proofdesk.verify.CancellationToken;
import io.proofdesk.verify.RecordSelection;
import io.proofdesk.verify.VerificationSources;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify stored inferences (chain, blob, signature, registry status, attestation, model file, "
                + "re-execution) and store the verdicts.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--id", paramLabel = "ID", description = "Record id <txHash>:<logIndex>[#leaf] (repeatable)")
        List<String> ids;

        @Option(names = "--sample", paramLabel = "N", description = "N records per model (or per node, --sample-by)")
        Integer sample;

        @Option(names = "--all", description = "Every stored record")
        boolean all;
    }

    @Option(names = "--sample-by", paramLabel = "model|node", defaultValue = "model")
    String sampleBy;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the sample (default 1)")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads that verify and save verdicts; no other "
            + "thread of the batch does either (default: 4 per core, at most 32; verification mostly waits on the network)")
    Integer threads;

    @Option(names = "--force", description = "Verify again records already verified in this environment")
    boolean force;

    @Mixin
    ToleranceOptions tolerance;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    ModelLimitOptions limits;

    @Mixin
    EndpointOptions endpoints;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        VerifierOptions options = new VerifierOptions(tolerance.toleranceOrNull(), null);
        io.proofdesk.reexec.ModelLimits modelLimits = limits.limits(dataDir.dataDirectory());
        int t = threads == null ? io.proofdesk.verify.BatchVerification.defaultThreads(
                Runtime.getRuntime().availableProcessors()) : threads;
        if (t < 1 || t > 256) {
            throw new UserInputException("--threads must be 1..256, was " + t);
        }
        try (Store store = Store.open(dataDir.dataDirectory()); SessionCache sessions = SessionCache.withLimits(modelLimits)) {
            VerificationSources sources = endpoints.resolve(store, out).sources();
            List<RecordId> ids = selection().resolve(store);
            Verifier verifier = new Verifier(store, sources, sessions, options, Clock.systemUTC());
            CancellationToken cancel = new CancellationToken();
            BatchSummary s = new BatchVerification(store, verifier, t).run(ids, force, (done, total) -> { }, cancel);
            out.printf("selected %d, verified %d, skipped %d (already verified here), could not run %d%n",
                    s.selected(), s.verified(), s.skipped(), s.failedToRun());
            for (Verdict v : Verdict.values()) {
                out.printf("%-10s %d%n", v, s.count(v));
            }
            s.failedChecks().forEach((check, n) -> out.printf("failed %-16s %d%n", check, n));
            if (s.count(Verdict.MISMATCH) > 0) {
                return ExitCode.MISMATCH;
            }
            if (s.count(Verdict.ERROR) > 0 || s.failedToRun() > 0) {
                return ExitCode.ERROR;
            }
            return s.count(Verdict.UNVERIFIED) > 0 ? ExitCode.UNVERIFIED : ExitCode.VERIFIED;
        }
    }

    private RecordSelection selection() {
        if (selection.ids != null) {
            try {
                return new RecordSelection.Ids(selection.ids.stream().map(RecordId::parse).toList());
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        if (selection.sample != null) {
            RecordSelection.SampleGroup by = switch (sampleBy.toLowerCase(Locale.ROOT)) {
                case "model" -> RecordSelection.SampleGroup.MODEL;
                case "node" -> RecordSelection.SampleGroup.NODE;
                default -> throw new UserInputException("--sample-by must be model or node, was " + sampleBy);
            };
            if (selection.sample < 1) {
                throw new UserInputException("--sample must be at least 1");
            }
            return new RecordSelection.Sample(selection.sample, by, seed);
        }
        return new RecordSelection.All();
    }
}
