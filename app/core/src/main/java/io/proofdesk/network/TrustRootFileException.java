package io.proofdesk.network;

import java.io.IOException;

/** A trust root file a network names cannot be read as a PEM certificate; the message names the file and why. */
public final class TrustRootFileException extends IOException {

    private final String file;

    public TrustRootFileException(String file, String why) {
        super("trust root " + file + " cannot be used: " + why);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
