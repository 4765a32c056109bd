package io.proofdesk.domain;

import java.util.List;
import java.util.Optional;

/**
 * The request and response text of an LLM record. Kept as two one-element string tensors under reserved names (the
 * record's inputs and outputs), so an LLM record is stored, rolled back and printed like any other; a record is an
 * LLM record exactly when its inputs are the one {@link #REQUEST} tensor and its outputs the one {@link #RESPONSE}.
 * Each text is capped at {@link #MAX_CHARS}; a longer one is cut and says so at its end.
 */
public record ChatText(String request, String response) {

    public static final String REQUEST = "llm.request";
    public static final String RESPONSE = "llm.response";
    /** A chat's text is kilobytes; this keeps a hostile blob from filling the store. */
    public static final int MAX_CHARS = 256 * 1024;
    static final String CUT = "\n[… cut at " + MAX_CHARS + " characters]";

    public ChatText {
        request = capped(request);
        response = capped(response);
    }

    /** The chat text of an LLM record; empty for any other record. */
    public static Optional<ChatText> of(Inference r) {
        if (r.inputs().size() != 1 || r.outputs().size() != 1) {
            return Optional.empty();
        }
        Tensor in = r.inputs().getFirst();
        Tensor out = r.outputs().getFirst();
        if (!REQUEST.equals(in.name()) || !RESPONSE.equals(out.name()) || in.type() != DType.STRING
                || out.type() != DType.STRING || in.strings().size() != 1 || out.strings().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new ChatText(in.strings().getFirst(), out.strings().getFirst()));
    }

    public static boolean isChat(Inference r) {
        return of(r).isPresent();
    }

    public Tensor requestTensor() {
        return new Tensor(REQUEST, DType.STRING, new long[] {1}, null, List.of(request));
    }

    public Tensor responseTensor() {
        return new Tensor(RESPONSE, DType.STRING, new long[] {1}, null, List.of(response));
    }

    /** Whether either text was cut at {@link #MAX_CHARS}. */
    public boolean cut() {
        return request.endsWith(CUT) || response.endsWith(CUT);
    }

    private static String capped(String s) {
        if (s == null) {
            return "";
        }
        boolean alreadyCut = s.length() == MAX_CHARS + CUT.length() && s.endsWith(CUT);
        return s.length() <= MAX_CHARS || alreadyCut ? s : s.substring(0, MAX_CHARS) + CUT;
    }
}
