package io.proofdesk.reexec;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A model file as re-execution loads it ({@link SessionCache#acquire}): the gate ({@link OnnxModelFile#parse}: size,
 * protobuf, structure, declared tensor sizes) and then ONNX Runtime's session creation. Any bytes are a session or a
 * {@link ReexecException} (ModelFileInvalidException, or a limit's own exception), never another exception, a
 * crash or an allocation past the limits.
 */
class OnnxModelFuzzTest {

    private static final SessionCache SESSIONS = SessionCache.withDefaults();

    @FuzzTest(maxDuration = "5m")
    void load(byte[] model) {
        try (SessionCache.Lease lease = SESSIONS.acquire(model)) {
            assertNotNull(lease.model().signature());
        } catch (ReexecException expected) {
            // refused with a sentence naming the model file
        }
    }
}
