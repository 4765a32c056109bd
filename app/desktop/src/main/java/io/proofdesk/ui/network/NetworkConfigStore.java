package io.proofdesk.ui.network;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes {@code <dataDir>/network.json}. Writes go to a temporary file that is then moved over the old one,
 * so a crash leaves the old settings or the new ones, never half a file. No file means first run.
 */
public final class NetworkConfigStore {

    public static final String FILE_NAME = "network.json";
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
            NetworkConfig config = json().readValue(Files.readAllBytes(file), NetworkConfig.class);
            if (config == null) {
                throw new NetworkConfigUnreadableException(file, "it is empty", null);
            }
            return Optional.of(config);
        } catch (JacksonException e) {
            throw new NetworkConfigUnreadableException(file, "not valid settings: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new NetworkConfigUnreadableException(file, e.getMessage(), e);
        } catch (IOException e) {
            throw new NetworkConfigUnreadableException(file, e.getMessage(), e);
        }
    }

    private synchronized ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        return json;
    }

    public void write(NetworkConfig config) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(tmp, json().writeValueAsBytes(config));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
