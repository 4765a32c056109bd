package io.proofdesk.devnet;

import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.chain.ChainDeployer;
import io.proofdesk.devnet.chain.ChainSession;
import io.proofdesk.devnet.chain.DevAccounts;
import io.proofdesk.devnet.chain.DevnetContracts;
import io.proofdesk.devnet.explorer.DemoExplorer;
import io.proofdesk.devnet.explorer.ExplorerLie;
import io.proofdesk.devnet.hub.ModelHubService;
import io.proofdesk.devnet.liar.LieMode;
import io.proofdesk.devnet.liar.LieSettings;
import io.proofdesk.devnet.liar.LieTargets;
import io.proofdesk.devnet.liar.LyingRpc;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.node.DemoNodeFactory;
import io.proofdesk.devnet.node.FileStoreModelSource;
import io.proofdesk.devnet.node.InferenceRunner;
import io.proofdesk.devnet.node.NodeBehaviour;
import io.proofdesk.devnet.node.TeeNodeService;
import io.proofdesk.devnet.seed.DemoNode;
import io.proofdesk.devnet.seed.DevnetModels;
import io.proofdesk.devnet.seed.Fault;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedPlanner;
import io.proofdesk.devnet.seed.SeedProgress;
import io.proofdesk.devnet.seed.SeedWindows;
import io.proofdesk.devnet.seed.Seeding;
import io.proofdesk.devnet.tee.DemoAttestationAuthority;
import io.proofdesk.devnet.tee.DemoMeasurements;
import io.proofdesk.devnet.tee.SeededRandom;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded demo network, started and seeded: anvil with the contracts, the model hub + file store, the blob
 * store, three honest TEE nodes and one dishonest node per node-level fault, all on 127.0.0.1. Closing it stops
 * every service and the chain.
 */
public final class Devnet implements AutoCloseable {

    public static final long CHAIN_ID = 31337;
    static final int HONEST_NODES = 3;
    static final List<NodeBehaviour> DISHONEST_NODES = List.of(NodeBehaviour.FORGED_OUTPUT, NodeBehaviour.SWAPPED_MODEL,
            NodeBehaviour.BAD_SIGNATURE, NodeBehaviour.STALE_ATTESTATION, NodeBehaviour.UNAPPROVED_PCR);
    static final List<NodeBehaviour> LLM_NODES = List.of(NodeBehaviour.HONEST, NodeBehaviour.BAD_SIGNATURE);

    private final DevnetConfig config;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<LyingRpc> liars = new ArrayList<>();
    private DevnetManifest manifest;
    private long chainPid = -1;
    private GroundTruth groundTruth;

    private Devnet(DevnetConfig config) {
        this.config = config;
    }

    /** Starts everything, seeds the history, writes devnet.json and ground-truth.json; the network keeps running. */
    public static Devnet start(DevnetConfig config, SeedProgress progress) throws Exception {
        return start(config, progress, SeedWindows.DEFAULT);
    }

    /** As {@link #start(DevnetConfig, SeedProgress)}, walking the plan in the given windows (tests use small ones). */
    static Devnet start(DevnetConfig config, SeedProgress progress, SeedWindows windows) throws Exception {
        Devnet devnet = new Devnet(config);
        try {
            devnet.boot(progress, windows);
            return devnet;
        } catch (Exception | Error e) {
            devnet.close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T keep(T service) {
        running.add(service);
        return service;
    }

    private void boot(SeedProgress progress, SeedWindows windows) throws Exception {
        Path dir = Files.createDirectories(config.stateDir());
        Files.deleteIfExists(dir.resolve(DevnetManifest.FILE_NAME));
        progress.update("starting the chain", 0, 0);
        AnvilProcess anvil = keep(AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), dir)));
        chainPid = anvil.pid();
        ChainSession session = keep(ChainSession.connect(anvil.rpcUrl(), CHAIN_ID, DevAccounts.deployer()));
        progress.update("deploying contracts", 0, 0);
        DevnetContracts contracts = new ChainDeployer(session).deployAll();

        DevnetModels models = new DevnetModels(new ModelZoo(ModelZoo.DEFAULT_SEED ^ config.seed()));
        ModelHubService hub = keep(new ModelHubService());
        models.hosted().forEach(hub::publish);
        hub.start();
        BlobStoreService blobs = keep(new BlobStoreService(dir.resolve("blobs")).start());

        progress.update("starting nodes", 0, 0);
        SecureRandom random = SeededRandom.of("proofdesk-devnet-" + config.seed());
        DemoAttestationAuthority authority = DemoAttestationAuthority.create(random);
        DemoNodeFactory factory = new DemoNodeFactory(authority, random, DemoMeasurements.of("demo-enclave-1.0"),
                DemoMeasurements.of("demo-enclave-0.9-rogue"), Instant.now());
        SessionCache sessions = keep(SessionCache.withDefaults());
        InferenceRunner runner = new InferenceRunner(new ReexecEngine(sessions));
        List<DemoNode> nodes = new ArrayList<>();
        Map<Fault, Integer> faultNodes = new EnumMap<>(Fault.class);
        List<NodeBehaviour> behaviours = new ArrayList<>();
        for (int i = 0; i < HONEST_NODES; i++) {
            behaviours.add(NodeBehaviour.HONEST);
        }
        behaviours.addAll(DISHONEST_NODES);
        for (NodeBehaviour b : behaviours) {
            int index = nodes.size();
            TeeNodeService service = keep(new TeeNodeService(factory.identity("node-" + index, b), b,
                    new FileStoreModelSource(hub.baseUrl()), models::swapFor, runner, Clock.systemUTC()).start());
            nodes.add(new DemoNode(index, service));
            if (!b.honest()) {
                faultNodes.put(b.fault(), index);
            }
        }

