package io.proofdesk.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.bundle.BundleLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What a forger can do to a bundle: change entries, re-list them in the manifest with their new hashes, and then
 * leave the auditor's signature as it was (stale), strip it (and the manifest's auditor, so the bundle looks like an
 * unsigned one), or sign the manifest with a key of their own.
 */
final class BundleEdits {

    /** What happens to the signature after the manifest is rewritten. */
    sealed interface Seal {
        record Stale() implements Seal {
        }

        record Unsigned() implements Seal {
        }

        record SignedBy(AuditorKey key) implements Seal {
        }
    }

    static final Seal STALE = new Seal.Stale();
    static final Seal UNSIGNED = new Seal.Unsigned();

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleEdits() {
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    /** A copy of {@code from} at {@code to} with entries changed, the manifest re-listed and sealed as asked. */
    static Path rewrite(Path from, Path to, Consumer<Map<String, byte[]>> change, Seal seal) throws IOException {
        Map<String, byte[]> m = entries(from);
        change.accept(m);
        relist(m, seal);
        return write(m, to);
    }

    /** Lists every entry with its current hash, then seals the manifest. */
    static void relist(Map<String, byte[]> m, Seal seal) {
        ObjectNode manifest = (ObjectNode) read(m.get(BundleLayout.MANIFEST));
        ArrayNode list = manifest.putArray("entries");
        m.forEach((path, bytes) -> {
            if (!path.equals(BundleLayout.MANIFEST) && !path.equals(BundleLayout.SIGNATURE)) {
                list.addObject().put("path", path).put("sha256", Sha256.hex(bytes)).put("size", bytes.length);
            }
        });
        switch (seal) {
            case Seal.Stale s -> m.put(BundleLayout.MANIFEST, write(manifest));
            case Seal.Unsigned u -> {
                manifest.remove("auditor");
                m.put(BundleLayout.MANIFEST, write(manifest));
                m.remove(BundleLayout.SIGNATURE);
            }
            case Seal.SignedBy by -> {
                String pub = Base64.getEncoder().encodeToString(by.key().publicKeyDer());
                manifest.putObject("auditor").put("publicKey", pub).put("fingerprint", by.key().fingerprint());
                byte[] bytes = write(manifest);
                m.put(BundleLayout.MANIFEST, bytes);
                ObjectNode sig = JSON.createObjectNode().put("alg", "Ed25519").put("publicKey", pub)
                        .put("value", Base64.getEncoder().encodeToString(by.key().sign(bytes)));
                m.put(BundleLayout.SIGNATURE, write(sig));
            }
        }
    }

    static Path write(Map<String, byte[]> m, Path to) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : m.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Files.write(to, buf.toByteArray());
        return to;
    }

    static com.fasterxml.jackson.databind.JsonNode read(byte[] b) {
        try {
            return JSON.readTree(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
