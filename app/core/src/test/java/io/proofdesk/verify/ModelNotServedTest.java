package io.proofdesk.verify;

import com.sun.net.httpserver.HttpServer;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.node.FileStoreClient;
import io.proofdesk.node.http.NotServedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hub that does not serve a model file (missing, gone, or private) leaves the record UNVERIFIED with the reason;
 * a hub that fails (500) is an ERROR, because then the answer might have been there.
 */
class ModelNotServedTest {

    private HttpServer server;
    private volatile int status;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 410})
    void notServedIsUnverifiedWithTheStatus(int code) {
        status = code;
        FileStoreClient hub = new FileStoreClient("http://127.0.0.1:" + server.getAddress().getPort());
        NotServedException e = assertThrows(NotServedException.class, () -> hub.fetch("QmModelFile123"));
        Fetched<Object> read = Fetched.fromIo("model file QmModel", e);
        Fetched.Failed<Object> failed = assertInstanceOf(Fetched.Failed.class, read);
        assertEquals(CheckStatus.UNVERIFIED, failed.status());
        assertTrue(failed.reason().contains("cannot be checked") && failed.reason().contains(String.valueOf(code)),
                failed.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502})
    void aFailingHubIsAnError(int code) {
        status = code;
        FileStoreClient hub = new FileStoreClient("http://127.0.0.1:" + server.getAddress().getPort());
        IOException e = assertThrows(IOException.class, () -> hub.fetch("QmModelFile123"));
        Fetched.Failed<Object> failed = assertInstanceOf(Fetched.Failed.class, Fetched.fromIo("model file QmModel", e));
        assertEquals(CheckStatus.ERROR, failed.status());
    }
}
