package io.proofdesk.devnet.seed;

import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.chain.ChainSession;
import io.proofdesk.devnet.chain.DevAccounts;
import io.proofdesk.devnet.chain.DevnetContracts;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.devnet.node.DemoNodeFactory;

import org.web3j.tx.TransactionManager;

import java.util.List;

/** The seeding step of a devnet start: registry history first, then the planned inference history. */
public final class Seeding {

    private final DevnetContracts contracts;
    private final ChainSession session;
    private final BlobStoreService blobs;
    private final DevnetModels models;
    private final List<DemoNode> nodes;
    private final DemoNodeFactory factory;

    public Seeding(DevnetContracts contracts, ChainSession session, BlobStoreService blobs, DevnetModels models,
                   List<DemoNode> nodes, DemoNodeFactory factory) {
        this.contracts = contracts;
        this.session = session;
        this.blobs = blobs;
        this.models = models;
        this.nodes = List.copyOf(nodes);
        this.factory = factory;
    }

    public GroundTruth run(List<PlannedRecord> plan, SeedProgress progress) throws Exception {
        return run(plan, progress, SeedWindows.DEFAULT);
    }

    public GroundTruth run(List<PlannedRecord> plan, SeedProgress progress, SeedWindows windows) throws Exception {
        return run(plan, ChatPlan.NONE, progress, windows);
    }

    /**
     * LLM records to seed after the planned ones: {@code count} chats answered by the honest LLM nodes (and by the
     * bad-signature one, if any), numbered after the plan.
     */
    public record ChatPlan(List<DemoNode> honestNodes, DemoNode badSignatureNode, int count, double dishonestRate,
                           long seed) {
        public static final ChatPlan NONE = new ChatPlan(List.of(), null, 0, 0, 0);
    }

    public GroundTruth run(List<PlannedRecord> plan, ChatPlan chats, SeedProgress progress, SeedWindows windows)
            throws Exception {
        String payer = DevAccounts.other().getAddress();
        progress.update("registering TEE nodes", 0, 0);
        new RegistrySeeder(contracts, session.web3j(), payer).seed(factory.approvedImage(), factory.unapprovedImage(), nodes);
        // the registry is seeded and mined: from here on only the settling thread sends from this account
        TransactionManager unwaited = session.unwaitedTransactionManager();
        SettlementWriter writer = new SettlementWriter(
                InferenceSettlementRelay.load(contracts.settlementRelay().getContractAddress(), session.web3j(), unwaited,
                        session.gasProvider()),
                Inference.load(contracts.inference().getContractAddress(), session.web3j(), unwaited, session.gasProvider()),
                blobs);
        WindowSettler settler = new WindowSettler(writer, new ReceiptCollector(session.web3j()));
        // each /infer call waits on a node's HTTP round trip, so far more calls than cores must be in flight to keep
        // the cores busy: 2 per core left 2 cores 42% idle (20k: 48 s), 6 per core kept them busy (34 s)
        int threads = Integer.getInteger("proofdesk.devnet.seedThreads",
                Math.max(4, Runtime.getRuntime().availableProcessors() * 6));
        Seeder seeder = new Seeder(models.zoo(), p -> models.cid(p.model(), p.version()), nodes,
                new SettlementPreparer(blobs, payer), settler, threads, windows);
        List<ProducedRecord> llm = List.of();
        if (chats.count() > 0) {
            progress.update("seeding LLM records", 0, chats.count());
            llm = new ChatSeeder(chats.honestNodes(), chats.badSignatureNode(), blobs, payer)
                    .produce(plan.size(), chats.count(), chats.dishonestRate(), chats.seed());
        }
        return seeder.seed(plan, llm, progress);
    }
}
