package io.proofdesk.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A check line's handful of details as an immutable map in insertion order, held in two arrays. A
 * {@link CheckResult} keeps one as given instead of copying it into a {@code LinkedHashMap}: the re-execution check
 * builds a line per inference, and two hashed maps of its seven details were a visible part of its cost in
 * {@code proofdesk bench reexec}. Equal to (and printed like) any map with the same entries; look-ups scan, which
 * suits a few entries.
 */
public final class CheckDetails extends AbstractMap<String, String> {

    private static final CheckDetails EMPTY = new CheckDetails(new String[0], new String[0], 0);

    private final String[] keys;
    private final String[] values;
    private final int size;

    private CheckDetails(String[] keys, String[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Puts keep the first position of a key and its last value, as a {@code LinkedHashMap} does. */
    public static final class Builder {
        private String[] keys;
        private String[] values;
        private int size;
        private boolean built;

        private Builder(int expectedSize) {
            keys = new String[Math.max(expectedSize, 1)];
            values = new String[keys.length];
        }

        /** {@code key} must not be null; {@code value} may be. */
        public Builder put(String key, String value) {
            if (built) {
                throw new IllegalStateException("details already built");
            }
            if (key == null) {
                throw new NullPointerException("key");
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        /** The details; the builder cannot be used afterwards (its arrays become the map's). */
        public CheckDetails build() {
            built = true;
            return size == 0 ? EMPTY : new CheckDetails(keys, values, size);
        }
    }
}
