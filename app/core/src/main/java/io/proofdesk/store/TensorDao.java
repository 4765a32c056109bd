package io.proofdesk.store;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** The tensors table: inputs and outputs of inferences, raw little-endian bytes (strings as JSON). */
public final class TensorDao extends Dao {

    /** A single tensor past this is refused; the models Proofdesk re-executes take kilobytes. */
    public static final int MAX_TENSOR_BYTES = 64 * 1024 * 1024;

    private final TensorRowMapper mapper;
    private final StoreJson json;

    TensorDao(StatementCache statements, StoreJson json) {
        super(statements);
        this.json = json;
        this.mapper = new TensorRowMapper(json);
    }

    /** Batch-inserts every tensor of these inferences; rows already present are left as they are. */
    public void insertFor(Collection<Inference> inferences) {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO tensors (" + TensorRowMapper.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Inference inf : inferences) {
                add(ps, inf.id(), TensorDirection.IN, inf.inputs());
                add(ps, inf.id(), TensorDirection.OUT, inf.outputs());
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("save tensors of " + inferences.size() + " inferences", e);
        }
    }

    private void add(PreparedStatement ps, RecordId id, TensorDirection dir, List<Tensor> tensors) throws SQLException {
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            byte[] data = t.data();
            if (data.length > MAX_TENSOR_BYTES) {
                throw new StoreValueTooLargeException("tensor " + t.name() + " of " + id, data.length, MAX_TENSOR_BYTES);
            }
            ps.setString(1, id.toString());
            ps.setString(2, dir.name());
            ps.setInt(3, i);
            ps.setString(4, t.name());
            ps.setString(5, t.type().name());
            ps.setString(6, json.write(t.shape()));
            ps.setBytes(7, data);
            ps.setString(8, t.type() == DType.STRING ? json.write(t.strings()) : null);
            ps.addBatch();
        }
    }

    /** An inference's inputs and outputs, each in recorded order. */
    public record InputsAndOutputs(List<Tensor> inputs, List<Tensor> outputs) {
    }

    /**
     * The inputs and outputs of one inference in one query, not one per direction: the two queries were about 40%
     * of a batch worker's profile samples in bench batch, and this halves the index lookups.
     */
    public InputsAndOutputs load(RecordId id) {
        List<DirectedTensor> rows = list("read tensors of " + id, "SELECT " + TensorRowMapper.COLUMNS + " FROM tensors "
                + "WHERE inference_id = ? ORDER BY direction, position", ps -> ps.setString(1, id.toString()),
                rs -> new DirectedTensor(Sql.getEnum(rs, "direction", TensorDirection.class), mapper.map(rs)));
        return new InputsAndOutputs(of(rows, TensorDirection.IN), of(rows, TensorDirection.OUT));
    }

    private record DirectedTensor(TensorDirection direction, Tensor tensor) {
    }

    private static List<Tensor> of(List<DirectedTensor> rows, TensorDirection direction) {
        return rows.stream().filter(r -> r.direction() == direction).map(DirectedTensor::tensor).toList();
    }
}
