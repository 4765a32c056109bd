package io.proofdesk.devnet.models;

import java.util.List;
import java.util.Map;

/** Model files a hostile hub or file store could serve, written with the devnet's own ONNX builder. */
public final class HostileModelFiles {

    private HostileModelFiles() {
    }

    /**
     * y = Expand(x, [1000, 1000, 1000]) for a float x[1]: a file of about a hundred bytes whose output has 10^9
     * elements (4 GB); y declares no shape, so nothing but working out the Expand says how large it is.
     */
    public static byte[] expandBomb() {
        return new OnnxGraphBuilder("expand-bomb")
                .input("x", OnnxGraphBuilder.FLOAT, 1L)
                .longs("s", new long[] {3}, new long[] {1000, 1000, 1000})
                .node("Expand", List.of("x", "s"), List.of("y"))
                .output("y", OnnxGraphBuilder.FLOAT)
                .build("", 1, Map.of());
    }
}
