package io.proofdesk.report.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.node.cid.Sha256;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a bundle into memory — nothing is ever extracted to disk — treating it as hostile: entries are counted and
 * their bytes measured while inflating (declared sizes are ignored), names must be plain relative paths, duplicates
 * are refused, and the manifest must list every other entry (but the signature over it) with its exact SHA-256 and
 * size.
 */
public final class BundleReader {

    /** Relative paths of plain segments: no "..", no leading "/", no backslashes or drive letters. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}(/[A-Za-z0-9_][A-Za-z0-9._-]{0,99}){0,3}/?");

    private final BundleLimits limits;
    final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 << 20).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public BundleReader(BundleLimits limits) {
        this.limits = limits;
    }

    public BundleContents read(Path zip) throws BundleException, IOException {
        long size = Files.size(zip);
        if (size > limits.maxZipBytes()) {
            throw new BundleTooLargeException(null, "the file has " + size + " bytes, above the limit of "
                    + limits.maxZipBytes());
        }
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw new BundleTooLargeException(null, "more than " + limits.maxEntries() + " entries");
                }
                String name = checkName(e.getName());
                if (e.isDirectory() || name.endsWith("/")) {
                    continue;
                }
                if (entries.containsKey(name)) {
                    throw new BundleFormatException(name, "the entry appears twice");
                }
                byte[] bytes = readCapped(in, name, limits.maxTotalBytes() - total);
                total += bytes.length;
                entries.put(name, bytes);
            }
        } catch (ZipException | EOFException | IllegalArgumentException ex) {
            // a cut-short or garbled zip ends in EOFException ("Unexpected end of ZLIB input stream"), a name in a
            // broken encoding in IllegalArgumentException ("MALFORMED"): all say the file is not a readable zip
            throw new BundleFormatException(null, "not a readable zip file ("
                    + (ex instanceof EOFException ? "it ends in the middle of an entry" : ex.getMessage()) + ")", ex);
        }
        if (entries.isEmpty()) {
            throw new BundleFormatException(null, "not a bundle: no entries (is it a zip file?)");
        }
        BundleManifest manifest = manifest(entries);
        return new BundleContents(manifest, entries);
    }

    private byte[] readCapped(InputStream in, String name, long totalLeft) throws IOException, BundleTooLargeException {
        long own = limits.capOf(name);
        long cap = Math.min(Math.min(limits.maxEntryBytes(), own), totalLeft);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > cap) {
                throw new BundleTooLargeException(name, n > own && own < limits.maxEntryBytes()
                        ? "inflates past the limit of " + own + " bytes for this part"
                        : n > limits.maxEntryBytes()
                        ? "inflates past the per-entry limit of " + limits.maxEntryBytes() + " bytes"
                        : "the entries inflate past the bundle limit of " + limits.maxTotalBytes() + " bytes");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    static String checkName(String name) throws UnsafeBundleEntryException {
        if (name == null || name.isEmpty()) {
            throw new UnsafeBundleEntryException("(empty name)", "an entry has no name");
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            throw new UnsafeBundleEntryException(name, "absolute or non-portable path refused");
        }
        for (String seg : name.split("/")) {
            if (seg.equals("..") || seg.equals(".")) {
                throw new UnsafeBundleEntryException(name, "path traversal (\"" + seg + "\") refused");
            }
        }
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new UnsafeBundleEntryException(name, "entry names may hold only letters, digits, '.', '_', '-' "
                    + "and at most four folder levels");
        }
        return name;
    }

    private BundleManifest manifest(Map<String, byte[]> entries) throws BundleFormatException {
        byte[] bytes = entries.get(BundleLayout.MANIFEST);
        if (bytes == null) {
            throw new BundleFormatException(BundleLayout.MANIFEST, "the bundle has no manifest");
        }
        BundleManifest m;
        try {
            m = json.readValue(bytes, BundleManifest.class);
        } catch (IOException e) {
            throw new BundleFormatException(BundleLayout.MANIFEST, "not a bundle manifest: " + firstLine(e.getMessage()), e);
        }
        if (!BundleLayout.READABLE.contains(m.format())) {
            throw new BundleFormatException(BundleLayout.MANIFEST, "format " + m.format() + " is not "
                    + BundleLayout.FORMAT + " (or the older " + BundleLayout.FORMAT_3 + ", " + BundleLayout.FORMAT_2 + " or "
                    + BundleLayout.FORMAT_1 + ")");
        }
        Set<String> listed = new HashSet<>();
        for (BundleManifest.Entry e : m.entries()) {
            if (e == null || e.path() == null || !listed.add(e.path())) {
                throw new BundleFormatException(BundleLayout.MANIFEST, "an entry is listed twice or without a path");
            }
            byte[] b = entries.get(e.path());
            if (b == null) {
                throw new BundleFormatException(e.path(), "listed in the manifest but missing from the bundle");
            }
            if (b.length != e.size() || !Sha256.hex(b).equals(e.sha256())) {
                throw new BundleFormatException(e.path(), "its content does not match the manifest (SHA-256 "
                        + Sha256.hex(b) + ", manifest " + e.sha256() + ")");
            }
        }
        for (String name : entries.keySet()) {
            // the signature signs the manifest, so it is the one part the manifest cannot list
            if (!name.equals(BundleLayout.MANIFEST) && !name.equals(BundleLayout.SIGNATURE) && !listed.contains(name)) {
                throw new BundleFormatException(name, "the entry is not listed in the manifest");
            }
        }
        return m;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