        // LLM-style TEE nodes (an honest one and one that signs with an unregistered key) exist only when asked for
        List<DemoNode> llmNodes = new ArrayList<>();
        for (NodeBehaviour b : config.llmRecords() > 0 ? LLM_NODES : List.<NodeBehaviour>of()) {
            int index = nodes.size();
            TeeNodeService service = keep(new TeeNodeService(factory.identity("llm-node-" + index, b), b,
                    new FileStoreModelSource(hub.baseUrl()), models::swapFor, runner, Clock.systemUTC()).start());
            nodes.add(new DemoNode(index, service));
            llmNodes.add(nodes.getLast());
        }
        Seeding.ChatPlan chats = llmNodes.isEmpty() ? Seeding.ChatPlan.NONE : new Seeding.ChatPlan(
                llmNodes.stream().filter(n -> n.service().behaviour().honest()).toList(),
                llmNodes.stream().filter(n -> !n.service().behaviour().honest()).findFirst().orElse(null),
                config.llmRecords(), config.dishonestRate(), config.seed());

        SeedPlanner planner = new SeedPlanner(models.choices(), List.of(0, 1, 2), faultNodes);
        groundTruth = new Seeding(contracts, session, blobs, models, nodes, factory)
                .run(planner.plan(config.inferences(), config.dishonestRate(), config.seed()), chats, progress, windows);
        Path truth = dir.resolve("ground-truth.json");
        groundTruth.write(truth);

        List<DevnetManifest.Node> manifestNodes = nodes.stream().map(n -> new DevnetManifest.Node(n.url(),
                n.service().identity().registeredKey().teeId().hex(), n.service().behaviour().honest(),
                n.service().behaviour().label())).toList();
        List<DevnetManifest.Rpc> rpcs = new ArrayList<>();
        rpcs.add(new DevnetManifest.Rpc(anvil.rpcUrl(), true, DevnetManifest.Rpc.HONEST));
        for (LieMode mode : config.lyingRpc()) {
            LyingRpc liar = keep(LyingRpc.start(anvil.rpcUrl(), mode, LieTargets.of(contracts.addresses()),
                    LieSettings.DEFAULT));
            liars.add(liar);
            rpcs.add(new DevnetManifest.Rpc(liar.url(), false, mode.key()));
        }
        List<DevnetManifest.Explorer> explorers = new ArrayList<>();
        DemoExplorer explorer = keep(DemoExplorer.start(anvil.rpcUrl()));
        explorers.add(new DevnetManifest.Explorer(explorer.baseUrl(), true, DevnetManifest.Rpc.HONEST));
        for (ExplorerLie lie : config.lyingExplorer()) {
            DemoExplorer liar = keep(DemoExplorer.start(anvil.rpcUrl(), LieTargets.of(contracts.addresses()), lie));
            explorers.add(new DevnetManifest.Explorer(liar.baseUrl(), false, lie.key()));
        }
        manifest = new DevnetManifest(CHAIN_ID, anvil.rpcUrl(), contracts.addresses(), hub.baseUrl(), hub.baseUrl(),
                blobs.baseUrl(), manifestNodes, truth.toString(), groundTruth.records().size(), pem(authority), rpcs,
                explorer.baseUrl(), explorers);
        manifest.write(dir);
        progress.update("ready", groundTruth.records().size(), groundTruth.records().size());
    }

    private static String pem(DemoAttestationAuthority authority) throws IOException {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(authority.root().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot encode the demo attestation root", e);
        }
    }

    public DevnetManifest manifest() {
        return manifest;
    }

    /** The lying endpoints, one per {@link DevnetConfig#lyingRpc()} mode, in that order. */
    public List<LyingRpc> lyingRpcs() {
        return List.copyOf(liars);
    }

    /** The lying endpoint of {@code mode}. */
    public LyingRpc lyingRpc(LieMode mode) {
        return liars.stream().filter(l -> l.mode() == mode).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this devnet has no lying endpoint of mode " + mode));
    }

    public GroundTruth groundTruth() {
        return groundTruth;
    }

    /** The anvil process's id, so a caller can check that closing really stopped the chain. */
    public long chainProcessId() {
        return chainPid;
    }

    public DevnetConfig config() {
        return config;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.getLogger(Devnet.class.getName()).log(System.Logger.Level.WARNING, "stopping " + running.get(i), e);
            }
        }
        running.clear();
        liars.clear();
    }
}
