package io.proofdesk.verify.checks;

import io.proofdesk.chain.sync.FixedPointClaims;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.ModelSignature;
import io.proofdesk.reexec.TensorSpec;
import io.proofdesk.reexec.Tolerance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded tensors — what the sync stored, or a bundle's {@code test_data_set_0} files — read the way the
 * re-execution check reads them, so that {@code proofdesk reexec} on a bundle's files and the verifier agree. The
 * chain states numbers untyped: a recorded input or claim of another numeric type than the model declares is
 * converted to the model's type through the decimals it was written with, and an on-chain claim's exact decimals
 * travel as a {@link FixedPointClaims} companion tensor, which is preferred over the decoded float64.
 */
public final class RecordedTensors {

    private RecordedTensors() {
    }

    /**
     * One claimed output in the model's output type. {@code ownPrecision} is the tolerance its own precision gives
     * (one unit in the last decimal place written; exact for strings). {@code recordedAs} is the type it was
     * recorded in, and {@code fromDecimals} whether a companion gave its exact decimals.
     */
    public record Claim(Tensor tensor, Tolerance ownPrecision, DType recordedAs, boolean fromDecimals) {

        /** Whether it was recorded in another type than the model's output, or as decimals: a network's claim. */
        public boolean isRecordedClaim() {
            return fromDecimals || recordedAs != tensor.type();
        }
    }

    /**
     * Recorded inputs by name; a numeric input of another type than the model's is converted to it. Throws
     * {@link IllegalArgumentException} for an input given twice or a value the model's type cannot hold.
     */
    public static Map<String, Tensor> inputs(List<Tensor> recorded, ModelSignature signature) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (Tensor t : recorded) {
            Optional<TensorSpec> spec = signature.input(t.name());
            Tensor given = t;
            if (spec.isPresent() && spec.get().type() != t.type() && t.type() != DType.STRING) {
                given = ClaimedTensors.fromStored(t).as(spec.get().type());
            }
            if (inputs.put(given.name(), given) != null) {
                throw new IllegalArgumentException("input '" + t.name() + "' is given twice");
            }
        }
        return inputs;
    }

    /**
     * Recorded outputs (companions included, as stored) as claims in the model's output types, in recorded order.
     * An output the model does not declare is kept as a float64 claim, for the comparison to report it.
     */
    public static List<Claim> claims(List<Tensor> recordedOutputs, ModelSignature signature) {
        Map<String, DType> recordedTypes = new LinkedHashMap<>();
        recordedOutputs.forEach(t -> recordedTypes.putIfAbsent(t.name(), t.type()));
        List<ClaimedTensors> read = read(recordedOutputs);
        List<Claim> claims = new ArrayList<>(read.size());
        for (ClaimedTensors c : read) {
            DType type = signature.output(c.name()).map(TensorSpec::type).orElse(DType.DOUBLE);
            claims.add(new Claim(c.as(type), ownPrecision(c), recordedTypes.get(c.name()), c.fromDecimals()));
        }
        return claims;
    }

    /** Stored outputs as claims; a companion's exact decimals replace the decoded tensor they belong to. */
    static List<ClaimedTensors> read(List<Tensor> stored) {
        // a jsons document is compared under the name the record gives it, as before it was marked
        List<Tensor> outputs = stored.stream().map(t -> io.proofdesk.domain.JsonTensor.isJson(t)
                ? Tensor.ofStrings(io.proofdesk.domain.JsonTensor.nameOf(t), t.shape(), t.strings()) : t).toList();
        if (outputs.stream().noneMatch(FixedPointClaims::isCompanion)) {
            List<ClaimedTensors> claims = new ArrayList<>(outputs.size());
            outputs.forEach(t -> claims.add(ClaimedTensors.fromStored(t)));
            return claims;
        }
        Map<String, FixedPointTensor> exact = FixedPointClaims.claims(outputs);
        return FixedPointClaims.values(outputs).stream()
                .map(t -> exact.containsKey(t.name()) ? ClaimedTensors.of(exact.get(t.name())) : ClaimedTensors.fromStored(t))
                .toList();
    }

    /** One unit in the last decimal place the claim was written with; exact for strings and missing claims. */
    static Tolerance ownPrecision(ClaimedTensors claim) {
        if (claim == null || claim.isString()) {
            return Tolerance.exact();
        }
        return Tolerance.forDecimals(Math.min(Math.max(claim.maxDecimals(), 0), FixedPointCodec.MAX_DECIMALS));
    }
}
