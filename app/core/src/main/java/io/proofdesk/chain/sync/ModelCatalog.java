package io.proofdesk.chain.sync;

import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.node.HubAnswerException;
import io.proofdesk.node.HubClient;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.reexec.OnnxModelFile;
import io.proofdesk.reexec.ReexecException;
import io.proofdesk.reexec.TensorSpec;
import io.proofdesk.store.Transaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which model a CID names and what it declares, for decoding records' tensors: built from the store's model files
 * (which the hub sync fills), and for a CID the hub does not list, from the file store directly (once per sync;
 * a failure is remembered as the reason). Thread-safe: records of a chunk are decoded in parallel.
 */
final class ModelCatalog {

    /** What is known of one CID: model and version (null if the hub does not list it) and the signature or why not. */
    record Entry(String model, String version, List<TensorSpec> inputs, List<TensorSpec> outputs, String problem) {
        boolean hasSignature() {
            return inputs != null;
        }
    }

    private final Map<String, Entry> byCid = new HashMap<>();
    private final HubClient files;
    private final SignatureJson signatures = new SignatureJson();
    private final ModelLimits limits;

    ModelCatalog(HubClient files, ModelLimits limits) {
        this.files = files;
        this.limits = limits;
    }

    /** Loads every model file with a stored signature, and every version's CID. */
    void load(Transaction tx) {
        for (var m : tx.models().all()) {
            for (ModelVersion v : tx.modelVersions().forModel(m.name())) {
                for (ModelFile f : tx.modelFiles().forVersion(m.name(), v.version())) {
                    if (f.inputSignatureJson() != null && f.outputSignatureJson() != null) {
                        byCid.put(f.cid(), new Entry(m.name(), v.version(), signatures.read(f.inputSignatureJson()),
                                signatures.read(f.outputSignatureJson()), null));
                    } else {
                        byCid.putIfAbsent(f.cid(), new Entry(m.name(), v.version(), null, null,
                                "the model file's signature could not be read when the hub was synced"));
                    }
                }
            }
        }
    }

    /** The entry for a CID, fetching the file from the file store if no stored model names it. */
    synchronized Entry resolve(String cid) {
        return byCid.computeIfAbsent(cid, this::fetch);
    }

    private Entry fetch(String cid) {
        if (files == null) {
            return new Entry(null, null, null, null, "model " + cid + " is not in the hub and no file store is configured");
        }
        try {
            OnnxModelFile parsed = OnnxModelFile.parse(files.file(cid), limits);
            return new Entry(null, null, parsed.signature().inputs(), parsed.signature().outputs(), null);
        } catch (HubAnswerException e) {
            return new Entry(null, null, null, null, "model " + cid + " could not be fetched: " + e.getMessage());
        } catch (ReexecException | IllegalArgumentException e) {
            return new Entry(null, null, null, null, "model file " + cid + " is not a usable ONNX model: "
                    + e.getMessage());
        } catch (IllegalStateException e) {
            return new Entry(null, null, null, null, "model " + cid + " is not in the hub (" + e.getMessage() + ")");
        }
    }
}
