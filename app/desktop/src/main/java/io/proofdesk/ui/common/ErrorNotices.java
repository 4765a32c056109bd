package io.proofdesk.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The error banner's state: the latest problem as one sentence a person can act on, never a stack trace. */
public final class ErrorNotices {

    private final ResourceBundle strings;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public ErrorNotices(ResourceBundle strings) {
        this.strings = strings;
    }

    /** Empty when there is nothing to show. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void show(Throwable problem) {
        message.set(sentence(problem));
    }

    public void dismiss() {
        message.set("");
    }

    /** Dismisses the banner only if it still shows {@code sentence} (a later, unrelated problem stays). */
    public void dismissIf(String sentence) {
        if (sentence != null && !sentence.isEmpty() && sentence.equals(message.get())) {
            message.set("");
        }
    }

    /** Our exceptions carry what and where in their message; wrappers only add noise, so they are peeled off. */
    public String sentence(Throwable problem) {
        Throwable cause = problem;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String detail = cause == null ? null : cause.getMessage();
        if (detail == null || detail.isBlank()) {
            String kind = cause == null ? "unknown" : cause.getClass().getSimpleName();
            return MessageFormat.format(strings.getString("error.unexpected"), kind);
        }
        String firstLine = detail.strip().lines().findFirst().orElse("");
        String capitalised = Character.toUpperCase(firstLine.charAt(0)) + firstLine.substring(1);
        boolean ended = capitalised.endsWith(".") || capitalised.endsWith("!") || capitalised.endsWith("?");
        return ended ? capitalised : capitalised + ".";
    }
}
