package io.proofdesk.ui.verify;

import java.util.Optional;

/**
 * How a tensor is drawn as a picture: leading dimensions of 1 (batch, channel) are dropped; what remains is rows x
 * columns, the last dimension across and the others stacked down (so [1, 1, 8, 8] is an 8 x 8 image and [1, 3, 8, 8]
 * three 8 x 8 planes one above the other); a vector is one row.
 */
public record TensorLayout(int rows, int columns, boolean imageLike) {

    /** Larger tensors are summarised by their statistics only. */
    public static final int MAX_PIXELS = 1 << 20;

    public static Optional<TensorLayout> of(long[] shape) {
        int first = 0;
        while (first < shape.length - 1 && shape[first] == 1) {
            first++;
        }
        long columns = shape.length == 0 ? 1 : shape[shape.length - 1];
        long rows = 1;
        for (int i = first; i < shape.length - 1; i++) {
            rows *= shape[i];
        }
        if (rows < 1 || columns < 1 || rows * columns > MAX_PIXELS) {
            return Optional.empty();
        }
        return Optional.of(new TensorLayout((int) rows, (int) columns, rows > 1 && columns > 1));
    }

    public int size() {
        return rows * columns;
    }
}
