package io.proofdesk.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the trust roots a profile names by path, so that what is kept (the store's record of a sync) and what is
 * checked against holds the certificates themselves and not a path that may move.
 */
public final class TrustRootFiles {

    /** A root certificate is a kilobyte or two; anything near this is not one. */
    public static final int MAX_PEM_BYTES = 64 * 1024;

    private TrustRootFiles() {
    }

    /** True when the entry is the PEM text itself rather than a path. */
    public static boolean isPem(String entry) {
        return entry != null && entry.contains("-----BEGIN");
    }

    /** The profile with every trust root path replaced by the file's text; relative paths are read from {@code base}. */
    public static NetworkProfile resolve(NetworkProfile profile, Path base) throws TrustRootFileException {
        List<String> out = new ArrayList<>();
        for (String entry : profile.trustRoots()) {
            out.add(isPem(entry) ? entry : read(entry, base));
        }
        return profile.withTrustRoots(out);
    }

    /** The text of the PEM file at {@code entry}, checked to be small text with a PEM block. */
    public static String read(String entry, Path base) throws TrustRootFileException {
        Path file;
        try {
            file = Path.of(entry.strip());
        } catch (InvalidPathException e) {
            throw new TrustRootFileException(entry, "not a file path (" + e.getReason() + ")");
        }
        if (!file.isAbsolute() && base != null) {
            file = base.resolve(file);
        }
        try {
            if (Files.isDirectory(file)) {
                throw new TrustRootFileException(entry, "it is a folder, not a PEM file");
            }
            long size = Files.size(file);
            if (size > MAX_PEM_BYTES) {
                throw new TrustRootFileException(entry, size + " bytes, more than a root certificate's "
                        + MAX_PEM_BYTES);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            if (!isPem(text)) {
                throw new TrustRootFileException(entry, "it holds no PEM block (-----BEGIN CERTIFICATE-----)");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new TrustRootFileException(entry, "no such file");
        } catch (AccessDeniedException e) {
            throw new TrustRootFileException(entry, "permission denied");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new TrustRootFileException(entry, "not a text (PEM) file");
        } catch (IOException e) {
            throw new TrustRootFileException(entry, String.valueOf(e.getMessage()));
        }
    }
}
