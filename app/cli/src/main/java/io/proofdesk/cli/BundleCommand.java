package io.proofdesk.cli;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.AuditorKeyException;
import io.proofdesk.report.bundle.BundleExporter;
import io.proofdesk.store.Store;
import io.proofdesk.verify.VerifierOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Export one record as an offline bundle (zip) that proofdesk verify-bundle re-checks without network. "
                + "The bundle is signed with the auditor key of the data folder (auditor-key.pem, created on first use); "
                + "hand auditor-key.pub.pem to whoever checks it (verify-bundle --key).")
public final class BundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--id", paramLabel = "ID", required = true, description = "Record id <txHash>:<logIndex>[#leaf]")
    String id;

    @Option(names = "--out", paramLabel = "FILE.zip", required = true)
    Path out;

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
        PrintWriter w = spec.commandLine().getOut();
        RecordId record;
        try {
            record = RecordId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        VerifierOptions options = new VerifierOptions(tolerance.toleranceOrNull(), null);
        io.proofdesk.reexec.ModelLimits modelLimits = limits.limits(dataDir.dataDirectory());
        Path dir = dataDir.dataDirectory().ensureExists();
        AuditorKey key;
        try {
            key = AuditorKey.loadOrCreate(dir);
        } catch (AuditorKeyException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try (Store store = Store.open(dataDir.dataDirectory()); SessionCache sessions = SessionCache.withLimits(modelLimits)) {
            EndpointOptions.Resolved network = endpoints.resolve(store, w);
            if (store.read(tx -> tx.inferences().find(record)).isEmpty()) {
                throw new UserInputException("the store has no record " + record);
            }
            if (store.read(tx -> tx.loadInference(record)).filter(io.proofdesk.domain.ChatText::isChat).isPresent()) {
                spec.commandLine().getErr().println(record + ": " + BundleExporter.UNSUPPORTED_CHAT);
                return ExitCode.UNVERIFIED;
            }
            BundleExporter exporter = new BundleExporter(store, network.sources(), network.chain(), sessions,
                    options, network.network(), Clock.systemUTC(), key, network.profile().headerFormat());
            ReportEntry e = exporter.export(record, out);
            store.inTransaction(tx -> {
                tx.reports().insert(e);
            });
            w.println("wrote bundle " + e.path() + " sha256 " + e.sha256());
            w.println("signed by " + key.fingerprint() + " (public key: " + dir.resolve(AuditorKey.PUBLIC_FILE) + ")");
            w.println("check it offline with: proofdesk verify-bundle " + out
                    + (network.network().demo() ? " --demo" : "") + " --key " + dir.resolve(AuditorKey.PUBLIC_FILE));
            return ExitCode.VERIFIED;
        }
    }
}
