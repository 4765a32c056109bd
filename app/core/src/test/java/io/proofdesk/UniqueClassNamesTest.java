package io.proofdesk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No two classes in the repository share a simple name, in any module, main or test: a reader who sees
 * {@code CheckStatus} must not have to look at the imports to know which one it is. Reads the source tree (the
 * modules cannot see each other's classes), found by walking up from the working folder to the parent pom.
 */
class UniqueClassNamesTest {

    @Test
    void everySourceFileHasAUniqueSimpleName() throws IOException {
        Path app = repositoryRoot().resolve("app");
        Map<String, List<String>> byName;
        try (Stream<Path> files = Files.walk(app)) {
            byName = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .collect(Collectors.groupingBy(p -> p.getFileName().toString(), TreeMap::new,
                            Collectors.mapping(p -> app.relativize(p).toString(), Collectors.toList())));
        }
        assertTrue(byName.size() > 500, "expected the whole source tree, found " + byName.size() + " names under " + app);
        Map<String, List<String>> shared = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), shared, "class names used more than once");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("app/core")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
