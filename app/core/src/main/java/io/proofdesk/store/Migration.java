package io.proofdesk.store;

import java.util.List;

/** One versioned schema step, loaded from {@code migrations/V<n>__<description>.sql}. */
record Migration(int version, String description, String resource, List<String> statements) {
}
