package io.proofdesk.store;

import io.proofdesk.domain.Bytes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Comparator;

/** JDBC's null handling for the column types the store uses; times are epoch milliseconds. */
final class Sql {

    /**
     * SQLite's BINARY collation for TEXT: memcmp of the UTF-8 bytes, which is code point order (String.compareTo
     * compares UTF-16 units and orders U+E000..U+FFFF after supplementary characters; UTF-8 does not).
     */
    static final Comparator<String> BINARY = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private Sql() {
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        setLong(ps, i, v == null ? null : v.toEpochMilli());
    }

    static void setEnum(PreparedStatement ps, int i, Enum<?> v) throws SQLException {
        ps.setString(i, v == null ? null : v.name());
    }

    static void setBytes(PreparedStatement ps, int i, Bytes v) throws SQLException {
        ps.setBytes(i, v == null ? new byte[0] : v.toArray());
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Long v = getLong(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    static Bytes getBytes(ResultSet rs, String column) throws SQLException {
        byte[] b = rs.getBytes(column);
        return b == null ? Bytes.empty() : Bytes.of(b);
    }

    static <E extends Enum<E>> E getEnum(ResultSet rs, String column, Class<E> type) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Enum.valueOf(type, v);
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
