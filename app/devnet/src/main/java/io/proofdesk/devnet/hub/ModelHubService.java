package io.proofdesk.devnet.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.devnet.http.HttpError;
import io.proofdesk.devnet.http.HttpExchangeView;
import io.proofdesk.devnet.http.HttpResponse;
import io.proofdesk.devnet.http.LoopbackHttpServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo model hub (the real hub's {@code /api/v0/models/...} path shape) and the IPFS-gateway-style file store
 * ({@code GET /ipfs/<cid>}) on one loopback server. See docs/PROTOCOL.md for the JSON it answers with.
 */
public final class ModelHubService implements AutoCloseable {

    static final String MODELS = "/api/v0/models/";
    static final String IPFS = "/ipfs/";

    private final List<HostedModelFile> files = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackHttpServer server = new LoopbackHttpServer("hub", 64 * 1024);

    public ModelHubService() {
        server.route("GET", MODELS, this::models);
        server.route("GET", IPFS, this::file);
    }

    public void publish(HostedModelFile file) {
        files.add(file);
    }

    public ModelHubService start() throws IOException {
        server.start(0);
        return this;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    private HttpResponse models(HttpExchangeView req) throws IOException {
        String[] parts = req.rest().isEmpty() ? new String[0] : req.rest().split("/", -1);
        return switch (parts.length) {
            case 0 -> HttpResponse.json(json, modelList());
            case 1 -> HttpResponse.json(json, model(parts[0]));
            case 2 -> HttpResponse.json(json, versions(parts[0], parts[1]));
            case 4 -> HttpResponse.json(json, versionFiles(parts[0], parts[1], parts[2], parts[3]));
            default -> throw HttpError.notFound("no such hub path: " + req.path());
        };
    }

    private List<Map<String, Object>> modelList() {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (HostedModelFile f : files) {
            byName.computeIfAbsent(f.model(), n -> modelEntry(f));
        }
        return new ArrayList<>(byName.values());
    }

    private Map<String, Object> modelEntry(HostedModelFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.model());
        m.put("description", f.description());
        m.put("versions", files.stream().filter(x -> x.model().equals(f.model())).map(HostedModelFile::version).distinct().toList());
        return m;
    }

    private Map<String, Object> model(String name) {
        return files.stream().filter(f -> f.model().equals(name)).findFirst().map(this::modelEntry)
                .orElseThrow(() -> HttpError.notFound("unknown model: " + name));
    }

    private List<Map<String, Object>> versions(String name, String segment) {
        if (!segment.equals("versions")) {
            throw HttpError.notFound("no such hub path under model " + name + ": " + segment);
        }
        model(name);
        List<Map<String, Object>> out = new ArrayList<>();
        files.stream().filter(f -> f.model().equals(name)).map(HostedModelFile::version).distinct().forEach(v -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("versionString", v);
            e.put("isMajor", v.endsWith(".00"));
            out.add(e);
        });
        return out;
    }

    private List<Map<String, Object>> versionFiles(String name, String versions, String version, String filesSegment) {
        if (!versions.equals("versions") || !filesSegment.equals("files")) {
            throw HttpError.notFound("no such hub path under model " + name);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (HostedModelFile f : files) {
            if (f.model().equals(name) && f.version().equals(version)) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("filename", f.fileName());
                e.put("ipfsCid", f.cid());
                e.put("sha256", f.sha256());
                e.put("size", f.size());
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw HttpError.notFound("unknown model version: " + name + " " + version);
        }
        return out;
    }

    private HttpResponse file(HttpExchangeView req) {
        String cid = req.rest();
        for (HostedModelFile f : files) {
            if (f.cid().equals(cid)) {
                return HttpResponse.ok("application/octet-stream", f.servedBytes());
            }
        }
        throw HttpError.notFound("no file with CID " + cid);
    }

    @Override
    public void close() {
        server.close();
    }
}
