package io.proofdesk.ui.network;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.TrustedRoot;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.TrustRootFileException;
import io.proofdesk.network.TrustRootFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns the saved settings of an imported devnet or a custom network into the endpoints the app connects to: reads
 * the devnet.json, reads the trust root files into PEM text and checks that each is a certificate. File work, so it
 * runs off the FX thread; Settings runs it before saving (a wrong file is then a sentence, not a saved setting) and
 * the network service again on every connect (the files may have changed since).
 */
public final class ConfiguredNetworks {

    private ConfiguredNetworks() {
    }

    /** @throws IOException naming the file that cannot be used and why */
    public static NetworkEndpoints resolve(NetworkConfig c) throws IOException {
        return switch (c.mode()) {
            case DEVNET -> devnet(Path.of(c.devnetFile()));
            case CUSTOM -> custom(c.custom());
            case DEMO -> throw new IllegalArgumentException("the embedded demo network is started, not resolved");
        };
    }

    static NetworkEndpoints devnet(Path fileOrFolder) throws IOException {
        Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(DevnetManifest.FILE_NAME) : fileOrFolder;
        DevnetManifest m;
        try {
            m = DevnetManifest.read(file);
        } catch (NoSuchFileException e) {
            throw new DevnetImportException(file, "no such file");
        } catch (IOException e) {
            throw new DevnetImportException(file, e.getMessage());
        }
        if (m.rpcUrl() == null || m.rpcUrl().isBlank()) {
            throw new DevnetImportException(file, "it names no rpcUrl");
        }
        NetworkProfile declared = m.toProfile();
        NetworkProfile p = TrustRootFiles.resolve(declared, file.toAbsolutePath().getParent());
        certificates(declared, p);
        return NetworkEndpoints.of(m, p, false);
    }

    static NetworkEndpoints custom(NetworkProfile configured) throws IOException {
        NetworkProfile p = TrustRootFiles.resolve(configured, null);
        certificates(configured, p);
        return NetworkEndpoints.of(p);
    }

    /** Every root parses as an X.509 certificate, or the error names the file (or the manifest's inline root). */
    private static void certificates(NetworkProfile declared, NetworkProfile read) throws TrustRootFileException {
        for (int i = 0; i < read.trustRoots().size(); i++) {
            String entry = declared.trustRoots().get(i);
            String name = TrustRootFiles.isPem(entry) ? "(inline PEM " + (i + 1) + ")" : entry;
            try {
                TrustedRoot.of(name, read.trustRoots().get(i).getBytes(StandardCharsets.US_ASCII));
            } catch (KeyFormatException e) {
                throw new TrustRootFileException(name, "not an X.509 certificate (" + e.getMessage() + ")");
            }
        }
    }

    /** The devnet.json to import cannot be used; names the file and why. */
    public static final class DevnetImportException extends IOException {
        public DevnetImportException(Path file, String why) {
            super("the devnet manifest " + file + " cannot be used: " + why);
        }
    }
}
