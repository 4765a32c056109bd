package io.proofdesk.verify.checks;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.ModelFiles;
import io.proofdesk.verify.RecordEvidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model file served for the record's CID is the file that CID names, with the registry's SHA-256. */
public final class ModelCheck implements InferenceCheck {

    private final ModelFiles files;

    public ModelCheck(ModelFiles files) {
        this.files = files;
    }

    @Override
    public String name() {
        return CheckNames.MODEL;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        String cid = evidence.inference().model();
        Fetched<ModelFiles.ModelFile> fetched = files.get(cid);
        if (fetched instanceof Fetched.Failed<ModelFiles.ModelFile> f) {
            return CheckLines.of(name(), f);
        }
        ModelFiles.ModelFile file = ((Fetched.Ok<ModelFiles.ModelFile>) fetched).value();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cid", cid);
        details.put("sha256", file.sha256());
        details.put("sizeBytes", Integer.toString(file.bytes().length));
        if (!file.matchesCid()) {
            return CheckLines.fail(name(), "the file served for " + cid + " is not the file that CID names", details);
        }
        List<ModelFile> registered = evidence.facts().modelFiles();
        List<String> hashes = registered.stream().map(ModelFile::sha256).filter(h -> h != null)
                .map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
        if (hashes.isEmpty()) {
            return CheckLines.unverified(name(), "the file matches its CID, but the registry lists no SHA-256 for "
                    + cid);
        }
        details.put("registeredSha256", String.join(",", hashes));
        registered.stream().findFirst().ifPresent(m -> details.put("registeredAs", m.modelName() + " " + m.version()));
        if (!hashes.contains(file.sha256())) {
            return CheckLines.fail(name(), "the file's SHA-256 " + file.sha256() + " is not the registered "
                    + String.join(" / ", hashes), details);
        }
        return CheckLines.pass(name(), "file matches its CID and the registered SHA-256", details);
    }

    /** True when the run may re-execute with this CID's file: it matched its CID (checked above). */
    public static boolean trustworthy(Fetched<ModelFiles.ModelFile> fetched) {
        return fetched instanceof Fetched.Ok<ModelFiles.ModelFile> ok && ok.value().matchesCid();
    }
}
