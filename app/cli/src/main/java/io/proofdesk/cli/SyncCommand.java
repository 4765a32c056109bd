package io.proofdesk.cli;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncProgress;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.TrustRootFileException;
import io.proofdesk.network.TrustRootFiles;
import io.proofdesk.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync the chain's TEE registry, settlements and inference records (and the hub's models) into "
                + "the local store.", "Resumes where the last sync stopped; --follow keeps polling the head."})
public final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--rpc", paramLabel = "URL", description = "JSON-RPC endpoint; repeat for several (cross-checked)")
    List<String> rpc = new ArrayList<>();

    @Option(names = "--hub", paramLabel = "URL", description = "Model hub base URL")
    String hub;

    @Option(names = "--blobs", paramLabel = "URL", description = "Blob store base URL")
    String blobs;

    @Option(names = "--files", paramLabel = "URL", description = "File store (IPFS gateway) base URL; default: the hub")
    String files;

    @Option(names = "--contracts", paramLabel = "registry=0x..,relay=0x..,inference=0x..",
            description = "Contract addresses (keys: registry, relay, inference, inferenceJsons, precompile)")
    String contracts;

    @Option(names = "--node-api", paramLabel = "URL", description = "Node API answering the inference precompile's "
            + "asynchronous results (profile key nodeApi)")
    String nodeApi;

    @Option(names = "--chain-id", paramLabel = "N", description = "Expected chain id; refuse endpoints serving another")
    Long chainId;

    @Option(names = "--from", paramLabel = "BLOCK", description = "First block for a fresh store (default 0)")
    long from;

    @Option(names = "--follow", description = "After catching up, keep following the head (about every second)")
    boolean follow;

    @Option(names = "--checkpoint", paramLabel = "N:0xHASH",
            description = "A block you trust (number and hash); repeat for several. Synced headers are linked to it "
                    + "by parent hash. Default: block 0 as this store first saw it")
    List<String> checkpoints = new ArrayList<>();

    @Option(names = "--quorum", paramLabel = "K", description = "How many sources (the --rpc endpoints and the "
            + "--explorer APIs) must agree on each range's logs and headers (default: all of them; a profile's "
            + "explorer is asked but not required)")
    Integer quorum;

    @Option(names = "--explorer", paramLabel = "URL", description = "A block explorer whose Etherscan-compatible API "
            + "(Blockscout's /api, Etherscan's) is one more source of each range's logs; repeat for several. "
            + "Default: the network profile's explorer")
    List<String> explorers = new ArrayList<>();

    @Option(names = "--devnet", paramLabel = "DIR", description = "Take every endpoint and address from DIR/devnet.json")
    Path devnet;

    @Option(names = "--network", paramLabel = "NAME|FILE",
            description = NetworkChoice.DESCRIPTION + "; its endpoints and addresses, flags override them")
    String network;

    /** What the profile names that this sync cannot read, said before it starts; null if nothing. */
    private String skipped;

    @Override
    public Integer call() throws Exception {
        SyncConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        if (skipped != null) {
            out.println(skipped);
        }
        PrintWriter err = spec.commandLine().getErr();
        SyncControl control = new SyncControl();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS); // let the chunk being written commit or roll back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "proofdesk-sync-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Store store = Store.open(data.dataDirectory())) {
            out.printf("syncing %s (chain %s) into %s%n", String.join(", ", config.rpcUrls()),
                    config.expectedChainId() == null ? "any" : config.expectedChainId(), store.databaseFile());
            if (!config.explorers().isEmpty()) {
                out.printf("each range's logs also asked of block explorer(s) %s; quorum %d of %d sources%n",
                        String.join(", ", config.explorers()), config.effectiveQuorum(),
                        config.rpcUrls().size() + config.explorers().size());
            }
            out.flush();
            SyncSummary s = new ChainSync(store, config, new Printer(out, err)).run(control);
            out.printf(Locale.ROOT, "synced blocks %d..%d (%d blocks): %d logs, %d records stored, %d blobs fetched"
                            + " (%d failed), %s, %d reorgs, %d models, %.1f s (%.0f logs/s)%n",
                    s.fromBlock(), s.toBlock(), s.blocks(), s.logs(), s.records(), s.blobsFetched(), s.blobsFailed(),
                    s.notes() == 1 ? "1 record with a sync note" : s.notes() + " records with sync notes",
                    s.reorgs(), s.models(), s.elapsed().toMillis() / 1000.0, s.logsPerSecond());
            if (s.notes() > 0) {
                out.println(notesHint(s.notes(), data.dataDir));
            }
            out.flush();
            return ExitCode.VERIFIED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is stopping anyway
            }
        }
    }

    @Option(names = "--trust-root", paramLabel = "PEM",
            description = "An attestation root to trust for this network besides the AWS Nitro root (repeatable); "
                    + "recorded with the sync, so verify, report and bundle use it")
    List<Path> trustRoots = new ArrayList<>();

    /** The network to sync: devnet.json's (flags override its values) or the flags' own, recorded with the sync. */
    SyncConfig config() throws IOException {
        NetworkProfile base = NetworkProfile.EMPTY;
        if (network != null) {
            if (devnet != null) {
                throw new UserInputException("--network does not go with --devnet: give one of them");
            }
            base = NetworkChoice.resolve(network, data.dataDirectory().path());
        } else if (devnet != null) {
            if (!trustRoots.isEmpty()) {
                throw new UserInputException("--trust-root does not go with --devnet: a devnet's root comes from its "
                        + "manifest");
            }
            try {
                base = EndpointOptions.devnetProfile(devnet);
            } catch (UserInputException e) {
                throw e;
            } catch (IOException e) {
                throw new UserInputException("cannot read the devnet manifest in " + devnet + ": " + e.getMessage(), e);
            }
        }
        List<String> urls = rpc.isEmpty() ? base.rpc() : List.copyOf(rpc);
        if (urls.isEmpty()) {
            throw new UserInputException("no RPC endpoint: give --rpc URL, --network NAME|FILE or --devnet DIR");
        }
        NetworkContracts given = base.contracts();
        ContractAddresses addresses = contracts != null ? parseContracts(contracts)
                : given.isEmpty() ? null : ContractAddresses.of(given);
        if (addresses == null) {
            throw new UserInputException("no contract addresses: give --contracts registry=0x..,relay=0x..,inference=0x.."
                    + " or --network NAME|FILE or --devnet DIR");
        }
        if (from < 0) {
            throw new UserInputException("--from must be a block number >= 0");
        }
        List<String> roots = new ArrayList<>(base.trustRoots());
        for (Path root : trustRoots) {
            try {
                roots.add(TrustRootFiles.read(root.toString(), null));
            } catch (TrustRootFileException e) {
                throw new UserInputException("--trust-root: " + e.getMessage(), e);
            }
        }
        if (nodeApi != null) {
            io.proofdesk.network.EndpointUrl.check(nodeApi).ifPresent(p -> {
                throw new UserInputException(io.proofdesk.network.EndpointUrl.sentence("--node-api", nodeApi, p));
            });
        }
        String name = devnet != null || network != null ? base.name() : "network at " + urls.getFirst();
        NetworkProfile network = new NetworkProfile(name, chainId != null ? chainId : base.chainId(), urls,
                base.headerFormat(), base.explorer(), hub != null ? hub : base.hub(),
                files != null ? files : base.fileStore(), blobs != null ? blobs : base.blobStore(), base.nodes(),
                addresses.toContracts(), from != 0 ? from : base.fromBlock(), roots, base.demo(), base.checkpoints(),
                nodeApi != null ? nodeApi : base.nodeApi());
        skipped = network.precompileWithoutNodeApi().orElse(null);
        List<io.proofdesk.chain.proof.Checkpoint> pinned = new ArrayList<>();
        base.checkpoints().forEach(c -> pinned.add(io.proofdesk.chain.proof.Checkpoint.parse(c)));
        for (String c : checkpoints) {
            try {
                pinned.add(io.proofdesk.chain.proof.Checkpoint.parse(c));
            } catch (io.proofdesk.chain.proof.CheckpointFormatException e) {
                throw new UserInputException("--checkpoint: " + e.getMessage(), e);
            }
        }
        List<String> explorerUrls = explorers.isEmpty() ? (base.explorer() == null ? List.of()
                : List.of(base.explorer())) : List.copyOf(explorers);
        for (String e : explorerUrls) {
            try {
                io.proofdesk.chain.UnsupportedExplorerUrlException.check(e);
            } catch (IllegalArgumentException bad) {
                throw new UserInputException("--explorer: " + bad.getMessage(), bad);
            }
        }
        int sources = urls.size() + explorerUrls.size();
        if (quorum != null && (quorum < 1 || quorum > sources)) {
            throw new UserInputException("--quorum " + quorum + ": give a number from 1 to the " + sources
                    + " source(s) given (" + urls.size() + " RPC endpoint(s), " + explorerUrls.size()
                    + " explorer(s))");
        }
        // pinned holds the profile's checkpoints and --checkpoint's; two for one block are refused by the prover
        return SyncConfig.of(network, follow, 1000, 256, SyncLimits.DEFAULT).withCheckpoints(dedupe(pinned))
                .withExplorers(explorerUrls).withQuorum(quorum != null ? quorum
                        // a profile's explorer votes but is not required; one given with --explorer is
                        : explorers.isEmpty() && !explorerUrls.isEmpty() ? urls.size() : 0);
    }

    /** The same checkpoint given twice (in the profile and by --checkpoint) is one; two hashes for a block are refused. */
    private static List<io.proofdesk.chain.proof.Checkpoint> dedupe(List<io.proofdesk.chain.proof.Checkpoint> all) {
        java.util.Map<Long, io.proofdesk.chain.proof.Checkpoint> byBlock = new java.util.LinkedHashMap<>();
        for (io.proofdesk.chain.proof.Checkpoint c : all) {
            io.proofdesk.chain.proof.Checkpoint before = byBlock.putIfAbsent(c.number(), c);
            if (before != null && !before.equals(c)) {
                throw new UserInputException("--checkpoint: block " + c.number() + " is pinned to both "
                        + before.hash() + " and " + c.hash() + " (the network profile's checkpoints count too)");
            }
        }
        return List.copyOf(byBlock.values());
    }

    /** Where the notes are: a sync note says why a record was stored without its blob, tensors or model. */
    static String notesHint(long notes, Path dataDir) {
        String dir = dataDir == null ? "" : dataDir.toString();
        String command = "proofdesk inferences" + (dir.isEmpty() ? "" : " --data-dir "
                + (dir.matches("[\\w./:@+-]+") ? dir : "'" + dir.replace("'", "'\\''") + "'")) + " --csv";
        return (notes == 1 ? "1 record was" : notes + " records were") + " stored with a sync note (why a record's "
                + "blob, tensors or model could not be read). Read the notes in the syncNote column of: " + command
                + " (or the syncNote field of --json).";
    }

    static ContractAddresses parseContracts(String text) {
        String registry = null;
        String relay = null;
        String inference = null;
        String inferenceJsons = null;
        String precompile = null;
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new UserInputException("--contracts expects name=0xaddress pairs, got '" + part + "'");
            }
            switch (kv[0].trim()) {
                case "registry" -> registry = kv[1].trim();
                case "relay" -> relay = kv[1].trim();
                case "inference" -> inference = kv[1].trim();
                case "inferenceJsons" -> inferenceJsons = kv[1].trim();
                case "precompile" -> precompile = kv[1].trim();
                default -> throw new UserInputException("--contracts: unknown contract '" + kv[0]
                        + "' (registry, relay, inference, inferenceJsons, precompile)");
            }
        }
        try {
            return new ContractAddresses(registry, relay, inference, inferenceJsons, precompile);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--contracts: " + e.getMessage(), e);
        }
    }

    /** Progress at most once a second (and at the head), warnings as they come. */
    private static final class Printer implements SyncListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private long lastPrint;
        private long lastBlock = Long.MIN_VALUE;

        Printer(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void progress(SyncProgress p) {
            long now = System.nanoTime();
            boolean moved = p.syncedBlock() != lastBlock;
            // while following an idle chain the head is polled every second: print only when something moved
            if (!moved || (now - lastPrint < 1_000_000_000L && !p.atHead())) {
                return;
            }
            lastPrint = now;
            lastBlock = p.syncedBlock();
            out.printf(Locale.ROOT, "block %d/%d (%.0f%%): %d logs, %d records, %d blobs (%d failed), span %d%n",
                    p.syncedBlock(), p.headBlock(), p.fraction() * 100, p.logs(), p.records(), p.blobsFetched(),
                    p.blobsFailed(), p.span());
            out.flush();
        }

        @Override
        public void warning(String message) {
            err.println("warning: " + message);
            err.flush();
        }
    }
}
