package io.proofdesk.cli;

import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.devnet.explorer.ExplorerLie;
import io.proofdesk.devnet.liar.LieMode;
import io.proofdesk.devnet.seed.SeedProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "devnet", mixinStandardHelpOptions = true,
        description = {"Start the embedded demo network on 127.0.0.1: a real chain (anvil) with the registry, "
                + "settlement and inference contracts, a model hub and file store, a blob store, and TEE nodes that "
                + "run ONNX Runtime — some honest, some dishonest on purpose. Seeds an inference history, writes "
                + "DIR/devnet.json and DIR/ground-truth.json, and keeps running until interrupted."})
public final class DevnetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--inferences", paramLabel = "N", description = "inferences to seed (default ${DEFAULT-VALUE})")
    int inferences = DevnetConfig.DEFAULT_INFERENCES;

    @Option(names = "--dishonest-rate", paramLabel = "R", description = "share of dishonest records, 0 to <0.5 (default ${DEFAULT-VALUE})")
    double dishonestRate = DevnetConfig.DEFAULT_DISHONEST_RATE;

    @Option(names = "--seed", paramLabel = "S", description = "seed: the same seed makes the same models and records (default ${DEFAULT-VALUE})")
    long seed = DevnetConfig.DEFAULT_SEED;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "folder for devnet.json, ground-truth.json, blobs and logs (default: <data dir>/devnet)")
    Path stateDir;

    @Option(names = "--seed-only", description = "stop everything once seeding is done and the files are written")
    boolean seedOnly;

    @Option(names = "--lying-rpc", paramLabel = "MODE", converter = LieModeConverter.class,
            description = "also serve a JSON-RPC endpoint that lies in this way, listed in devnet.json's rpcEndpoints "
                    + "(repeatable): omit, omit-logs, duplicate, phantom, alter-calldata, alter-receipt, "
                    + "forged-header, fork, slow-drip")
    List<LieMode> lyingRpc = new ArrayList<>();

    @Option(names = "--lying-explorer", paramLabel = "MODE", converter = ExplorerLieConverter.class,
            description = "also serve a block explorer API that lies in this way, listed in devnet.json's explorers "
                    + "(repeatable): omit, alter-data")
    List<ExplorerLie> lyingExplorer = new ArrayList<>();

    /** Reads an explorer lie by its key; a wrong one is a parameter error naming the modes. */
    static final class ExplorerLieConverter implements picocli.CommandLine.ITypeConverter<ExplorerLie> {
        @Override
        public ExplorerLie convert(String value) {
            try {
                return ExplorerLie.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--llm-records", paramLabel = "N", description = "also seed N LLM chat records answered by "
            + "LLM-style TEE nodes, settled individually and in batches, dishonest at --dishonest-rate (default 0)")
    int llmRecords;

    /** Reads a mode by its key; a wrong one is a parameter error naming the modes. */
    static final class LieModeConverter implements picocli.CommandLine.ITypeConverter<LieMode> {
        @Override
        public LieMode convert(String value) {
            try {
                return LieMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = stateDir != null ? stateDir : data.dataDirectory().resolve("devnet");
        DevnetConfig config = new DevnetConfig(inferences, dishonestRate, seed, dir).withLyingRpc(lyingRpc)
                .withLyingExplorer(lyingExplorer).withLlmRecords(llmRecords);
        long started = System.nanoTime();
        DevnetShutdown shutdown = DevnetShutdown.install(spec.commandLine().getErr());
        SeedProgress progress = (phase, done, total) -> {
            shutdown.checkNotRequested();
            out.println(total > 0 ? String.format("%s: %,d / %,d", phase, done, total) : phase + " …");
            out.flush();
        };
        Devnet devnet;
        try {
            devnet = Devnet.start(config, progress);
        } catch (Exception | Error e) {
            shutdown.startFailed();
            if (shutdown.requested()) {
                // interrupted: whatever the start died of (a refused shutdown hook, e.g. web3j's Async class
                // registering one as it loads, or anvil gone under a request) is the interruption; the hook says so
                // in one sentence, and the exit status is the signal's
                shutdown.awaitStopped();
                return ExitCode.ERROR;
            }
            shutdown.uninstall();
            throw e;
        }
        shutdown.started(devnet);
        double seconds = (System.nanoTime() - started) / 1e9;
        DevnetManifest m = devnet.manifest();
        out.printf("demo network ready in %.1f s: %,d inferences (%,d dishonest), chain %d at %s%n", seconds,
                m.inferences(), devnet.groundTruth().dishonestCount(), m.chainId(), m.rpcUrl());
        out.printf("hub/file store %s · blob store %s · %d nodes%n", m.hubUrl(), m.blobStoreUrl(), m.nodes().size());
        for (DevnetManifest.Rpc rpc : m.rpcEndpoints()) {
            if (!rpc.honest()) {
                out.printf("lying JSON-RPC endpoint (%s) at %s%n", rpc.mode(), rpc.url());
            }
        }
        for (DevnetManifest.Explorer e : m.explorers()) {
            out.printf(e.honest() ? "block explorer at %2$s (API %2$s/api)%n" : "lying block explorer (%s) at %s%n",
                    e.mode(), e.url());
        }
        out.println("wrote " + dir.resolve(DevnetManifest.FILE_NAME) + " and " + m.groundTruth());
        out.flush();
        if (seedOnly) {
            shutdown.uninstall();
            devnet.close();
            return ExitCode.VERIFIED;
        }
        out.println("running; press Ctrl+C to stop");
        out.flush();
        shutdown.awaitStopped();
        return ExitCode.VERIFIED;
    }
}
