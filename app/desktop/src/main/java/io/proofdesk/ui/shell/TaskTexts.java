package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.TaskOutcome;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;

/** Words for an ended task, shared by the task history and the end-of-task notification. */
final class TaskTexts {

    /** Style classes for the outcome line; colour follows the word and the glyph, never alone. */
    static final List<String> TONES = List.of("tone-ok", "tone-attention", "tone-failed", "tone-cancelled");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TaskTexts() {
    }

    /** "Finished in 4.2 s", "Failed after 350 ms", "Cancelled after 1 min 5 s". */
    static String ending(TaskOutcome outcome, ResourceBundle strings) {
        String key = outcome.ending() == TaskOutcome.Ending.DONE && outcome.attention()
                ? "tasks.ending.attention" : "tasks.ending." + outcome.ending().name();
        return MessageFormat.format(strings.getString(key), duration(outcome.took(), strings));
    }

    static String tone(TaskOutcome outcome) {
        return switch (outcome.ending()) {
            case DONE -> outcome.attention() ? "tone-attention" : "tone-ok";
            case FAILED -> "tone-failed";
            case CANCELLED -> "tone-cancelled";
        };
    }

    static String duration(Duration took, ResourceBundle strings) {
        long millis = took.toMillis();
        if (millis < 1000) {
            return MessageFormat.format(strings.getString("tasks.duration.ms"), millis);
        }
        if (millis < 60_000) {
            return MessageFormat.format(strings.getString("tasks.duration.s"), millis / 1000.0);
        }
        return MessageFormat.format(strings.getString("tasks.duration.min"), millis / 60_000, (millis / 1000) % 60);
    }

    /** When it ended, on this machine's clock. */
    static String clock(Instant at) {
        return CLOCK.format(at.atZone(ZoneId.systemDefault()));
    }
}
