package io.proofdesk.store;

import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import java.time.Instant;
import java.util.Locale;

/**
 * The Inferences view's filters and order; null means "any". Block bounds are inclusive, the time range is
 * [from, to). {@code idPrefix} matches the start of the record id, i.e. a tx hash prefix (case-insensitive);
 * {@code idContains} matches anywhere in it: part of the tx hash, its visible tail, {@code ":logIndex"} or
 * {@code "#leaf"} (case-insensitive; a record id begins with its tx hash, so this searches both).
 * {@code notChecked} selects inferences without any verdict and cannot be combined with {@code verdict}.
 * {@code evidence} selects records of one evidence level.
 * Start from {@link #all()} and narrow with the {@code with...} methods.
 */
public record InferenceQuery(String model, String modelVersion, String teeId, String nodeUrl, InferenceMode mode,
                             SettlementKind settlement, Verdict verdict, boolean notChecked, Long fromBlock,
                             Long toBlock, Instant from, Instant to, String idPrefix, String idContains,
                             InferenceSort sort, EvidenceLevel evidence) {

    public InferenceQuery {
        if (verdict != null && notChecked) {
            throw new IllegalArgumentException("a query cannot ask for verdict " + verdict + " and for no verdict");
        }
        idPrefix = idPrefix == null || idPrefix.isBlank() ? null : idPrefix.trim().toLowerCase(Locale.ROOT);
        idContains = idContains == null || idContains.isBlank() ? null : idContains.trim().toLowerCase(Locale.ROOT);
        sort = sort == null ? InferenceSort.BLOCK_DESC : sort;
    }

    /** Every inference, newest block first. */
    public static InferenceQuery all() {
        return new InferenceQuery(null, null, null, null, null, null, null, false, null, null, null, null, null,
                null, InferenceSort.BLOCK_DESC, null);
    }

    public InferenceQuery withModel(String m) {
        return new InferenceQuery(m, modelVersion, teeId, nodeUrl, mode, settlement, verdict, notChecked, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withModelVersion(String v) {
        return new InferenceQuery(model, v, teeId, nodeUrl, mode, settlement, verdict, notChecked, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withTee(String t) {
        return new InferenceQuery(model, modelVersion, t, nodeUrl, mode, settlement, verdict, notChecked, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withNode(String n) {
        return new InferenceQuery(model, modelVersion, teeId, n, mode, settlement, verdict, notChecked, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withMode(InferenceMode m) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, m, settlement, verdict, notChecked, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withSettlement(SettlementKind s) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, s, verdict, notChecked, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withVerdict(Verdict v) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, v, false, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withNotChecked() {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, null, true, fromBlock,
                toBlock, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withBlocks(Long fromInclusive, Long toInclusive) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, verdict, notChecked,
                fromInclusive, toInclusive, from, to, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withTime(Instant fromInclusive, Instant toExclusive) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, verdict, notChecked,
                fromBlock, toBlock, fromInclusive, toExclusive, idPrefix, idContains, sort, evidence);
    }

    public InferenceQuery withIdPrefix(String prefix) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, verdict, notChecked,
                fromBlock, toBlock, from, to, prefix, idContains, sort, evidence);
    }

    /** Records whose id contains {@code text} anywhere (blank: any record). */
    public InferenceQuery withIdContaining(String text) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, verdict, notChecked,
                fromBlock, toBlock, from, to, idPrefix, text, sort, evidence);
    }

    /** Records of one evidence level (null: any). */
    public InferenceQuery withEvidence(EvidenceLevel e) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, verdict, notChecked,
                fromBlock, toBlock, from, to, idPrefix, idContains, sort, e);
    }

    public InferenceQuery sortedBy(InferenceSort s) {
        return new InferenceQuery(model, modelVersion, teeId, nodeUrl, mode, settlement, verdict, notChecked,
                fromBlock, toBlock, from, to, idPrefix, idContains, s, evidence);
    }
}
