package io.proofdesk.store;

import io.proofdesk.domain.Bytes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The blobs table: raw blob-store payloads by blob id, capped at {@link #MAX_BLOB_BYTES}. */
public final class BlobDao extends Dao {

    /** Larger payloads are refused; a settled record's blob is kilobytes, a batch dump at most a few megabytes. */
    public static final int MAX_BLOB_BYTES = 16 * 1024 * 1024;

    BlobDao(StatementCache statements) {
        super(statements);
    }

    public void put(String blobId, Bytes data, Instant fetchedAt) {
        if (data.length() > MAX_BLOB_BYTES) {
            throw new StoreValueTooLargeException("blob " + blobId, data.length(), MAX_BLOB_BYTES);
        }
        update("save blob " + blobId, "INSERT OR REPLACE INTO blobs (blob_id, data, fetched_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, blobId);
            Sql.setBytes(ps, 2, data);
            Sql.setInstant(ps, 3, fetchedAt);
        });
    }

    /** Stores a sync chunk's blobs; {@link #put} reuses one prepared statement for them within the transaction. */
    public void putAll(Map<String, Bytes> blobs, Instant fetchedAt) {
        blobs.forEach((blobId, data) -> put(blobId, data, fetchedAt));
    }

    /** Whether the stored copy of a blob is byte for byte {@code data}; empty if no copy is stored. */
    public Optional<Boolean> sameAs(String blobId, byte[] data) {
        return one("compare blob " + blobId, "SELECT data = ? FROM blobs WHERE blob_id = ?", ps -> {
            ps.setBytes(1, data);
            ps.setString(2, blobId);
        }, rs -> rs.getBoolean(1));
    }

    public Optional<Bytes> find(String blobId) {
        return one("read blob " + blobId, "SELECT data FROM blobs WHERE blob_id = ?", ps -> ps.setString(1, blobId),
                rs -> Sql.getBytes(rs, "data"));
    }
}
