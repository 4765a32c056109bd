package io.proofdesk.verify;

import io.proofdesk.domain.CheckStatus;
import io.proofdesk.node.cid.Cid;
import io.proofdesk.node.cid.InvalidCidException;
import io.proofdesk.node.cid.Sha256;

import java.io.IOException;

/**
 * Model files of one verification run, fetched and hashed once per CID (a batch of 2,000 records of one model
 * downloads it once). Whether the bytes are the ones the CID names is decided here; the registered SHA-256 is
 * compared by the model check, since it comes from the record's registry row.
 */
public final class ModelFiles {

    /** Bytes served for a CID and what they hash to. */
    public record ModelFile(String cid, byte[] bytes, String sha256, boolean matchesCid) {
    }

    private final ModelSource source;
    private final RunCache<String, Fetched<ModelFile>> files = new RunCache<>();

    public ModelFiles(ModelSource source) {
        this.source = source;
    }

    public Fetched<ModelFile> get(String cid) {
        return files.get(cid, () -> fetch(cid));
    }

    private Fetched<ModelFile> fetch(String cidText) {
        Cid cid;
        try {
            cid = Cid.parse(cidText);
        } catch (InvalidCidException e) {
            return Fetched.failed(CheckStatus.UNVERIFIED, "the record's model id is not a CID Proofdesk can check: "
                    + e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = source.model(cidText);
        } catch (IOException e) {
            return Fetched.fromIo("model file " + cidText, e);
        } catch (RuntimeException e) {
            return Fetched.failed(CheckStatus.ERROR, "model file " + cidText + ": " + e.getMessage());
        }
        return Fetched.ok(new ModelFile(cidText, bytes, Sha256.hex(bytes), cid.matches(bytes)));
    }
}
