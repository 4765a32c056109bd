package io.proofdesk.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A published {@code output} array read as re-execution reads its claim ({@link ClaimedTensors}): each output as a
 * tensor of the element type asked for (the model's declared output type). The claimed outputs of a bundle made
 * without stored tensors are exactly these, so a bundle's copy can be checked against the blob with the same code.
 */
public final class PublishedOutputs {

    private PublishedOutputs() {
    }

    /**
     * @throws IllegalArgumentException if an output is not {name, shape, result, type} or cannot be read as its type
     *                                  (a {@link io.proofdesk.reexec.ReexecException} says which element)
     */
    public static List<Tensor> read(JsonNode output, Function<String, DType> typeOf) {
        if (output == null || !output.isArray()) {
            throw new IllegalArgumentException("the published output is not an array");
        }
        List<Tensor> out = new ArrayList<>(output.size());
        for (JsonNode o : output) {
            ClaimedTensors claim = ClaimedTensors.fromJson(o);
            out.add(claim.as(typeOf.apply(claim.name())));
        }
        return out;
    }
}
