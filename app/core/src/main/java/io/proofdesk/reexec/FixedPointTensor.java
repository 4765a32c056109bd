package io.proofdesk.reexec;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The network's {@code MultiDimensionalNumberTensor {string name; Number[] values; int256[] shape}}: values
 * flattened row-major, shape kept separately.
 */
public record FixedPointTensor(String name, List<FixedPointNumber> values, long[] shape) {

    public FixedPointTensor {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Smallest {@code decimals} among the values (the coarsest precision the claim states); 0 if empty. */
    public int minDecimals() {
        return values.stream().mapToInt(v -> v.decimals().intValue()).min().orElse(0);
    }

    /** Largest {@code decimals} among the values (the finest precision the claim states); 0 if empty. */
    public int maxDecimals() {
        return values.stream().mapToInt(v -> v.decimals().intValue()).max().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedPointTensor t && name.equals(t.name) && values.equals(t.values)
                && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, values, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return "FixedPointTensor[" + name + Arrays.toString(shape) + ", " + values.size() + " values]";
    }
}
