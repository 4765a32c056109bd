package io.proofdesk.network;

import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustRootFilesTest {

    @TempDir
    Path dir;

    static String pem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                TrustedRoots.awsNitroRoot().certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    @DisplayName("paths are read (relative ones from the profile's folder); PEM text stays as it is")
    void resolvesPaths() throws Exception {
        Files.createDirectories(dir.resolve("roots"));
        Files.writeString(dir.resolve("roots/extra.pem"), pem());
        Path absolute = dir.resolve("abs.pem");
        Files.writeString(absolute, pem());
        NetworkProfile p = NetworkProfile.EMPTY.withTrustRoots(List.of("roots/extra.pem", absolute.toString(), pem()));
        NetworkProfile resolved = TrustRootFiles.resolve(p, dir);
        assertEquals(List.of(pem(), pem(), pem()), resolved.trustRoots());
    }

    @Test
    @DisplayName("a missing file, a folder and a file without a PEM block are sentences naming the file")
    void badFiles() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertEquals("trust root gone.pem cannot be used: no such file", assertThrows(TrustRootFileException.class,
                () -> TrustRootFiles.read("gone.pem", dir)).getMessage());
        assertTrue(assertThrows(TrustRootFileException.class, () -> TrustRootFiles.read(dir.toString(), null))
                .getMessage().endsWith("it is a folder, not a PEM file"));
        assertTrue(assertThrows(TrustRootFileException.class, () -> TrustRootFiles.read("notes.txt", dir))
                .getMessage().endsWith("it holds no PEM block (-----BEGIN CERTIFICATE-----)"));
    }

    @Test
    @DisplayName("the store keeps the network it was synced from, with its roots as PEM text, and refuses paths")
    void syncedNetworkInTheStore() throws Exception {
        NetworkProfile p = NetworkProfileJsonTest.full().withTrustRoots(List.of(pem()));
        try (Store store = Store.open(new DataDirectory(dir.resolve("data")))) {
            assertEquals(Optional.empty(), store.read(SyncedNetworks::read));
            store.inTransaction(tx -> SyncedNetworks.record(tx, p));
            assertEquals(Optional.of(p), store.read(SyncedNetworks::read));
            assertThrows(IllegalArgumentException.class, () -> store.inTransaction(
                    tx -> SyncedNetworks.record(tx, NetworkProfileJsonTest.full())));
            assertEquals(Optional.of(p), store.read(SyncedNetworks::read), "the refused record changed nothing");
        }
    }
}
