package io.proofdesk.devnet.anvil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    void aLaunchThatDoesNotNameTheRepositoryFindsTheNpmBinaryAboveItsOwnClasses() {
        // what `mvn ... exec:exec@run` did before it passed proofdesk.root: no root, and a working folder elsewhere
        props.put("user.dir", tmp.toString());
        Optional<Path> classes = AnvilLocator.codeSourceOf(AnvilLocator.class);
        assertTrue(classes.isPresent(), "the devnet's classes come from a folder or jar");
        Path anvil = new AnvilLocator(props::get, env::get, classes).locate();
        assertTrue(Files.isExecutable(anvil), anvil::toString);
        assertEquals(Path.of(System.getProperty("proofdesk.root")).resolve(NPM_ANVIL).toAbsolutePath().normalize(),
                anvil);
    }

    @Test
    void findsTheNpmBinaryAboveTheCodeSource() throws IOException {
        Path anvil = npmInstall(tmp.resolve("repo"));
        Path jar = tmp.resolve("repo/app/cli/target/lib/proofdesk-devnet.jar");
        assertEquals(anvil, new AnvilLocator(props::get, env::get, Optional.of(jar)).locate());
    }

    @Test
    void findsTheNpmBinaryAboveTheWorkingFolder() throws IOException {
        Path anvil = npmInstall(tmp.resolve("repo"));
        props.put("user.dir", tmp.resolve("repo/app/desktop").toString());
        assertEquals(anvil, locator().locate());
    }

    @Test
    void theCodeSourceWinsOverTheWorkingFolderAndTheRootOverBoth() throws IOException {
        Path ours = npmInstall(tmp.resolve("ours"));
        Path other = npmInstall(tmp.resolve("other"));
        Path root = npmInstall(tmp.resolve("root"));
        props.put("user.dir", tmp.resolve("other/app").toString());
        Optional<Path> classes = Optional.of(tmp.resolve("ours/app/devnet/target/classes"));
        assertEquals(ours, new AnvilLocator(props::get, env::get, classes).locate());
        props.put(AnvilLocator.ROOT_PROPERTY, tmp.resolve("root").toString());
        assertEquals(root, new AnvilLocator(props::get, env::get, classes).locate());
        assertTrue(Files.isExecutable(other));
    }

    @Test
    void nothingFoundNamesEveryFolderWalkedOnceEach() {
        props.put("user.dir", tmp.resolve("work/sub").toString());
        Optional<Path> jar = Optional.of(tmp.resolve("app/lib/proofdesk-devnet.jar"));
        AnvilNotFoundException e = assertThrows(AnvilNotFoundException.class,
                () -> new AnvilLocator(props::get, env::get, jar).locate());
        List<Path> tried = e.triedPaths();
        assertEquals(tmp.resolve("app/lib").resolve(NPM_ANVIL), tried.get(0));
        assertEquals(tmp.resolve("app").resolve(NPM_ANVIL), tried.get(1));
        assertEquals(tmp.resolve(NPM_ANVIL), tried.get(2));
        assertTrue(tried.contains(tmp.resolve("work/sub").resolve(NPM_ANVIL)), tried::toString);
        assertTrue(tried.contains(tmp.resolve("work").resolve(NPM_ANVIL)), tried::toString);
        assertEquals(tried.size(), tried.stream().distinct().count(), "each place once: " + tried);
        assertTrue(tried.contains(Path.of("/").resolve(NPM_ANVIL)), tried::toString);
        // the working folder's walk stops adding once it reaches folders the code source's walk already named
        assertEquals(tmp.resolve("work").resolve(NPM_ANVIL), tried.getLast());
        for (Path p : tried) {
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
    }

    @Test
    void platformFollowsOsAndArch() {
        props.put("os.name", "Mac OS X");
        props.put("os.arch", "aarch64");
        assertEquals("darwin-arm64", locator().platform());
    }

    private static final Path NPM_ANVIL = Path.of("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");

    private static Path npmInstall(Path root) throws IOException {
        Path anvil = root.resolve(NPM_ANVIL);
        Files.createDirectories(anvil.getParent());
        Files.createFile(anvil);
        Files.setPosixFilePermissions(anvil, PosixFilePermissions.fromString("rwx------"));
        return anvil;
    }

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(tmp.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
