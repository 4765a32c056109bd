package io.proofdesk.ui.inferences;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps a filter combo box and its filter property in step: the first choice is "any" (null), then one per value,
 * labelled by {@code label}; the list follows {@code values} and relabels when any of {@code relabelOn} changes.
 */
final class FilterCombo {

    /** One entry of a filter combo box: a value (null for "any") and how it reads. */
    record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private FilterCombo() {
    }

    static <T> void bind(ComboBox<Choice<T>> combo, ObjectProperty<T> target, ObservableList<T> values,
                         String anyLabel, Function<T, String> label, Observable... relabelOn) {
        // set while the combo follows the property, so following never writes back (a value the list does not
        // offer yet, e.g. before the choices load, stays the filter)
        boolean[] following = {false};
        Runnable follow = () -> {
            following[0] = true;
            try {
                select(combo, target.get());
            } finally {
                following[0] = false;
            }
        };
        Runnable rebuild = () -> {
            List<Choice<T>> items = new ArrayList<>();
            items.add(new Choice<>(null, anyLabel));
            values.forEach(v -> items.add(new Choice<>(v, label.apply(v))));
            following[0] = true;
            try {
                combo.getItems().setAll(items);
            } finally {
                following[0] = false;
            }
            follow.run();
        };
        values.addListener((Observable o) -> rebuild.run());
        for (Observable o : relabelOn) {
            o.addListener(x -> rebuild.run());
        }
        combo.valueProperty().addListener((o, was, now) -> {
            if (!following[0] && now != null && !Objects.equals(now.value(), target.get())) {
                target.set(now.value());
            }
        });
        target.addListener((o, was, now) -> follow.run());
        rebuild.run();
    }

    private static <T> void select(ComboBox<Choice<T>> combo, T value) {
        combo.getItems().stream().filter(c -> Objects.equals(c.value(), value)).findFirst()
                .ifPresentOrElse(c -> {
                    if (combo.getValue() != c) {
                        combo.setValue(c);
                    }
                }, () -> combo.setValue(combo.getItems().isEmpty() ? null : combo.getItems().getFirst()));
    }
}
