package io.proofdesk.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.node.http.HttpClients;
import io.proofdesk.node.http.ResponseTooLargeException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the model hub ({@code /api/v0/models/...}) and fetches model files by CID from the file store
 * ({@code GET /ipfs/<cid>}). Listings and files have separate size caps; every answer is validated and every failure
 * is a {@link HubAnswerException} naming the URL and the problem.
 */
public final class HubClient {

    public static final int MAX_MODELS = 100_000;
    public static final int MAX_VERSIONS = 10_000;
    public static final int MAX_FILES = 1_000;
    private static final Pattern CID_TEXT = Pattern.compile("[A-Za-z0-9]{20,120}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final HttpUrl hub;
    private final HttpUrl fileStore;
    private final OkHttpClient listingClient;
    private final OkHttpClient fileClient;
    private final ObjectMapper json = new ObjectMapper();

    public HubClient(String hubUrl, String fileStoreUrl, OkHttpClient listingClient, OkHttpClient fileClient) {
        this.hub = hubUrl == null ? null : parse(hubUrl);
        this.fileStore = fileStoreUrl == null ? null : parse(fileStoreUrl);
        this.listingClient = listingClient;
        this.fileClient = fileClient;
    }

    public static HubClient open(String hubUrl, String fileStoreUrl, long maxListingBytes, long maxFileBytes,
                                 Duration listingTimeout, Duration fileTimeout) {
        return new HubClient(hubUrl, fileStoreUrl, HttpClients.cappedIdempotent(maxListingBytes, listingTimeout),
                HttpClients.cappedIdempotent(maxFileBytes, fileTimeout));
    }

    private static HttpUrl parse(String url) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return u;
    }

    /** {@code GET /api/v0/models/}. */
    public List<HubModel> models() {
        HttpUrl url = hubPath().addPathSegment("").build();
        JsonNode root = getJson(url);
        if (!root.isArray() || root.size() > MAX_MODELS) {
            throw bad(url, "the model list is not a JSON array (of at most " + MAX_MODELS + " models)");
        }
        List<HubModel> out = new ArrayList<>();
        for (JsonNode m : root) {
            String name = text(m, "name");
            if (name == null || name.isBlank() || name.length() > 200) {
                throw bad(url, "a model has no name");
            }
            JsonNode versions = m.path("versions");
            if (!versions.isArray() || versions.size() > MAX_VERSIONS) {
                throw bad(url, "model " + name + " has no versions array");
            }
            List<String> vs = new ArrayList<>();
            for (JsonNode v : versions) {
                if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 100) {
                    throw bad(url, "model " + name + " lists a version that is not a short string");
                }
                vs.add(v.asText());
            }
            String description = text(m, "description");
            out.add(new HubModel(name, description, vs));
        }
        return out;
    }

    /** {@code GET /api/v0/models/{name}/versions/{version}/files}. */
    public List<HubFile> files(String model, String version) {
        HttpUrl url = hubPath().addPathSegment(model).addPathSegment("versions").addPathSegment(version)
                .addPathSegment("files").build();
        JsonNode root = getJson(url);
        if (!root.isArray() || root.size() > MAX_FILES) {
            throw bad(url, "the file list is not a JSON array (of at most " + MAX_FILES + " files)");
        }
        List<HubFile> out = new ArrayList<>();
        for (JsonNode f : root) {
            String filename = text(f, "filename");
            String cid = text(f, "ipfsCid");
            String sha = text(f, "sha256");
            JsonNode size = f.path("size");
            if (filename == null || filename.isBlank() || filename.length() > 500 || cid == null
                    || !CID_TEXT.matcher(cid).matches() || !size.canConvertToLong() || size.asLong() < 0) {
                throw bad(url, "a file entry lacks a filename, a CID or a non-negative size");
            }
            if (sha != null && !SHA256.matcher(sha.toLowerCase(Locale.ROOT)).matches()) {
                throw bad(url, "file " + filename + " has a sha256 that is not 64 hex digits");
            }
            out.add(new HubFile(filename, cid, sha == null ? null : sha.toLowerCase(Locale.ROOT), size.asLong()));
        }
        return out;
    }

    /** The bytes the file store serves for {@code cid} (not checked against it here: the verifier does that). */
    public byte[] file(String cid) {
        if (fileStore == null) {
            throw new IllegalStateException("no file store configured");
        }
        if (!CID_TEXT.matcher(cid).matches()) {
            throw new HubAnswerException(fileStore.toString(), "'" + cid + "' is not a CID", null);
        }
        HttpUrl url = fileStore.newBuilder().addPathSegment("ipfs").addPathSegment(cid).build();
        return get(fileClient, url);
    }

    private HttpUrl.Builder hubPath() {
        if (hub == null) {
            throw new IllegalStateException("no hub configured");
        }
        return hub.newBuilder().addPathSegments("api/v0/models");
    }

    private JsonNode getJson(HttpUrl url) {
        byte[] body = get(listingClient, url);
        try {
            JsonNode n = json.readTree(body);
            if (n == null) {
                throw bad(url, "the answer is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw bad(url, "the answer is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw bad(url, "the answer cannot be read (" + e.getMessage() + ")");
        }
    }

    private byte[] get(OkHttpClient client, HttpUrl url) {
        try (Response r = client.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = r.body();
            if (!r.isSuccessful()) {
                throw bad(url, "HTTP " + r.code());
            }
            if (body == null) {
                throw bad(url, "the answer has no body");
            }
            return body.bytes();
        } catch (ResponseTooLargeException e) {
            throw new HubAnswerException(url.toString(), "the answer is larger than " + e.limit() + " bytes", e);
        } catch (InterruptedIOException e) {
            throw new HubAnswerException(url.toString(), "no answer in time", e);
        } catch (IOException e) {
            throw new HubAnswerException(url.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static HubAnswerException bad(HttpUrl url, String problem) {
        return new HubAnswerException(url.toString(), problem, null);
    }
}
