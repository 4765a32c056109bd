package io.proofdesk.ui.network;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.NetworkProfileJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes {@code <dataDir>/network.json}. Writes go to a temporary file that is then moved over the old one,
 * so a crash leaves the old settings or the new ones, never half a file. No file means first run.
 *
 * <p>Version 2 (written now) keeps the custom network as a network profile ({@code docs/NETWORKS.md}) under
 * {@code custom}. A file without {@code version} is version 1, whose {@code custom} held {@code rpcUrls, hubUrl,
 * fileStoreUrl, blobStoreUrl, teeRegistry, settlementRelay, inference, chainId}; it is read into a profile.
 */
public final class NetworkConfigStore {

    public static final String FILE_NAME = "network.json";
    public static final int VERSION = 2;
    static final long MAX_BYTES = 256 * 1024;

    private final Path file;
    // made when first needed: a first run has no file to read, and an ObjectMapper costs a cold start a second
    private ObjectMapper json;

    public NetworkConfigStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Empty when there is no file yet (first run). */
    public Optional<NetworkConfig> read() throws NetworkConfigUnreadableException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new NetworkConfigUnreadableException(file, size + " bytes, more than the " + MAX_BYTES
                        + " a settings file may have", null);
            }
            JsonNode root = json().readTree(Files.readAllBytes(file));
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new NetworkConfigUnreadableException(file, "it is empty", null);
            }
            if (!root.isObject()) {
                throw new NetworkConfigUnreadableException(file, "it is not a JSON object", null);
            }
            return Optional.of(config(root));
        } catch (JacksonException e) {
            throw new NetworkConfigUnreadableException(file, "not valid settings: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new NetworkConfigUnreadableException(file, e.getMessage(), e);
        } catch (IOException e) {
            throw new NetworkConfigUnreadableException(file, e.getMessage(), e);
        }
    }

    private NetworkConfig config(JsonNode root) {
        int version = root.path("version").asInt(1);
        if (version > VERSION) {
            throw new IllegalArgumentException("written by a newer Proofdesk (settings version " + version + ")");
        }
        String modeText = root.path("mode").asText("");
        NetworkMode mode;
        try {
            mode = NetworkMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode \u201c" + modeText + "\u201d is not DEMO, DEVNET or CUSTOM");
        }
        JsonNode custom = root.get("custom");
        NetworkProfile profile = custom == null || custom.isNull() ? NetworkProfile.EMPTY
                : version == 1 ? fromVersion1(custom) : NetworkProfileJson.fromTree(custom, "custom");
        JsonNode devnet = root.get("devnetFile");
        return new NetworkConfig(mode, root.path("demoInferences").asInt(NetworkConfig.DEFAULT_DEMO_INFERENCES),
                devnet == null || devnet.isNull() ? null : devnet.asText(), profile);
    }

    /** The custom endpoints as version 1 kept them. */
    private static NetworkProfile fromVersion1(JsonNode c) {
        List<String> rpc = new ArrayList<>();
        c.path("rpcUrls").forEach(u -> rpc.add(u.asText()));
        JsonNode chain = c.get("chainId");
        return new NetworkProfile(NetworkProfile.DEFAULT_NAME, chain == null || chain.isNull() ? null : chain.asLong(),
                rpc, null, null, text(c, "hubUrl"), text(c, "fileStoreUrl"), text(c, "blobStoreUrl"), List.of(),
                new NetworkContracts(list(c, "inference"), List.of(), list(c, "teeRegistry"),
                        list(c, "settlementRelay")), 0, List.of(), false);
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode node, String key) {
        String v = text(node, key);
        return v == null || v.isBlank() ? List.of() : List.of(v);
    }

    private synchronized ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        }
        return json;
    }

    public void write(NetworkConfig config) throws IOException {
        ObjectNode root = json().createObjectNode();
        root.put("version", VERSION);
        root.put("mode", config.mode().name());
        root.put("demoInferences", config.demoInferences());
        if (config.devnetFile() != null) {
            root.put("devnetFile", config.devnetFile());
        }
        root.set("custom", NetworkProfileJson.toTree(config.custom()));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(tmp, json().writeValueAsBytes(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
