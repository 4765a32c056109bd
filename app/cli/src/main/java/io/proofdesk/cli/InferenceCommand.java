package io.proofdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "inference", mixinStandardHelpOptions = true,
        description = {"One stored record, whole: id, mode, model, transaction, block, time, settlement, verdict with "
                + "its checks, and its inputs and outputs (numbers as exact decimal strings).",
                "Exit 0 when the record is in the store, 3 when the id is malformed or not there."})
public final class InferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "Record id: 0xTXHASH:LOGINDEX[:LEAF], as 'inferences' prints it")
    String id;

    @Option(names = "--json", description = "One JSON object: id, mode, model, modelName, modelVersion, tee, node, txHash, "
            + "logIndex, leafIndex, block, timestamp, settlement {kind, inputHash, outputHash, blobId, merkleRoot, "
            + "ethAddress}, verdict, evidence (PROVED, AGREED or TRUSTED), evidenceDetail, failedChecks, checks [{name, status, reason}], checkedAt, syncNote, chat "
            + "({request, response} text of an LLM record, else null), inputs and outputs [{name, type, shape, values}] "
            + "(a jsons document: type JSON, its value parsed)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RecordId recordId;
        try {
            recordId = RecordId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("not a record id (0xTXHASH:LOGINDEX[:LEAF]): " + id);
        }
        Optional<Store> opened = Store.openReadOnly(data.dataDirectory());
        if (opened.isEmpty()) {
            throw new UserInputException("no store in " + data.dataDirectory().path() + " (sync first)");
        }
        try (Store store = opened.get()) {
            Found found = store.read(tx -> {
                Optional<Inference> record = tx.loadInference(recordId);
                if (record.isEmpty()) {
                    return null;
                }
                Inference r = record.get();
                List<ModelVersion> versions = tx.modelVersions().byCid(r.model());
                return new Found(r, versions.isEmpty() ? null : versions.getFirst(), tx.latestVerdict(recordId),
                        tx.checkResults().failedInLatest(recordId), tx.syncNotes().find(recordId).orElse(null));
            });
            if (found == null) {
                throw new UserInputException("no record " + recordId + " in " + store.databaseFile());
            }
            PrintWriter out = spec.commandLine().getOut();
            ObjectNode tree = tree(found);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree));
            } else {
                InferenceText.print(out, tree);
            }
            out.flush();
            return ExitCode.VERIFIED;
        }
    }

    record Found(Inference record, ModelVersion version, Optional<VerdictRecord> verdict, List<String> failedChecks,
                 String note) {
    }

    static ObjectNode tree(Found f) {
        Inference i = f.record();
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("id", i.id().toString());
        o.put("mode", i.mode().name());
        o.put("model", i.model());
        o.put("modelName", f.version() == null ? null : f.version().modelName());
        o.put("modelVersion", i.modelVersion() != null ? i.modelVersion() : f.version() == null ? null : f.version().version());
        o.put("tee", i.teeId());
        o.put("node", i.nodeUrl());
        o.put("txHash", i.id().txHash());
        o.put("logIndex", i.id().logIndex());
        if (i.id().leafIndex() == null) {
            o.putNull("leafIndex");
        } else {
            o.put("leafIndex", i.id().leafIndex());
        }
        o.put("block", i.blockNumber());
        o.put("timestamp", i.timestamp().toString());
        ObjectNode s = o.putObject("settlement");
        s.put("kind", i.settlement().name());
        s.put("inputHash", i.inputHash());
        s.put("outputHash", i.outputHash());
        s.put("blobId", i.blobId());
        s.put("merkleRoot", i.merkleRoot());
        s.put("ethAddress", i.ethAddress());
        o.put("verdict", i.verdict() == null ? null : i.verdict().name());
        o.put("evidence", i.evidence().level().name());
        o.put("evidenceDetail", i.evidence().detail());
        f.failedChecks().forEach(o.putArray("failedChecks")::add);
        ArrayNode checks = o.putArray("checks");
        f.verdict().ifPresent(v -> {
            for (CheckResult c : v.checks()) {
                ObjectNode line = checks.addObject();
                line.put("name", c.name());
                line.put("status", c.status().name());
                line.put("reason", c.reason());
            }
        });
        o.put("checkedAt", f.verdict().map(v -> v.checkedAt().toString()).orElse(null));
        o.put("syncNote", f.note());
        ChatText.of(i).ifPresentOrElse(chat -> {
            ObjectNode c = o.putObject("chat");
            c.put("request", chat.request());
            c.put("response", chat.response());
        }, () -> o.putNull("chat"));
        TensorJson.write(o.putArray("inputs"), i.inputs());
        TensorJson.write(o.putArray("outputs"), i.outputs());
        return o;
    }
}
