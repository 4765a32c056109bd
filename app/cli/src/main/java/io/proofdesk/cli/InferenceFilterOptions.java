package io.proofdesk.cli;

import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Transaction;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Inferences view's filters on the command line, shared by {@code inferences} (which lists what they select)
 * and {@code report} (which reports it), so a filter typed in one means the same records in the other. A model
 * is given by its hub name (one query per matching version's CID) or by its CID.
 */
public final class InferenceFilterOptions {

    @Option(names = "--model", paramLabel = "M", description = "Model name (as the hub lists it) or model CID")
    String model;

    @Option(names = "--model-version", paramLabel = "V", description = "Model version (with --model)")
    String version;

    @Option(names = "--tee", paramLabel = "ID", description = "TEE id (0x + 64 hex)")
    String tee;

    @Option(names = "--node", paramLabel = "URL", description = "Node URL the TEE registered")
    String node;

    @Option(names = "--mode", paramLabel = "MODE", description = "VANILLA, TEE or ZKML")
    String mode;

    @Option(names = "--settlement", paramLabel = "KIND", description = "individual, batch or onchain")
    String settlement;

    @Option(names = "--verdict", paramLabel = "V", description = "VERIFIED, MISMATCH, UNVERIFIED, ERROR, or none")
    String verdict;

    @Option(names = "--evidence", paramLabel = "LEVEL", description = "PROVED, AGREED or TRUSTED (docs/CHAIN-EVIDENCE.md)")
    String evidence;

    @Option(names = "--from-block", paramLabel = "N", description = "First block (inclusive)")
    Long fromBlock;

    @Option(names = "--to-block", paramLabel = "N", description = "Last block (inclusive)")
    Long toBlock;

    @Option(names = "--id-prefix", paramLabel = "P", description = "Record id prefix (a tx hash prefix)")
    String idPrefix;

    @Option(names = "--id-contains", paramLabel = "TEXT",
            description = "Text anywhere in the record id or tx hash, e.g. the tail of an id (9677:159)")
    String idContains;

    /** Whether any filter was given. */
    public boolean any() {
        return model != null || version != null || tee != null || node != null || mode != null || settlement != null
                || verdict != null || fromBlock != null || toBlock != null || idPrefix != null
                || idContains != null || evidence != null;
    }

    /**
     * The store queries the filters make, in {@code sort} order; several when a model name has several versions.
     * @param byCid the registry's versions, {@link #versionsByCid}
     * @throws UserInputException for a value that is not one of the choices or a model the store does not know
     */
    public List<InferenceQuery> queries(Map<String, ModelVersion> byCid, InferenceSort sort) {
        return modelQueries(baseQuery(sort), byCid);
    }

    private InferenceQuery baseQuery(InferenceSort sort) {
        InferenceQuery q = InferenceQuery.all().sortedBy(sort);
        try {
            if (tee != null) {
                q = q.withTee(tee.trim().toLowerCase(Locale.ROOT));
            }
            if (node != null) {
                q = q.withNode(node.trim());
            }
            if (mode != null) {
                q = q.withMode(InferenceMode.valueOf(mode.trim().toUpperCase(Locale.ROOT)));
            }
            if (settlement != null) {
                q = q.withSettlement(SettlementKind.valueOf(settlement.trim().toUpperCase(Locale.ROOT)));
            }
            if (verdict != null) {
                q = verdict.equalsIgnoreCase("none") ? q.withNotChecked()
                        : q.withVerdict(Verdict.valueOf(verdict.trim().toUpperCase(Locale.ROOT)));
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException("bad filter value: " + e.getMessage(), e);
        }
        if (evidence != null) {
            try {
                q = q.withEvidence(EvidenceLevel.parse(evidence));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--evidence: " + e.getMessage(), e);
            }
        }
        if (fromBlock != null || toBlock != null) {
            q = q.withBlocks(fromBlock, toBlock);
        }
        if (idPrefix != null) {
            q = q.withIdPrefix(idPrefix);
        }
        if (idContains != null) {
            q = q.withIdContaining(idContains);
        }
        return q;
    }

    /** --model by CID is one query; by name it is one query per matching version's CID. */
    private List<InferenceQuery> modelQueries(InferenceQuery base, Map<String, ModelVersion> byCid) {
        if (model == null) {
            if (version != null) {
                throw new UserInputException("--model-version needs --model");
            }
            return List.of(base);
        }
        if (byCid.containsKey(model) || byCid.values().stream().noneMatch(v -> v.modelName().equals(model))) {
            if (!byCid.containsKey(model) && !looksLikeCid(model)) {
                throw new UserInputException("no model named '" + model + "' in the store; run 'proofdesk models' to "
                        + "see the names, or give a model CID");
            }
            return List.of(version == null ? base.withModel(model) : base.withModel(model).withModelVersion(version));
        }
        List<InferenceQuery> out = new ArrayList<>();
        byCid.values().stream().filter(v -> v.modelName().equals(model) && (version == null || v.version().equals(version)))
                .sorted((a, b) -> a.version().compareTo(b.version()))
                .forEach(v -> out.add(base.withModel(v.cid())));
        if (out.isEmpty()) {
            throw new UserInputException("model '" + model + "' has no version '" + version + "' in the store");
        }
        return out;
    }

    private static boolean looksLikeCid(String s) {
        return s.matches("Qm[1-9A-HJ-NP-Za-km-z]{44}") || s.matches("b[a-z2-7]{50,}");
    }

    /** The registry's versions by their CID (what records call their model). */
    public static Map<String, ModelVersion> versionsByCid(Transaction tx) {
        Map<String, ModelVersion> out = new HashMap<>();
        for (var m : tx.models().all()) {
            for (ModelVersion v : tx.modelVersions().forModel(m.name())) {
                if (v.cid() != null) {
                    out.put(v.cid(), v);
                }
            }
        }
        return out;
    }
}
