package io.proofdesk.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a dependency jar without the native libraries of other platforms. Libraries such as ONNX Runtime ship
 * every OS's binaries in one jar (about 180 MB unpacked); an installer for one platform needs one of them.
 * Entries keep their order, timestamps and bytes, so the output is as reproducible as the input.
 *
 * @param dropPrefix entries under this prefix are dropped ...
 * @param keep       ... unless their name starts with one of these (may be empty: drop the whole prefix)
 */
public record JarNatives(String dropPrefix, List<String> keep) {

    public JarNatives {
        if (dropPrefix.isBlank()) {
            throw new IllegalArgumentException("the drop prefix must not be blank: it would empty the jar");
        }
        keep = List.copyOf(keep);
    }

    boolean keeps(String entryName) {
        return !entryName.startsWith(dropPrefix) || keep.stream().anyMatch(entryName::startsWith);
    }

    /** Writes {@code in} minus the dropped entries to {@code out}; returns how many entries were dropped. */
    public int trim(Path in, Path out) throws IOException {
        int dropped = 0;
        Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".part");
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(temp))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                if (!keeps(e.getName())) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                if (e.getComment() != null) {
                    copy.setComment(e.getComment());
                }
                zout.putNextEntry(copy);
                zin.transferTo(zout);
                zout.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot trim " + in + ": " + e.getMessage(), e);
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        return dropped;
    }

    /**
     * Copies the files directly under {@code folder} in the jar (for example {@code ai/onnxruntime/native/linux-x64/})
     * into {@code target}; returns how many. Fails if there are none: a renamed folder must not silently ship nothing.
     */
    public static int extract(Path jar, String folder, Path target) throws IOException {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        Files.createDirectories(target);
        int count = 0;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith(prefix) || name.indexOf('/', prefix.length()) >= 0) {
                    continue;
                }
                Path file = target.resolve(name.substring(prefix.length())).normalize();
                if (!file.startsWith(target.normalize())) {
                    throw new IOException("entry " + name + " in " + jar + " points outside " + target);
                }
                try (OutputStream o = Files.newOutputStream(file)) {
                    zin.transferTo(o);
                }
                count++;
            }
        }
        if (count == 0) {
            throw new IOException("no files under " + prefix + " in " + jar);
        }
        return count;
    }
}
