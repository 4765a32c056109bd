package io.proofdesk.store;

import io.proofdesk.domain.PcrApproval;
import java.util.List;
import java.util.Optional;

/** The pcr_approvals table: approval periods of PCR sets. */
public final class PcrApprovalDao extends Dao {

    private static final PcrApprovalRowMapper MAPPER = new PcrApprovalRowMapper();
    private static final String SELECT = "SELECT " + PcrApprovalRowMapper.COLUMNS + " FROM pcr_approvals ";

    PcrApprovalDao(StatementCache statements) {
        super(statements);
    }

    /** Records an approval (a PCRApproved event); a repeat of the same (hash, block) is ignored. */
    public void approve(PcrApproval a) {
        update("save approval of PCR " + a.pcrHash(), "INSERT OR IGNORE INTO pcr_approvals ("
                + PcrApprovalRowMapper.COLUMNS + ") VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, a.pcrHash());
                    ps.setInt(2, a.teeType());
                    ps.setString(3, a.version());
                    ps.setLong(4, a.approvedBlock());
                    Sql.setLong(ps, 5, a.revokedBlock());
                });
    }

    /** Closes the open approval period of a PCR set at {@code block} (a PCRRevoked event). */
    public int revoke(String pcrHash, long block) {
        return update("revoke PCR " + pcrHash, "UPDATE pcr_approvals SET revoked_block = ? WHERE pcr_hash = ? "
                + "AND revoked_block IS NULL AND approved_block <= ?", ps -> {
                    ps.setLong(1, block);
                    ps.setString(2, pcrHash);
                    ps.setLong(3, block);
                });
    }

    /** The approval period covering {@code block}, if the set was approved then. */
    public Optional<PcrApproval> approvedAt(String pcrHash, long block) {
        return one("check PCR " + pcrHash, SELECT + "WHERE pcr_hash = ? AND approved_block <= ? "
                + "AND (revoked_block IS NULL OR revoked_block > ?) ORDER BY approved_block DESC LIMIT 1", ps -> {
                    ps.setString(1, pcrHash);
                    ps.setLong(2, block);
                    ps.setLong(3, block);
                }, MAPPER);
    }

    public List<PcrApproval> history(String pcrHash) {
        return list("read PCR history " + pcrHash, SELECT + "WHERE pcr_hash = ? ORDER BY approved_block",
                ps -> ps.setString(1, pcrHash), MAPPER);
    }

    public List<PcrApproval> all() {
        return list("list PCR approvals", SELECT + "ORDER BY tee_type, approved_block, pcr_hash", ps -> { }, MAPPER);
    }

    /** Undoes approvals and revocations at or after {@code block} (reorg). */
    public void deleteFromBlock(long block) {
        update("roll back PCR approvals", "DELETE FROM pcr_approvals WHERE approved_block >= ?", ps -> ps.setLong(1, block));
        update("roll back PCR revocations", "UPDATE pcr_approvals SET revoked_block = NULL WHERE revoked_block >= ?",
                ps -> ps.setLong(1, block));
    }
}
