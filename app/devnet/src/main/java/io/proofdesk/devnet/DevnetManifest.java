package io.proofdesk.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code devnet.json}: where a running demo network can be reached. Scripts and {@code proofdesk sync --devnet} rely
 * on these field names (DESIGN.md section 5); add fields, never rename them.
 */
public record DevnetManifest(long chainId, String rpcUrl, Map<String, String> contracts, String hubUrl,
                             String fileStoreUrl, String blobStoreUrl, List<Node> nodes, String groundTruth,
                             int inferences, String attestationRootPem) {

    public static final String FILE_NAME = "devnet.json";

    /** One demo TEE node; {@code behaviour} names the labelled dishonesty of a dishonest node ("honest" otherwise). */
    public record Node(String url, String teeId, boolean honest, String behaviour) {}

    public DevnetManifest {
        contracts = Map.copyOf(contracts);
        nodes = List.copyOf(nodes);
    }

    public void write(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        json.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static DevnetManifest read(Path dir) throws IOException {
        Path f = Files.isDirectory(dir) ? dir.resolve(FILE_NAME) : dir;
        if (Files.size(f) > 1 << 20) {
            throw new IOException(f + " is larger than 1 MiB; not a devnet manifest");
        }
        return new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(f.toFile(), DevnetManifest.class);
    }
}
