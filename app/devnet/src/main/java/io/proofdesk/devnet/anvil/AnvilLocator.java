package io.proofdesk.devnet.anvil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the anvil binary, first match wins:
 * <ol>
 *   <li>system property {@code proofdesk.anvil}, then environment variable {@code PROOFDESK_ANVIL}
 *       (an explicit choice: if it is set but not executable, that is an error, not a fall-through);</li>
 *   <li>{@code <proofdesk.root>/node_modules/@foundry-rs/anvil-<os>-<arch>/bin/anvil}, where the
 *       {@code proofdesk.root} system property is set by the CLI launcher and by surefire;</li>
 *   <li>inside a jpackage app image: {@code <app>/lib/anvil/anvil}, found from {@code jpackage.app-path}.</li>
 * </ol>
 */
public final class AnvilLocator {
    public static final String PROPERTY = "proofdesk.anvil";
    public static final String ENV = "PROOFDESK_ANVIL";
    public static final String ROOT_PROPERTY = "proofdesk.root";

    private final UnaryOperator<String> systemProperty;
    private final UnaryOperator<String> environment;

    /** Lookups are injected so tests can point the locator at a made-up world. */
    public AnvilLocator(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        this.systemProperty = systemProperty;
        this.environment = environment;
    }

    public static AnvilLocator fromEnvironment() {
        return new AnvilLocator(System::getProperty, System::getenv);
    }

    public Path locate() {
        List<Path> tried = new ArrayList<>();
        Optional<Path> explicit = nonBlank(systemProperty.apply(PROPERTY)).or(() -> nonBlank(environment.apply(ENV)))
                .map(Path::of);
        if (explicit.isPresent()) {
            Path path = explicit.get();
            if (isExecutable(path)) {
                return path;
            }
            throw new AnvilNotFoundException(List.of(path),
                    "It was set with -D" + PROPERTY + " or " + ENV + " but is not an executable file.");
        }
        Optional<Path> root = nonBlank(systemProperty.apply(ROOT_PROPERTY)).map(Path::of);
        if (root.isPresent()) {
            Path npm = root.get().resolve("node_modules/@foundry-rs").resolve("anvil-" + platform()).resolve("bin")
                    .resolve(binaryName());
            tried.add(npm);
            if (isExecutable(npm)) {
                return npm;
            }
        }
        Optional<Path> appPath = nonBlank(systemProperty.apply("jpackage.app-path")).map(Path::of);
        if (appPath.isPresent() && appPath.get().getParent() != null) {
            Path packaged = appPath.get().getParent().resolveSibling("lib").resolve("anvil").resolve(binaryName());
            tried.add(packaged);
            if (isExecutable(packaged)) {
                return packaged;
            }
        }
        throw new AnvilNotFoundException(tried, "Run 'npm ci' in the repository root (the Maven build does it), "
                + "or set -D" + PROPERTY + "=/path/to/anvil or " + ENV + ".");
    }

    /** The suffix of foundry's npm platform packages, e.g. linux-amd64. */
    String platform() {
        String os = systemProperty.apply("os.name").toLowerCase(Locale.ROOT);
        String arch = systemProperty.apply("os.arch").toLowerCase(Locale.ROOT);
        String osPart = os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux";
        String archPart = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        return osPart + "-" + archPart;
    }

    private String binaryName() {
        return platform().startsWith("win32") ? "anvil.exe" : "anvil";
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
