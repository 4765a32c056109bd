package io.proofdesk.devnet.blobs;

import io.proofdesk.devnet.http.HttpError;
import io.proofdesk.devnet.http.HttpExchangeView;
import io.proofdesk.devnet.http.HttpResponse;
import io.proofdesk.devnet.http.LoopbackHttpServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The demo Walrus-style blob store: {@code GET /v1/blobs/<id>}. Blobs live as files in a folder so that a
 * 100,000-record devnet does not hold them all in memory. Our blob id is the unpadded base64url of the content's
 * SHA-256 (Walrus derives its ids from the erasure-coding commitment, which a demo cannot reproduce).
 */
public final class BlobStoreService implements AutoCloseable {

    static final String BLOBS = "/v1/blobs/";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Path folder;
    private final LoopbackHttpServer server = new LoopbackHttpServer("blob-store", 1024);

    public BlobStoreService(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        server.route("GET", BLOBS, this::get);
    }

    public BlobStoreService start() throws IOException {
        server.start(0);
        return this;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public static String idOf(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Stores content under its own id and returns the id. */
    public String put(byte[] content) throws IOException {
        return putAs(idOf(content), content);
    }

    /**
     * Stores content under a given id — how the labelled "blob-mismatch" fault serves bytes that are not the ones
     * the settlement's hashes commit to.
     */
    public String putAs(String id, byte[] content) throws IOException {
        Path target = pathOf(id);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".blob", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    private Path pathOf(String id) {
        if (!ID.matcher(id).matches()) {
            throw HttpError.badRequest("not a blob id: " + id);
        }
        return folder.resolve(id.substring(0, 2)).resolve(id);
    }

    private HttpResponse get(HttpExchangeView req) throws IOException {
        Path p = pathOf(req.rest());
        if (!Files.isRegularFile(p)) {
            throw HttpError.notFound("no blob " + req.rest());
        }
        return HttpResponse.ok("application/octet-stream", Files.readAllBytes(p));
    }

    @Override
    public void close() {
        server.close();
    }
}
