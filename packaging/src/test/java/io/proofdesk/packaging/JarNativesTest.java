package io.proofdesk.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JarNativesTest {

    @TempDir
    Path dir;

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = dir.resolve("in.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(1_700_000_000_000L);
                z.putNextEntry(entry);
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> names(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    @Test
    void dropsOtherPlatformsKeepsOursAndEverythingElseInOrder() throws IOException {
        Path in = jar(new java.util.LinkedHashMap<>(Map.of()) {{
            put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
            put("org/sqlite/JDBC.class", "classbytes");
            put("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", "elf");
            put("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", "arm");
            put("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll", "pe");
            put("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib", "macho");
        }});
        Path out = dir.resolve("out.jar");
        int dropped = new JarNatives("org/sqlite/native/", List.of("org/sqlite/native/Linux/x86_64/")).trim(in, out);
        assertEquals(3, dropped);
        assertEquals(List.of("META-INF/MANIFEST.MF", "org/sqlite/JDBC.class",
                "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"), names(out));
        try (ZipFile z = new ZipFile(out.toFile())) {
            ZipEntry so = z.getEntry("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
            assertArrayEquals("elf".getBytes(StandardCharsets.UTF_8), z.getInputStream(so).readAllBytes());
            assertEquals(1_700_000_000_000L, so.getTime(), "timestamps are kept for reproducible output");
        }
    }

    @Test
    void withNoKeepTheWholePrefixGoes() throws IOException {
        Path in = jar(Map.of("ai/onnxruntime/OrtEnvironment.class", "c", "ai/onnxruntime/native/linux-x64/libonnxruntime.so", "so"));
        Path out = dir.resolve("ort.jar");
        assertEquals(1, new JarNatives("ai/onnxruntime/native/", List.of()).trim(in, out));
        assertEquals(List.of("ai/onnxruntime/OrtEnvironment.class"), names(out));
    }

    @Test
    void extractsOneFolderFlatAndRefusesAnEmptyOne() throws IOException {
        Path in = jar(Map.of(
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so", "ort",
                "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so", "jni",
                "ai/onnxruntime/native/linux-x64/sub/other.so", "deeper",
                "ai/onnxruntime/native/win-x64/onnxruntime.dll", "dll"));
        Path target = dir.resolve("native");
        assertEquals(2, JarNatives.extract(in, "ai/onnxruntime/native/linux-x64", target));
        assertEquals("ort", Files.readString(target.resolve("libonnxruntime.so")));
        assertEquals("jni", Files.readString(target.resolve("libonnxruntime4j_jni.so")));
        assertTrue(Files.notExists(target.resolve("sub")));
        IOException e = assertThrows(IOException.class,
                () -> JarNatives.extract(in, "ai/onnxruntime/native/linux-riscv", dir.resolve("none")));
        assertTrue(e.getMessage().contains("no files under ai/onnxruntime/native/linux-riscv/"), e.getMessage());
    }

    @Test
    void aBlankDropPrefixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JarNatives(" ", List.of()));
    }
}
