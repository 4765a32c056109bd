package io.proofdesk.devnet.node;

import java.io.IOException;

/** Where a node gets the model file a request names by CID. */
@FunctionalInterface
public interface NodeModelSource {
    byte[] modelByCid(String cid) throws IOException;
}
