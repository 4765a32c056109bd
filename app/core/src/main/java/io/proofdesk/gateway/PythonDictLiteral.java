package io.proofdesk.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the one Python literal legacy responses carry in {@code system_fingerprint}: {@code str()} of a dict of
 * plain strings, {@code {'k': 'v', ...}}. Nothing is evaluated: only quoted strings without backslashes, colons and
 * commas are accepted, and anything else is an error saying what was expected at which character.
 */
final class PythonDictLiteral {

    /** Thrown with the 0-based character position where the text stops being such a dict. */
    static final class SyntaxException extends Exception {
        private final int position;

        SyntaxException(String expected, int position) {
            super("expected " + expected + " at character " + position);
            this.position = position;
        }

        int position() {
            return position;
        }
    }

    private final String text;
    private int at;

    private PythonDictLiteral(String text) {
        this.text = text;
    }

    static Map<String, String> parse(String text) throws SyntaxException {
        return new PythonDictLiteral(text).dict();
    }

    private Map<String, String> dict() throws SyntaxException {
        Map<String, String> out = new LinkedHashMap<>();
        skipSpace();
        expect('{', "'{'");
        skipSpace();
        if (peek() == '}') {
            at++;
        } else {
            while (true) {
                String key = string();
                skipSpace();
                expect(':', "':'");
                skipSpace();
                String value = string();
                if (out.put(key, value) != null) {
                    throw new SyntaxException("each key once ('" + key + "' again)", at);
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                    skipSpace();
                    continue;
                }
                expect('}', "',' or '}'");
                break;
            }
        }
        skipSpace();
        if (at != text.length()) {
            throw new SyntaxException("the end of the text after '}'", at);
        }
        return out;
    }

    private String string() throws SyntaxException {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw new SyntaxException("a quoted string", at);
        }
        int start = ++at;
        while (at < text.length() && text.charAt(at) != quote) {
            char c = text.charAt(at);
            if (c == '\\') {
                throw new SyntaxException("a string without escape sequences", at);
            }
            if (c < 0x20) {
                throw new SyntaxException("a printable character in the string", at);
            }
            at++;
        }
        if (at >= text.length()) {
            throw new SyntaxException("the closing " + quote + " of the string begun at character " + (start - 1), at);
        }
        return text.substring(start, at++);
    }

    private void expect(char c, String what) throws SyntaxException {
        if (peek() != c) {
            throw new SyntaxException(what, at);
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\n' || text.charAt(at) == '\t')) {
            at++;
        }
    }
}
