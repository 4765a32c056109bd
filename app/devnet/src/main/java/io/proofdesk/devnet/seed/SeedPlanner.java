package io.proofdesk.devnet.seed;

import io.proofdesk.domain.InferenceMode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lays out the demo history: mostly honest TEE records from the honest nodes, some VANILLA and ZKML records on the
 * inference contract, and — at the requested rate — dishonest records, each fault labelled and routed to the one
 * place that commits it (a dishonest node, the tampered model version, or the settlement step). Faults are dealt
 * round-robin so every kind appears once the dishonest count reaches the number of kinds.
 */
public final class SeedPlanner {

    /**
     * A model version the planner may choose: name, version, whether its served file is tampered (only dishonest
     * records use it) and whether another version of the same model exists for a node to swap in.
     */
    public record ModelChoice(String model, String version, boolean tamperedFile, boolean swappable) {}

    private final List<ModelChoice> models;
    private final List<Integer> honestNodes;
    private final Map<Fault, Integer> faultNodes;

    /**
     * @param honestNodes node indexes that behave
     * @param faultNodes  for node-level faults, the index of the node that commits them
     */
    public SeedPlanner(List<ModelChoice> models, List<Integer> honestNodes, Map<Fault, Integer> faultNodes) {
        this.models = List.copyOf(models);
        this.honestNodes = List.copyOf(honestNodes);
        this.faultNodes = new EnumMap<>(faultNodes);
        if (honestNodes.isEmpty()) {
            throw new IllegalArgumentException("the demo network needs at least one honest node");
        }
        if (models.stream().noneMatch(m -> !m.tamperedFile())) {
            throw new IllegalArgumentException("the demo network needs at least one untampered model");
        }
    }

    public List<PlannedRecord> plan(int count, double dishonestRate, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("number of inferences must not be negative: " + count);
        }
        if (!(dishonestRate >= 0 && dishonestRate < 0.5)) {
            throw new IllegalArgumentException("dishonest rate must be in [0, 0.5) so honest records outnumber dishonest ones: " + dishonestRate);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ModelChoice> clean = models.stream().filter(m -> !m.tamperedFile()).toList();
        List<ModelChoice> tampered = models.stream().filter(ModelChoice::tamperedFile).toList();
        List<ModelChoice> swappable = clean.stream().filter(ModelChoice::swappable).toList();
        Fault[] faults = usableFaults(tampered.isEmpty(), swappable.isEmpty());
        long dishonestTarget = Math.round(count * dishonestRate);
        List<PlannedRecord> out = new ArrayList<>(count);
        int dealt = 0;
        for (int i = 0; i < count; i++) {
            // spread the dishonest records evenly through the history rather than bunching them at the start
            boolean dishonest = dealt < dishonestTarget && (long) (i + 1) * dishonestTarget / count > dealt;
            long inputSeed = rnd.nextLong();
            double roll = rnd.nextDouble();
            ModelChoice m = clean.get(rnd.nextInt(clean.size()));
            int node = honestNodes.get(rnd.nextInt(honestNodes.size()));
            if (!dishonest) {
                out.add(honest(i, m, node, roll, inputSeed));
                continue;
            }
            Fault f = faults[dealt++ % faults.length];
            if (f == Fault.MODEL_CID_MISMATCH) {
                m = tampered.get(rnd.nextInt(tampered.size()));
            } else if (f == Fault.SWAPPED_MODEL) {
                m = swappable.get(rnd.nextInt(swappable.size()));
            }
            Integer faultNode = faultNodes.get(f);
            Settlement s = switch (f) {
                case MERKLE_MISSING -> Settlement.BATCH;
                case BLOB_MISMATCH -> roll < 0.5 ? Settlement.BATCH : Settlement.INDIVIDUAL;
                default -> roll < 0.6 ? Settlement.INDIVIDUAL : Settlement.BATCH;
            };
            out.add(new PlannedRecord(i, m.model(), m.version(), faultNode == null ? node : faultNode,
                    InferenceMode.TEE, s, f, inputSeed));
        }
        return withTreeForMissingLeaves(out);
    }

    /**
     * A leaf left out of its Merkle tree still needs a tree to be left out of: if no other batch record exists,
     * the last honest TEE record is settled in a batch too.
     */
    private static List<PlannedRecord> withTreeForMissingLeaves(List<PlannedRecord> plan) {
        boolean missing = plan.stream().anyMatch(r -> r.fault() == Fault.MERKLE_MISSING);
        boolean leaf = plan.stream().anyMatch(r -> r.settlement() == Settlement.BATCH && r.fault() != Fault.MERKLE_MISSING);
        if (!missing || leaf) {
            return plan;
        }
        for (int i = plan.size() - 1; i >= 0; i--) {
            PlannedRecord r = plan.get(i);
            if (r.honest() && r.mode() == InferenceMode.TEE) {
                plan.set(i, new PlannedRecord(r.index(), r.model(), r.version(), r.nodeIndex(), r.mode(),
                        Settlement.BATCH, null, r.inputSeed()));
                return plan;
            }
        }
        throw new IllegalArgumentException("too few honest records to settle a batch; seed more inferences");
    }

    private Fault[] usableFaults(boolean noTamperedModel, boolean noSwappableModel) {
        return java.util.Arrays.stream(Fault.values())
                .filter(f -> !f.llmOnly())
                .filter(f -> !(f == Fault.MODEL_CID_MISMATCH && noTamperedModel))
                .filter(f -> !(f == Fault.SWAPPED_MODEL && noSwappableModel))
                .filter(f -> switch (f) {
                    case FORGED_OUTPUT, SWAPPED_MODEL, BAD_SIGNATURE, STALE_ATTESTATION, UNAPPROVED_PCR -> faultNodes.containsKey(f);
                    default -> true;
                })
                .toArray(Fault[]::new);
    }

    private static PlannedRecord honest(int i, ModelChoice m, int node, double roll, long inputSeed) {
        // 80% TEE (60% of those settled one by one, the rest in Merkle batches), 15% VANILLA, 5% ZKML
        if (roll < 0.48) {
            return new PlannedRecord(i, m.model(), m.version(), node, InferenceMode.TEE, Settlement.INDIVIDUAL, null, inputSeed);
        }
        if (roll < 0.80) {
            return new PlannedRecord(i, m.model(), m.version(), node, InferenceMode.TEE, Settlement.BATCH, null, inputSeed);
        }
        InferenceMode mode = roll < 0.95 ? InferenceMode.VANILLA : InferenceMode.ZKML;
        return new PlannedRecord(i, m.model(), m.version(), node, mode, Settlement.ONCHAIN, null, inputSeed);
    }
}
