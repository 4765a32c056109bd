package io.proofdesk.reexec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's direct memory for the input tensors of one run. ORT reads a direct buffer in place, and
 * {@link ByteBuffer#allocateDirect} (zeroing, a cleaner, a reservation) costs more than a small model's run, so the
 * engine reuses this between runs on the same thread: {@link #reset} before a run, {@link #take} per input, and the
 * run's tensors closed before the next reset. Inputs beyond {@link #RETAINED_LIMIT} get memory of their own, so an
 * idle thread does not hold on to a large image's worth.
 */
final class InputScratch {

    static final int RETAINED_LIMIT = 8 << 20;
    private static final int ALIGN = 64;

    private ByteBuffer memory;
    private int used;

    void reset() {
        used = 0;
    }

    /** A native-order buffer of {@code bytes}, valid until the next {@link #reset} on this thread. */
    ByteBuffer take(int bytes) {
        int aligned = (bytes + ALIGN - 1) & -ALIGN;
        if (aligned < 0 || used + aligned > RETAINED_LIMIT) {
            return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        if (memory == null || used + aligned > memory.capacity()) {
            // earlier inputs of this run may still live in the old block; they keep it reachable until closed
            int size = Math.min(RETAINED_LIMIT, Math.max(4096, Math.max(2 * (memory == null ? 0 : memory.capacity()),
                    used + aligned)));
            memory = ByteBuffer.allocateDirect(size);
            used = 0;
        }
        ByteBuffer slice = memory.slice(used, bytes).order(ByteOrder.nativeOrder());
        used += aligned;
        return slice;
    }
}
