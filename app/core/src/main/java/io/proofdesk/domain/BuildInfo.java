package io.proofdesk.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this build of Proofdesk is; shown by {@code --version}, stamped into reports. */
public record BuildInfo(String proofdeskVersion, String javaVersion, String os, String arch) {

    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/proofdesk/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties from the core jar", e);
        }
        return new BuildInfo(
                p.getProperty("version", "unknown"),
                Runtime.version().toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }
}
