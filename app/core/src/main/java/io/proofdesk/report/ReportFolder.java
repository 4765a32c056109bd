package io.proofdesk.report;

import io.proofdesk.domain.ReportEntry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reports a user has: the store's reports table (what this store's exports wrote, wherever) together with the
 * {@code .json} and {@code .pdf} files in the reports folder, so reports written before the store was replaced (the
 * demo network's store is new each start) or copied in from elsewhere are listed too. Each file is summarised once
 * per size and modification time (a reload re-reads only files that changed). Safe for concurrent use.
 */
public final class ReportFolder {

    /** At most this many files of the folder are listed (the newest); a reports folder holds far fewer. */
    public static final int MAX_FILES = 500;

    private record Cached(long size, Instant modified, ReportFileSummary summary) {
    }

    private final Path folder;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    public ReportFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /**
     * The store's entries and the folder's report files as one list, newest first: a stored entry keeps its row
     * (ON_DISK, CHANGED when its bytes differ from those recorded, MISSING when gone); a file only in the folder is
     * ON_DISK when it reads as a report, UNREADABLE (with why) otherwise. A missing folder adds nothing.
     */
    public List<ListedReport> list(List<ReportEntry> stored) throws IOException {
        List<ListedReport> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (ReportEntry e : stored) {
            Path p = Path.of(e.path()).toAbsolutePath().normalize();
            seen.add(p);
            out.add(storedRow(e, p));
        }
        for (Path file : files()) {
            if (seen.add(file)) {
                ReportFileSummary s = summary(file);
                out.add(s.readable() ? new ListedReport(s.entry(), ListedReport.Status.ON_DISK, null)
                        : new ListedReport(s.entry(), ListedReport.Status.UNREADABLE, s.problem()));
            }
        }
        out.sort(Comparator.comparing((ListedReport r) -> r.entry().createdAt()).reversed());
        return out;
    }

    private ListedReport storedRow(ReportEntry e, Path p) {
        if (!Files.isRegularFile(p)) {
            return new ListedReport(e, ListedReport.Status.MISSING, null);
        }
        ReportFileSummary s = summary(p);
        if (s.fileSha256() != null && !s.fileSha256().equals(e.sha256())) {
            return new ListedReport(e, ListedReport.Status.CHANGED, s.problem());
        }
        return new ListedReport(e, ListedReport.Status.ON_DISK, null);
    }

    /** The folder's {@code .json} and {@code .pdf} files, newest first; hidden files (exports in progress) skipped. */
    List<Path> files() throws IOException {
        List<Path> found = new ArrayList<>();
        Map<Path, Instant> modified = new java.util.HashMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String name = String.valueOf(p.getFileName());
                String ext = ReportFileSummary.extension(p);
                if (name.startsWith(".") || !(ext.equals("json") || ext.equals("pdf"))) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException gone) {
                    continue;
                }
                if (a.isRegularFile()) {
                    found.add(p.toAbsolutePath().normalize());
                    modified.put(found.getLast(), a.lastModifiedTime().toInstant());
                }
            }
        } catch (NoSuchFileException | NotDirectoryException none) {
            return List.of();
        }
        found.sort(Comparator.comparing(modified::get, Comparator.reverseOrder()));
        return found.size() > MAX_FILES ? found.subList(0, MAX_FILES) : found;
    }

    /** The file's summary, read again only when its size or modification time changed. */
    ReportFileSummary summary(Path file) {
        long size;
        Instant modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            cache.remove(file);
            return ReportFileSummary.read(file);
        }
        Cached c = cache.get(file);
        if (c != null && c.size() == size && c.modified().equals(modified)) {
            return c.summary();
        }
        ReportFileSummary s = ReportFileSummary.read(file);
        cache.put(file, new Cached(size, modified, s));
        return s;
    }
}
