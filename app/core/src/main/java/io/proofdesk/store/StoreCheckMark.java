package io.proofdesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What the store file looked like when Proofdesk last closed it cleanly, kept in {@code proofdesk.db.checked}
 * beside it: size, modification time and file key (device and inode on Unix). If the file still matches when it is
 * opened, nothing but SQLite under Proofdesk has written it since its last full check or clean close, and a short
 * check suffices; otherwise (the file was changed outside Proofdesk, copied in, restored, or left with a write-ahead
 * log by a crash) the open runs SQLite's full {@code quick_check}, whose cost grows with the file (about 1.3 s for
 * 200,000 records and 300 MB on a loaded machine of ours). The mark is a speed-up, not a seal: it says nothing
 * the file's owner could not forge, and corruption it lets through is still met by the SQLITE_CORRUPT handling.
 */
record StoreCheckMark(long size, long modifiedNanos, String key) {

    static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".checked");
    }

    static StoreCheckMark of(Path database) throws IOException {
        BasicFileAttributes a = Files.readAttributes(database, BasicFileAttributes.class);
        long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return new StoreCheckMark(a.size(), nanos, String.valueOf(a.fileKey()));
    }

    /** Whether the database is as Proofdesk left it: a mark that matches, and no write-ahead log beside it. */
    static boolean vouchesFor(Path database) {
        if (SqliteConnections.hasWal(database)) {
            return false;
        }
        try {
            return read(fileFor(database)).map(m -> {
                try {
                    return m.equals(of(database));
                } catch (IOException e) {
                    return false;
                }
            }).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;  // an unreadable mark only costs a full check
        }
    }

    private static Optional<StoreCheckMark> read(Path mark) throws IOException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(mark);
            if (bytes.length > 1024) {
                return Optional.empty();
            }
            text = new String(bytes, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] parts = text.split(" ", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new StoreCheckMark(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
    }

    /** Records the database as it is now; call only when every connection to it is closed. */
    static void write(Path database) throws IOException {
        StoreCheckMark m = of(database);
        Path mark = fileFor(database);
        Path temp = Files.createTempFile(mark.getParent(), mark.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, m.size + " " + m.modifiedNanos + " " + m.key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, mark, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, mark, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void remove(Path database) {
        try {
            Files.deleteIfExists(fileFor(database));
        } catch (IOException e) {
            // a stale mark cannot vouch for a changed file anyway: its size or time no longer match
        }
    }
}
