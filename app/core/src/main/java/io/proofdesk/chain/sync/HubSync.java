package io.proofdesk.chain.sync;

import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.node.HubAnswerException;
import io.proofdesk.node.HubClient;
import io.proofdesk.node.HubFile;
import io.proofdesk.node.HubModel;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.reexec.OnnxModelFile;
import io.proofdesk.reexec.ReexecException;
import io.proofdesk.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Copies the hub's models, versions and files into the store, with each ONNX file's input/output signature read
 * from the file itself (fetched by CID, unless the store already has the signature for that CID). One store
 * transaction for the whole listing, so a failed hub leaves the previous listing as it was.
 */
final class HubSync {

    /** What the hub sync stored. */
    record Result(int models, int versions, int files, int filesFetched) {
    }

    private final HubClient hub;
    private final String hubUrl;
    private final ModelLimits limits;
    private final SignatureJson signatures = new SignatureJson();

    HubSync(HubClient hub, String hubUrl, ModelLimits limits) {
        this.hub = hub;
        this.hubUrl = hubUrl;
        this.limits = limits;
    }

    Result sync(Store store, Consumer<String> warnings) {
        List<Model> models = new ArrayList<>();
        List<ModelVersion> versions = new ArrayList<>();
        List<ModelFile> files = new ArrayList<>();
        int fetched = 0;
        try {
            for (HubModel m : hub.models()) {
                models.add(new Model(m.name(), null, m.description(), null, null));
                for (String v : m.versions()) {
                    List<HubFile> listed = hub.files(m.name(), v);
                    HubFile main = listed.stream().filter(f -> f.filename().endsWith(".onnx")).findFirst()
                            .orElse(listed.isEmpty() ? null : listed.getFirst());
                    versions.add(new ModelVersion(m.name(), v, main == null ? null : main.ipfsCid(), null, null, null));
                    for (HubFile f : listed) {
                        Optional<ModelFile> known = store.read(tx -> tx.modelFiles().byCid(f.ipfsCid()).stream()
                                .filter(k -> k.inputSignatureJson() != null).findFirst());
                        String in = known.map(ModelFile::inputSignatureJson).orElse(null);
                        String out = known.map(ModelFile::outputSignatureJson).orElse(null);
                        if (known.isEmpty() && f.filename().endsWith(".onnx")) {
                            fetched++;
                            try {
                                OnnxModelFile parsed = OnnxModelFile.parse(hub.file(f.ipfsCid()), limits);
                                in = signatures.write(parsed.signature().inputs());
                                out = signatures.write(parsed.signature().outputs());
                            } catch (HubAnswerException | ReexecException e) {
                                warnings.accept("model " + m.name() + " " + v + " file " + f.filename()
                                        + ": signature not read (" + e.getMessage() + ")");
                            }
                        }
                        files.add(new ModelFile(m.name(), v, f.filename(), f.ipfsCid(), f.sha256(), f.size(), in, out,
                                null));
                    }
                }
            }
        } catch (HubAnswerException e) {
            throw new SourceAnswerException(e.url(), e.problem(), e);
        }
        store.inTransaction(tx -> {
            models.forEach(tx.models()::upsert);
            versions.forEach(tx.modelVersions()::upsert);
            files.forEach(tx.modelFiles()::upsert);
        });
        return new Result(models.size(), versions.size(), files.size(), fetched);
    }

    String url() {
        return hubUrl;
    }
}
