package io.proofdesk.devnet.anvil;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.function.UnaryOperator;

/**
 * Finds the anvil binary, first match wins:
 * <ol>
 *   <li>system property {@code proofdesk.anvil}, then environment variable {@code PROOFDESK_ANVIL}
 *       (an explicit choice: if it is set but not executable, that is an error, not a fall-through);</li>
 *   <li>{@code <proofdesk.root>/node_modules/@foundry-rs/anvil-<os>-<arch>/bin/anvil}, where the
 *       {@code proofdesk.root} system property is set by the CLI launcher, {@code exec:exec@run} and surefire;</li>
 *   <li>inside a jpackage app image: {@code <app>/lib/anvil/anvil}, found from {@code jpackage.app-path};</li>
 *   <li>{@code node_modules/@foundry-rs/anvil-<os>-<arch>/bin/anvil} in the folder holding Proofdesk's own classes
 *       (a jar or a build's classes folder) or any folder above it, then in the working folder or any folder above
 *       it: a launch that did not say where the repository is still finds the {@code npm ci} of the checkout it runs
 *       from.</li>
 * </ol>
 * When nothing is found, the error names every path that was looked at, in order.
 */
public final class AnvilLocator {
    public static final String PROPERTY = "proofdesk.anvil";
    public static final String ENV = "PROOFDESK_ANVIL";
    public static final String ROOT_PROPERTY = "proofdesk.root";

    private final UnaryOperator<String> systemProperty;
    private final UnaryOperator<String> environment;
    private final Optional<Path> codeSource;

    /** Lookups are injected so tests can point the locator at a made-up world; no code-source search. */
    public AnvilLocator(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        this(systemProperty, environment, Optional.empty());
    }

    /**
     * @param codeSource where Proofdesk's classes were loaded from (a jar or a classes folder); the search for an npm
     *                   install walks up from it
     */
    public AnvilLocator(UnaryOperator<String> systemProperty, UnaryOperator<String> environment,
                        Optional<Path> codeSource) {
        this.systemProperty = systemProperty;
        this.environment = environment;
        this.codeSource = codeSource;
    }

    public static AnvilLocator fromEnvironment() {
        return new AnvilLocator(System::getProperty, System::getenv, codeSourceOf(AnvilLocator.class));
    }

    public Path locate() {
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
        List<Path> tried = new ArrayList<>();
        for (Path candidate : candidates()) {
            tried.add(candidate);
            if (isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AnvilNotFoundException(tried, "Run 'npm ci' in the repository root (the Maven build does it), "
                + "or set -D" + PROPERTY + "=/path/to/anvil or " + ENV + ".");
    }

    /** Every place looked at after the explicit settings, in order, each once. */
    SequencedSet<Path> candidates() {
        SequencedSet<Path> candidates = new LinkedHashSet<>();
        path(systemProperty.apply(ROOT_PROPERTY)).ifPresent(root -> candidates.add(npmBinary(root)));
        path(systemProperty.apply("jpackage.app-path")).map(Path::getParent).filter(bin -> bin.getParent() != null)
                .ifPresent(bin -> candidates.add(bin.resolveSibling("lib").resolve("anvil").resolve(binaryName())));
        codeSource.map(Path::getParent).ifPresent(folder -> upwardFrom(folder, candidates));
        path(systemProperty.apply("user.dir")).ifPresent(folder -> upwardFrom(folder, candidates));
        return candidates;
    }

    private void upwardFrom(Path folder, SequencedSet<Path> candidates) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            candidates.add(npmBinary(dir));
        }
    }

    private Path npmBinary(Path root) {
        return root.resolve("node_modules").resolve("@foundry-rs").resolve("anvil-" + platform()).resolve("bin")
                .resolve(binaryName());
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

    /** The jar or classes folder a class was loaded from; empty where the runtime does not say (jlink images). */
    static Optional<Path> codeSourceOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private static Optional<Path> path(String value) {
        try {
            return nonBlank(value).map(Path::of);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
