package io.proofdesk.ui.shell;

import io.proofdesk.domain.RecordId;
import io.proofdesk.ui.common.View;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code --open} asks the window to show: a section by name ({@code inferences}) or one record's detail by its
 * id ({@code 0x…:3}). A second launch on a running window's data folder hands it over, so a terminal (or a script)
 * can point the open window at a section or a record.
 */
public sealed interface OpenTarget {

    record Section(View view) implements OpenTarget {
    }

    record RecordDetail(RecordId id) implements OpenTarget {
    }

    /** @throws IllegalArgumentException naming what was given and what is accepted */
    static OpenTarget parse(String text) {
        String t = text == null ? "" : text.strip();
        for (View view : View.values()) {
            if (view.name().equalsIgnoreCase(t)) {
                return new Section(view);
            }
        }
        if (t.startsWith("0x")) {
            try {
                return new RecordDetail(RecordId.parse(t));
            } catch (IllegalArgumentException e) {
                // said below, with the sections
            }
        }
        throw new IllegalArgumentException("--open '" + t + "' is neither a section (" + sections()
                + ") nor a record id (<txHash>:<logIndex>)");
    }

    /** The form {@link #parse} reads back. */
    default String text() {
        return switch (this) {
            case Section s -> s.view().name().toLowerCase(Locale.ROOT);
            case RecordDetail r -> r.id().toString();
        };
    }

    private static String sections() {
        return Arrays.stream(View.values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
