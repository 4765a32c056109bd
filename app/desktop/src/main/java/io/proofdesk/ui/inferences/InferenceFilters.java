package io.proofdesk.ui.inferences;

import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the Inferences view's filter bar holds, and the store query it means. Null or blank means "any". Block
 * bounds are inclusive; dates are whole UTC days, both ends inclusive. The search box takes any part of a record id
 * or tx hash (the visible tail of an id, {@code ":4#12"}, hex from the middle), in any case.
 */
public final class InferenceFilters {

    private final ObjectProperty<String> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<String> version = new SimpleObjectProperty<>(this, "version");
    private final ObjectProperty<String> tee = new SimpleObjectProperty<>(this, "tee");
    private final ObjectProperty<String> node = new SimpleObjectProperty<>(this, "node");
    private final ObjectProperty<InferenceMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final ObjectProperty<SettlementKind> settlement = new SimpleObjectProperty<>(this, "settlement");
    private final ObjectProperty<VerdictFilter> verdict = new SimpleObjectProperty<>(this, "verdict", VerdictFilter.ANY);
    private final ObjectProperty<EvidenceLevel> evidence = new SimpleObjectProperty<>(this, "evidence");
    private final StringProperty fromBlock = new SimpleStringProperty(this, "fromBlock", "");
    private final StringProperty toBlock = new SimpleStringProperty(this, "toBlock", "");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<InferenceSort> sort = new SimpleObjectProperty<>(this, "sort", InferenceSort.BLOCK_DESC);

    public InferenceQuery toQuery() {
        InferenceQuery q = InferenceQuery.all()
                .withModel(blankToNull(model.get()))
                .withModelVersion(blankToNull(version.get()))
                .withTee(blankToNull(tee.get()))
                .withNode(blankToNull(node.get()))
                .withMode(mode.get())
                .withSettlement(settlement.get())
                .withEvidence(evidence.get())
                .withBlocks(block(fromBlock.get()), block(toBlock.get()))
                .withTime(fromDate.get() == null ? null : fromDate.get().atStartOfDay(ZoneOffset.UTC).toInstant(),
                        toDate.get() == null ? null : toDate.get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .withIdContaining(search.get())
                .sortedBy(sort.get());
        VerdictFilter v = verdict.get();
        return v == null ? q : v.applyTo(q);
    }

    /** A number, or null for blank or anything that is not a block number (the field only admits digits). */
    static Long block(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(text.strip().replace(",", ""));
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Clears every filter; the sort stays. */
    public void clear() {
        model.set(null);
        version.set(null);
        tee.set(null);
        node.set(null);
        mode.set(null);
        settlement.set(null);
        verdict.set(VerdictFilter.ANY);
        evidence.set(null);
        fromBlock.set("");
        toBlock.set("");
        fromDate.set(null);
        toDate.set(null);
        search.set("");
    }

    /** Everything whose change means a new query. */
    List<Observable> all() {
        return List.of(model, version, tee, node, mode, settlement, verdict, evidence, fromBlock, toBlock, fromDate,
                toDate, search, sort);
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<String> versionProperty() {
        return version;
    }

    public ObjectProperty<String> teeProperty() {
        return tee;
    }

    public ObjectProperty<String> nodeProperty() {
        return node;
    }

    public ObjectProperty<InferenceMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<SettlementKind> settlementProperty() {
        return settlement;
    }

    public ObjectProperty<VerdictFilter> verdictProperty() {
        return verdict;
    }

    /** The evidence level the rows must have; null for any. */
    public ObjectProperty<EvidenceLevel> evidenceProperty() {
        return evidence;
    }

    public StringProperty fromBlockProperty() {
        return fromBlock;
    }

    public StringProperty toBlockProperty() {
        return toBlock;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<InferenceSort> sortProperty() {
        return sort;
    }
}
