package io.proofdesk.ui;

import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.devnet.node.NodeBehaviour;
import io.proofdesk.domain.RecordId;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.verify.VerificationEndpoints;
import io.proofdesk.verify.DemoWorld;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small real demo network for the desktop's verification tests and screenshots (the verifier tests' DemoWorld:
 * hub + file store, blob store, TEE nodes running ONNX Runtime and signing, Nitro-format attestation under a demo
 * root): digits-cnn and credit-mlp records, honest and each dishonest in one labelled way, written to a store in
 * {@code dir} that the app then opens. The nodes keep running until {@link #close()}.
 */
public final class VerificationWorld implements AutoCloseable {

    private final DemoWorld world;
    private final Path dir;
    public final ZooModel digits;
    /** A TEE record whose node forged the digits classifier's output (swapped two class scores). */
    public final RecordId forgedDigits;
    /** An honest TEE record of the digits classifier. */
    public final RecordId honestDigits;
    /** An honest VANILLA record (chain + model + re-execution only). */
    public final RecordId vanilla;
    public final List<RecordId> all = new ArrayList<>();

    public VerificationWorld(Path dir) throws IOException {
        this.dir = dir;
        this.world = new DemoWorld(dir);
        this.digits = world.zoo.get("digits-cnn", "1.00");
        world.publish(digits, digits.bytes());
        honestDigits = world.settleIndividually(world.infer(NodeBehaviour.HONEST, digits, 1), false);
        forgedDigits = world.settleIndividually(world.infer(NodeBehaviour.FORGED_OUTPUT, digits, 2), false);
        vanilla = world.vanilla(world.credit1, 3, false);
        all.addAll(List.of(honestDigits, forgedDigits, vanilla));
        all.add(world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit2, 4), false));
        all.addAll(world.settleBatch(List.of(world.infer(NodeBehaviour.HONEST, world.credit1, 5),
                world.infer(NodeBehaviour.HONEST, digits, 6)), null));
        all.add(world.settleIndividually(world.infer(NodeBehaviour.BAD_SIGNATURE, world.credit1, 7), false));
        all.add(world.settleIndividually(world.infer(NodeBehaviour.UNAPPROVED_PCR, world.credit1, 8), false));
        all.add(world.vanilla(world.credit1, 9, true));
        // the app opens this store itself; the nodes, hub and blob store keep serving
        world.store.close();
    }

    public DataDirectory dataDirectory() {
        return new DataDirectory(dir);
    }

    /** The demo network as the Network view would hand it over: its sources, the demo root trusted. */
    public VerificationEndpoints endpoints() {
        return () -> Optional.of(new VerificationEndpoints.Network(world.sources(), true, "demo network (test)"));
    }

    @Override
    public void close() {
        world.close();
    }
}
