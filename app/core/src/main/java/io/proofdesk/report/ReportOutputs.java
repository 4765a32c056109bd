package io.proofdesk.report;

import java.util.List;

/**
 * Claimed and local outputs of a re-executed record, tensor by tensor, for the PDF's comparison pages. Values are
 * the shortest decimal strings that read back as the same double; at most {@link #MAX_ELEMENTS} per tensor are
 * kept ({@code elements} says how many there were).
 */
public record ReportOutputs(List<Pair> tensors) {

    public static final int MAX_ELEMENTS = 1024;

    public ReportOutputs {
        tensors = List.copyOf(tensors);
    }

    /** One output: its shape, how many elements it has, and the first elements of the claim and of the local run. */
    public record Pair(String name, List<Long> shape, long elements, List<String> claimed, List<String> local) {
        public Pair {
            shape = List.copyOf(shape);
            claimed = List.copyOf(claimed);
            local = List.copyOf(local);
        }
    }
}
