package io.proofdesk.devnet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.devnet.blobs.BlobStoreService;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoStoresTest {

    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ModelHubService hub;
    private BlobStoreService blobs;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        hub = new ModelHubService();
        hub.publish(new HostedModelFile("credit-mlp", "credit scoring", "1.00", "model.onnx", "QmAAA", "aa", 3, new byte[] {1, 2, 3}));
        hub.publish(new HostedModelFile("credit-mlp", "credit scoring", "2.00", "model.onnx", "QmBBB", "bb", 2, new byte[] {4, 5}));
        hub.start();
        blobs = new BlobStoreService(dir.resolve("blobs")).start();
    }

    @AfterEach
    void stop() {
        hub.close();
        blobs.close();
    }

    private Response get(String url) throws IOException {
        return http.newCall(new Request.Builder().url(url).build()).execute();
    }

    @Test
    @DisplayName("hub lists models, versions and files in the real hub's path shape")
    void hubPaths() throws IOException {
        try (Response r = get(hub.baseUrl() + "/api/v0/models/")) {
            JsonNode list = json.readTree(r.body().string());
            assertEquals(1, list.size());
            assertEquals(2, list.get(0).get("versions").size());
        }
        try (Response r = get(hub.baseUrl() + "/api/v0/models/credit-mlp/versions/2.00/files")) {
            JsonNode files = json.readTree(r.body().string());
            assertEquals("QmBBB", files.get(0).get("ipfsCid").asText());
            assertEquals(2, files.get(0).get("size").asInt());
        }
        try (Response r = get(hub.baseUrl() + "/ipfs/QmAAA")) {
            assertArrayEquals(new byte[] {1, 2, 3}, r.body().bytes());
        }
    }

    @Test
    @DisplayName("unknown models, versions and CIDs are 404 with a JSON sentence; wrong methods 405")
    void hubErrors() throws IOException {
        try (Response r = get(hub.baseUrl() + "/api/v0/models/nope")) {
            assertEquals(404, r.code());
            assertTrue(json.readTree(r.body().string()).get("error").asText().contains("nope"));
        }
        try (Response r = get(hub.baseUrl() + "/api/v0/models/credit-mlp/versions/9.00/files")) {
            assertEquals(404, r.code());
        }
        try (Response r = get(hub.baseUrl() + "/ipfs/QmZZZ")) {
            assertEquals(404, r.code());
        }
        Request post = new Request.Builder().url(hub.baseUrl() + "/ipfs/QmAAA")
                .post(RequestBody.create("x", MediaType.get("text/plain"))).build();
        try (Response r = http.newCall(post).execute()) {
            assertEquals(405, r.code());
        }
    }

    @Test
    @DisplayName("an oversized request body is refused with 413 and the server keeps serving")
    void oversizedBody() throws IOException {
        Request big = new Request.Builder().url(blobs.baseUrl() + "/v1/blobs/x")
                .method("GET", null).build();
        try (Response r = http.newCall(big).execute()) {
            assertEquals(400, r.code());
        }
        Request post = new Request.Builder().url(hub.baseUrl() + "/api/v0/models/")
                .post(RequestBody.create(new byte[200_000], MediaType.get("application/octet-stream"))).build();
        try (Response r = http.newCall(post).execute()) {
            assertTrue(r.code() == 405 || r.code() == 413, "status " + r.code());
        } catch (IOException serverClosedEarly) {
            // acceptable: the server may close the connection before reading the whole body
        }
        try (Response r = get(hub.baseUrl() + "/api/v0/models/")) {
            assertEquals(200, r.code());
        }
    }

    @Test
    @DisplayName("blobs round-trip by content id; ids that are not ids (path traversal) are refused")
    void blobs() throws IOException {
        byte[] content = "{\"input\":1}".getBytes(StandardCharsets.UTF_8);
        String id = blobs.put(content);
        assertEquals(43, id.length());
        try (Response r = get(blobs.baseUrl() + "/v1/blobs/" + id)) {
            assertArrayEquals(content, r.body().bytes());
        }
        try (Response r = get(blobs.baseUrl() + "/v1/blobs/..%2F..%2Fetc%2Fpasswd")) {
            assertEquals(400, r.code());
        }
        try (Response r = get(blobs.baseUrl() + "/v1/blobs/" + "A".repeat(43))) {
            assertEquals(404, r.code());
        }
        assertThrows(RuntimeException.class, () -> blobs.putAs("../../escape", content));
        assertFalse(Files.exists(dir.resolve("escape")));
    }

    @Test
    @DisplayName("the demo services bind the loopback address and nothing else")
    void loopbackOnly() throws IOException {
        try (var server = new io.proofdesk.devnet.http.LoopbackHttpServer("probe", 16).start(0)) {
            assertTrue(server.boundAddress().getAddress().isLoopbackAddress(), server.boundAddress().toString());
            assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
        }
    }
}
