package io.proofdesk.ui.verify;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.verify.ReexecutionOutcome;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A re-execution ready to show: every output claimed vs local, and the inputs that can be drawn as a picture (an
 * image-like input makes a wrong classification easy to judge). Computing this touches every element, so it is
 * built in the background and only the pixels are written on the FX thread.
 */
public record ComparisonView(List<OutputComparison> outputs, List<InputPicture> inputs, Duration runTime) {

    public record InputPicture(String name, Heatmap picture) {
    }

    public ComparisonView {
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
    }

    /** Empty when the model could not be run (the re-execution line says why). */
    public static Optional<ComparisonView> of(ReexecutionOutcome outcome) {
        return outcome.comparison().map(report -> new ComparisonView(
                report.tensors().stream().map(t -> OutputComparison.of(t, find(outcome.claimedOutputs(), t.name()),
                        find(outcome.localOutputs(), t.name()))).toList(),
                outcome.inputs().stream().filter(i -> i.type() != DType.STRING)
                        .flatMap(i -> TensorLayout.of(i.shape()).filter(TensorLayout::imageLike).stream()
                                .map(layout -> {
                                    double[] v = i.toDoubles();
                                    double[] range = Heatmap.range(v);
                                    return new InputPicture(i.name(), Heatmap.values(v, layout, range[0], range[1])
                                            .enlarged(OutputComparison.PICTURE_SIZE));
                                }))
                        .toList(),
                outcome.runTime()));
    }

    private static Optional<Tensor> find(List<Tensor> tensors, String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
