package io.proofdesk.ui.verify;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.verify.VerificationSources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The demo network's endpoints from {@code <dataDir>/demo/devnet.json} (written by the devnet when it has seeded),
 * as {@code proofdesk verify --devnet} assembles them: the manifest's RPC, file store (or hub) and blob store, the
 * AWS Nitro root plus the manifest's demo attestation root, labelled as trusted only for the demo network.
 */
public final class DemoManifestEndpoints implements VerificationEndpoints {

    public static final String DEMO_FOLDER = "demo";

    private final Path manifest;

    public DemoManifestEndpoints(DataDirectory dataDirectory) {
        this.manifest = dataDirectory.resolve(DEMO_FOLDER).resolve(DevnetManifest.FILE_NAME);
    }

    @Override
    public Optional<Network> current() throws IOException {
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        DevnetManifest m = DevnetManifest.read(manifest);
        if (m.rpcUrl() == null || m.blobStoreUrl() == null || (m.fileStoreUrl() == null && m.hubUrl() == null)) {
            throw new DemoManifestException(manifest, "it lacks the RPC, blob store or file store URL");
        }
        TrustedRoots roots = TrustedRoots.awsNitro();
        String pem = m.attestationRootPem();
        if (pem != null && pem.contains("-----BEGIN")) {
            try {
                roots = roots.with(TrustedRoot.of(TrustedRoots.DEMO_LABEL, pem.getBytes(StandardCharsets.US_ASCII)));
            } catch (KeyFormatException e) {
                throw new DemoManifestException(manifest, "its attestation root is not a certificate: " + e.getMessage());
            }
        }
        String files = m.fileStoreUrl() != null ? m.fileStoreUrl() : m.hubUrl();
        return Optional.of(new Network(VerificationSources.http(m.rpcUrl(), files, m.blobStoreUrl(), roots), true,
                m.rpcUrl()));
    }

    /** The manifest exists but cannot be used; names the file and what is wrong with it. */
    public static final class DemoManifestException extends IOException {
        public DemoManifestException(Path file, String problem) {
            super("the demo network's manifest " + file + " cannot be used: " + problem);
        }
    }
}
