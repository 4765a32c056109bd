package io.proofdesk.reexec;

/** One dimension of a declared shape: a fixed size, a named symbol ("batch"), or left unnamed and unknown. */
public sealed interface Dim {

    record Fixed(long size) implements Dim {
        @Override
        public String toString() {
            return Long.toString(size);
        }
    }

    record Symbolic(String symbol) implements Dim {
        @Override
        public String toString() {
            return symbol;
        }
    }

    record Unknown() implements Dim {
        @Override
        public String toString() {
            return "?";
        }
    }

    static Dim of(long size) {
        return new Fixed(size);
    }

    static Dim of(String symbol) {
        return new Symbolic(symbol);
    }
}
