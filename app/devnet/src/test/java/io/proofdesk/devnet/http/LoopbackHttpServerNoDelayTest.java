package io.proofdesk.devnet.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoopbackHttpServerNoDelayTest {

    @Test
    @DisplayName("the demo services ask the JDK server for TCP_NODELAY, so a body past one segment is not held back")
    void noDelayIsAskedFor() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer("test", 1024).start(0)) {
            assertEquals("true", System.getProperty(LoopbackHttpServer.NO_DELAY));
        }
    }
}
