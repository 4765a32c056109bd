package io.proofdesk.report.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A bundle file as verify-bundle opens it: any bytes are a {@link BundleContents} or a {@link BundleException}.
 * An IOException is a finding too: the file itself is readable, so the bytes were bad and the user is owed a
 * sentence (exit 3), not an I/O error (exit 4).
 */
class BundleReaderFuzzTest {

    private static final BundleReader READER = new BundleReader(BundleLimits.defaults());
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path f = Files.createTempFile("fuzz-bundle", ".zip");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void read(byte[] zip) throws IOException {
        Files.write(FILE, zip);
        try {
            BundleContents contents = READER.read(FILE);
            assertFalse(contents.entries().isEmpty());
        } catch (BundleException expected) {
            // refused with a sentence naming the entry at fault
        }
    }
}
