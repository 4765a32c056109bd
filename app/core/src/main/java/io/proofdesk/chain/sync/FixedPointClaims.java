package io.proofdesk.chain.sync;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the sync keeps an on-chain output exactly as claimed. The chain states each number as (value, decimals); the
 * stored output list holds, for each numeric output {@code name}, the decoded tensor (float64, or the model's integer
 * type) and right after it a STRING companion named {@code name + SUFFIX} whose elements are the exact decimals as
 * written ("0.8120" = (8120, 4)), so a verifier can rebuild the {@link FixedPointTensor} and derive its tolerance
 * from the claim's decimals ({@code Tolerance.forClaimed}). Companions exist only for ONCHAIN records; TEE blobs
 * carry JSON numbers, which are kept as float64.
 */
public final class FixedPointClaims {

    /** Marks a companion tensor; '#' cannot start an ONNX value name the exporters write. */
    public static final String SUFFIX = "#fixed-point";

    private FixedPointClaims() {
    }

    /** The companion of a claimed tensor: its exact decimals, same shape. */
    public static Tensor companion(FixedPointTensor claimed) {
        List<String> texts = new ArrayList<>(claimed.values().size());
        for (FixedPointNumber n : claimed.values()) {
            texts.add(text(n));
        }
        return Tensor.ofStrings(claimed.name() + SUFFIX, claimed.shape(), texts);
    }

    /** Plain decimal text with the claim's own number of places (trailing zeros kept; (2, -1) is "20"). */
    static String text(FixedPointNumber n) {
        if (n.decimals().bitLength() < 31) {
            return new BigDecimal(n.value(), n.decimals().intValue()).toPlainString();
        }
        return new BigDecimal(n.value(), 0).toPlainString() + "e-" + n.decimals();
    }

    public static boolean isCompanion(Tensor t) {
        return t.type() == DType.STRING && t.name().endsWith(SUFFIX);
    }

    /** The outputs without companions: what re-execution compares against. */
    public static List<Tensor> values(List<Tensor> outputs) {
        return outputs.stream().filter(t -> !isCompanion(t)).toList();
    }

    /** The exact claims by output name (empty for records without companions). */
    public static Map<String, FixedPointTensor> claims(List<Tensor> outputs) {
        Map<String, FixedPointTensor> out = new LinkedHashMap<>();
        for (Tensor t : outputs) {
            if (isCompanion(t)) {
                String name = t.name().substring(0, t.name().length() - SUFFIX.length());
                List<FixedPointNumber> values = t.strings().stream().map(FixedPointNumber::parse).toList();
                out.put(name, new FixedPointTensor(name, values, t.shape()));
            }
        }
        return out;
    }
}
