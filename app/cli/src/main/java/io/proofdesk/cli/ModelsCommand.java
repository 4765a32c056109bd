package io.proofdesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models, versions and files in the local store (synced from the hub).")
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--json", description = "Print a JSON array")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> models;
        // read-only: a listing writes nothing, so it works on a read-only folder and beside a running sync
        Optional<Store> opened = Store.openReadOnly(data.dataDirectory());
        try (Store store = opened.orElse(null)) {
            models = store == null ? List.of() : store.read(tx -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Model m : tx.models().all()) {
                    List<Map<String, Object>> versions = new ArrayList<>();
                    for (ModelVersion v : tx.modelVersions().forModel(m.name())) {
                        List<Map<String, Object>> files = new ArrayList<>();
                        for (ModelFile f : tx.modelFiles().forVersion(m.name(), v.version())) {
                            Map<String, Object> fm = new LinkedHashMap<>();
                            fm.put("filename", f.fileName());
                            fm.put("cid", f.cid());
                            fm.put("sha256", f.sha256());
                            fm.put("size", f.sizeBytes());
                            fm.put("inputs", f.inputSignatureJson() == null ? null : new ObjectMapper().readTree(f.inputSignatureJson()));
                            fm.put("outputs", f.outputSignatureJson() == null ? null : new ObjectMapper().readTree(f.outputSignatureJson()));
                            files.add(fm);
                        }
                        Map<String, Object> vm = new LinkedHashMap<>();
                        vm.put("version", v.version());
                        vm.put("cid", v.cid());
                        vm.put("files", files);
                        versions.add(vm);
                    }
                    Map<String, Object> mm = new LinkedHashMap<>();
                    mm.put("name", m.name());
                    mm.put("description", m.description());
                    mm.put("versions", versions);
                    out.add(mm);
                }
                return out;
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValueAsString(models));
        } else if (models.isEmpty()) {
            out.println("no models in the store; run 'proofdesk sync --hub URL ...' first");
        } else {
            out.printf("%-24s %-8s %-48s %s%n", "MODEL", "VERSION", "CID", "INPUTS");
            for (Map<String, Object> m : models) {
                for (Object v : (List<?>) m.get("versions")) {
                    Map<?, ?> vm = (Map<?, ?>) v;
                    List<?> files = (List<?>) vm.get("files");
                    Object inputs = files.isEmpty() ? null : ((Map<?, ?>) files.getFirst()).get("inputs");
                    out.printf("%-24s %-8s %-48s %s%n", m.get("name"), vm.get("version"), vm.get("cid"),
                            inputs == null ? "-" : inputs);
                }
            }
        }
        out.flush();
        return ExitCode.VERIFIED;
    }
}
