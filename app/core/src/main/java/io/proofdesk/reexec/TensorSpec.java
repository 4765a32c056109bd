package io.proofdesk.reexec;

import io.proofdesk.domain.DType;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A model input or output as the ONNX file declares it. {@code shape} is null when the file leaves the rank
 * unspecified (then any shape is accepted).
 */
public record TensorSpec(String name, DType type, List<Dim> shape) {

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        shape = shape == null ? null : List.copyOf(shape);
    }

    public boolean hasRank() {
        return shape != null;
    }

    /**
     * Why {@code actual} does not fit this declaration, or null if it fits. Symbolic dimensions fit any size
     * here; their consistency across inputs is checked by {@link ModelSignature#checkInputs}.
     */
    public String shapeProblem(long[] actual) {
        if (shape == null) {
            return null;
        }
        if (actual.length != shape.size()) {
            return "shape " + Arrays.toString(actual) + " has rank " + actual.length + ", the model declares "
                    + this.shapeText() + " (rank " + shape.size() + ")";
        }
        for (int i = 0; i < actual.length; i++) {
            if (shape.get(i) instanceof Dim.Fixed(long size) && size != actual[i]) {
                return "shape " + Arrays.toString(actual) + " does not fit " + shapeText() + " (dimension " + i
                        + " must be " + size + ")";
            }
        }
        return null;
    }

    /** Elements in the smallest tensor this declaration allows (symbolic and unknown dimensions count as 1). */
    public double minimumElements() {
        double n = 1;
        if (shape != null) {
            for (Dim d : shape) {
                if (d instanceof Dim.Fixed(long size)) {
                    n *= size;
                }
            }
        }
        return n;
    }

    public String shapeText() {
        return shape == null ? "[any]" : shape.toString();
    }

    @Override
    public String toString() {
        return name + ": " + type + shapeText();
    }
}
