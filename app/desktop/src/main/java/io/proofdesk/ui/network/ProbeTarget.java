package io.proofdesk.ui.network;

import java.util.Objects;

/** One endpoint to probe: what it is (how to ask it) and where. */
public record ProbeTarget(Kind kind, String url) {

    public enum Kind {
        RPC("network.kind.rpc"),
        HUB("network.kind.hub"),
        FILE_STORE("network.kind.fileStore"),
        BLOB_STORE("network.kind.blobStore"),
        NODE("network.kind.node");

        private final String labelKey;

        Kind(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }
    }

    public ProbeTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }
}
