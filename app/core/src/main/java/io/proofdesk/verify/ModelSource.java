package io.proofdesk.verify;

import java.io.IOException;

/** Model file bytes by CID ({@link io.proofdesk.node.FileStoreClient#fetch}); never trusted, the model check tests them. */
@FunctionalInterface
public interface ModelSource {
    byte[] model(String cid) throws IOException;
}
