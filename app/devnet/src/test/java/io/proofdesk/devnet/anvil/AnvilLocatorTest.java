package io.proofdesk.devnet.anvil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnvilLocatorTest {
    @TempDir
    Path tmp;

    private final Map<String, String> props = new HashMap<>(Map.of("os.name", "Linux", "os.arch", "amd64"));
    private final Map<String, String> env = new HashMap<>();

    private AnvilLocator locator() {
        return new AnvilLocator(props::get, env::get);
    }

    @Test
    void findsTheNpmBinaryUnderTheRepositoryRoot() {
        props.put(AnvilLocator.ROOT_PROPERTY, System.getProperty("proofdesk.root"));
        Path anvil = locator().locate();
        assertTrue(Files.isExecutable(anvil), anvil::toString);
        assertTrue(anvil.endsWith(Path.of("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil")), anvil::toString);
    }

    @Test
    void explicitPropertyWinsOverEnvironmentAndRoot() throws IOException {
        Path fake = executable("my-anvil");
        props.put(AnvilLocator.PROPERTY, fake.toString());
        env.put(AnvilLocator.ENV, "/nonexistent/env-anvil");
        props.put(AnvilLocator.ROOT_PROPERTY, System.getProperty("proofdesk.root"));
        assertEquals(fake, locator().locate());
    }

    @Test
    void environmentIsUsedWhenNoProperty() throws IOException {
        Path fake = executable("env-anvil");
        env.put(AnvilLocator.ENV, fake.toString());
        assertEquals(fake, locator().locate());
    }

    @Test
    void anExplicitPathThatIsNotExecutableIsAnErrorNotAFallThrough() {
        props.put(AnvilLocator.PROPERTY, tmp.resolve("missing-anvil").toString());
        props.put(AnvilLocator.ROOT_PROPERTY, System.getProperty("proofdesk.root"));
        AnvilNotFoundException e = assertThrows(AnvilNotFoundException.class, () -> locator().locate());
        assertEquals(java.util.List.of(tmp.resolve("missing-anvil")), e.triedPaths());
        assertTrue(e.getMessage().contains("missing-anvil") && e.getMessage().contains("-Dproofdesk.anvil"),
                e.getMessage());
    }

    @Test
    void missingBinaryNamesEveryPlaceTriedAndHowToFixIt() {
        props.put(AnvilLocator.ROOT_PROPERTY, tmp.toString());
        props.put("jpackage.app-path", tmp.resolve("app/bin/Proofdesk").toString());
        AnvilNotFoundException e = assertThrows(AnvilNotFoundException.class, () -> locator().locate());
        assertEquals(2, e.triedPaths().size());
        assertTrue(e.getMessage().contains(tmp.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil").toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("app/lib/anvil/anvil").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("npm ci") && e.getMessage().contains("PROOFDESK_ANVIL"), e.getMessage());
    }

    @Test
    void platformFollowsOsAndArch() {
        props.put("os.name", "Mac OS X");
        props.put("os.arch", "aarch64");
        assertEquals("darwin-arm64", locator().platform());
    }

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(tmp.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
