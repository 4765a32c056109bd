package io.proofdesk.reexec;

import io.proofdesk.domain.Tensor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Outputs of one local run, in the model's declared output order, with what the run cost. */
public record ReexecResult(String modelSha256, List<Tensor> outputs, Duration runTime, boolean sessionCacheHit) {

    public ReexecResult {
        outputs = List.copyOf(outputs);
    }

    public Optional<Tensor> output(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
