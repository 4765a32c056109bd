package io.proofdesk.report.bundle;

import java.util.Map;
import java.util.Optional;

/** A bundle read into memory and checked against its manifest: every entry's bytes by path. */
public record BundleContents(BundleManifest manifest, Map<String, byte[]> entries) {

    public BundleContents {
        entries = Map.copyOf(entries);
    }

    public Optional<byte[]> entry(String path) {
        return Optional.ofNullable(entries.get(path)).map(byte[]::clone);
    }

    public byte[] required(String path) throws BundleFormatException {
        return entry(path).orElseThrow(() -> new BundleFormatException(path, "the bundle lacks this part"));
    }
}
