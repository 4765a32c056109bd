package io.proofdesk.reexec;

import java.util.List;

/** Inputs that do not fit the model's signature; lists every problem found, not just the first. */
public final class InputMismatchException extends ReexecException {

    private final List<String> problems;

    public InputMismatchException(List<String> problems) {
        super("inputs do not match the model: " + String.join("; ", problems), null);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
