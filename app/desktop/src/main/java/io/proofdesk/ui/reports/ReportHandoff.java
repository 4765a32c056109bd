package io.proofdesk.ui.reports;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Records another view hands to the Reports view's export panel: the Inferences view's selected rows, or every
 * record its filters select. The panel may not exist yet when the offer is made (views load when first shown), so
 * the offer waits here and the panel reads it when it is built and whenever a newer one arrives. One per app, FX
 * thread only.
 */
public final class ReportHandoff {

    /** What to export and how the export panel names it (e.g. "12 selected inferences"). */
    public record Offer(ExportSelection selection, String description) {
    }

    private final ReadOnlyObjectWrapper<Offer> offer = new ReadOnlyObjectWrapper<>(this, "offer");

    public void offer(ExportSelection selection, String description) {
        offer.set(new Offer(selection, description));
    }

    /** The latest offer, or null before any. */
    public ReadOnlyObjectProperty<Offer> offerProperty() {
        return offer.getReadOnlyProperty();
    }
}
