package io.proofdesk.ui.models;

import io.proofdesk.domain.Model;
import io.proofdesk.ui.inferences.InferenceFormat;
import io.proofdesk.ui.models.RegistryEntries.FirstUse;
import io.proofdesk.ui.models.RegistryEntries.VersionEntry;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * What the Models view shows for the registry facts its sources may not know. The hub's listing names no owner and
 * no creation time, and models are not registered on chain, so those read "unknown" with a tooltip saying why
 * rather than a dash; where a version was first used is the chain's own evidence and is shown instead of a block
 * the registry never had.
 */
final class RegistryCells {

    /** A cell's text and the tooltip that explains it (null for none). */
    record Shown(String text, String tooltip) {
    }

    private final ResourceBundle strings;

    RegistryCells(ResourceBundle strings) {
        this.strings = strings;
    }

    Shown owner(Model m) {
        return m.owner() == null || m.owner().isBlank() ? unknown("models.owner.unknown") : new Shown(m.owner(), null);
    }

    Shown created(VersionEntry v) {
        return v.version().createdAt() == null ? unknown("models.created.unknown")
                : new Shown(InferenceFormat.time(v.version().createdAt()), null);
    }

    Shown firstUse(VersionEntry v) {
        FirstUse f = v.firstUse();
        if (f == null) {
            return new Shown(strings.getString("models.firstUse.none"), strings.getString("models.firstUse.none.tooltip"));
        }
        return new Shown(Long.toString(f.block()), MessageFormat.format(strings.getString("models.firstUse.tooltip"),
                f.block(), InferenceFormat.time(f.time()), f.record().toString()));
    }

    private Shown unknown(String why) {
        return new Shown(strings.getString("models.unknown"), strings.getString(why));
    }
}
