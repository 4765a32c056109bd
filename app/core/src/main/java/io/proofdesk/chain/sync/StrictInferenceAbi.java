package io.proofdesk.chain.sync;

import io.proofdesk.chain.proof.HexData;
import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of inference decoding: calldata and InferenceResult data through headlong, a strict ABI decoder that
 * runs in time linear in the data. web3j's reflective decoder compiles a regular expression and looks up constructors
 * for every number it decodes; on the demo network's 2,000 inferences that was 30% of the sync's CPU, and headlong
 * decodes the same calldata about 15 times faster.
 *
 * <p>The layouts are not written here: each one is the signature of a generated wrapper's function or event, as web3j
 * prints it ({@link Type#getTypeAsString()}), and is only used when keccak of that signature is the wrapper's own
 * selector or topic0 (checked when the layout is added). headlong refuses what is not canonical ABI (a number not
 * sign-extended, an offset out of range, a length the data cannot hold); then this answers empty and the caller
 * decodes with web3j as before, so a record's values are never different from what web3j makes of the same data.
 */
final class StrictInferenceAbi {

    /** What a call's arguments hold, by position: how to read each record's modelId, mode and input. */
    enum CallShape { SINGLE, MANY }

    /** What a ModelInput/ModelOutput tuple holds besides numbers and strings. */
    record DataShape(boolean shaped, boolean jsons) {
    }

    private record CallLayout(Function function, CallShape shape, DataShape input) {
    }

    private record EventLayout(TupleType<Tuple> data, DataShape output) {
    }

    private final Map<String, CallLayout> calls = new HashMap<>();
    private final Map<String, EventLayout> events = new HashMap<>();

    /**
     * Adds a call layout: {@code name(params)} as web3j prints the wrapper's parameters, which must hash to
     * {@code selector} ("0x" and 8 hex digits, as {@link FunctionEncoder} makes it).
     */
    StrictInferenceAbi call(String selector, String name, List<Type> params, CallShape shape, DataShape input) {
        String signature = name + "(" + String.join(",", params.stream().map(Type::getTypeAsString).toList()) + ")";
        Function f = Function.parse(signature);
        if (!("0x" + f.selectorHex()).equalsIgnoreCase(selector)) {
            throw new IllegalStateException(signature + " does not hash to the wrapper's selector " + selector);
        }
        calls.put(selector.toLowerCase(Locale.ROOT), new CallLayout(f, shape, input));
        return this;
    }

    /** Adds an event layout: {@code name(tuple)} with {@code tuple} its one non-indexed parameter's type. */
    StrictInferenceAbi event(String topic0, String name, String tuple, DataShape output) {
        String signature = name + "(" + tuple + ")";
        if (!Hash.sha3String(signature).equalsIgnoreCase(topic0)) {
            throw new IllegalStateException(signature + " does not hash to the wrapper's topic0 " + topic0);
        }
        events.put(topic0.toLowerCase(Locale.ROOT), new EventLayout(TupleType.parse("(" + tuple + ")"), output));
        return this;
    }

    /**
     * The records of a call with a known selector, or empty when the selector is not one added here or headlong
     * refuses the data (the caller then asks web3j).
     */
    Optional<List<InferenceCalls.CallRecord>> records(String selector, byte[] calldata) {
        CallLayout layout = calls.get(selector);
        if (layout == null) {
            return Optional.empty();
        }
        try {
            // every argument is decoded, runWithResult's output too (so a call web3j refuses whole is refused here as
            // well), though only (modelId, mode, input) is kept: the output is read from the log
            Tuple call = layout.function().decodeCall(calldata);
            if (layout.shape() == CallShape.SINGLE) {
                return Optional.of(List.of(record(call.get(0), call.get(1), call.get(2), layout.input())));
            }
            Tuple[] records = call.get(0);
            List<InferenceCalls.CallRecord> out = new ArrayList<>(records.length);
            for (Tuple r : records) {
                out.add(record(r.get(0), r.get(1), r.get(2), layout.input()));
            }
            return Optional.of(out);
        } catch (RuntimeException | OutOfMemoryError refused) {
            return Optional.empty();
        }
    }

    /** The ModelOutput of an InferenceResult log's data, or empty (unknown topic0, or refused: ask web3j). */
    Optional<ChainModelData> output(String topic0, byte[] data) {
        EventLayout layout = topic0 == null ? null : events.get(topic0.toLowerCase(Locale.ROOT));
        if (layout == null) {
            return Optional.empty();
        }
        try {
            Tuple wrapped = layout.data().decode(data);
            return Optional.of(modelData(wrapped.get(0), layout.output()));
        } catch (RuntimeException | OutOfMemoryError refused) {
            return Optional.empty();
        }
    }

    /**
     * 0x-prefixed hex as bytes, or null when it is not that (web3j, asked next, then says what it makes of it); the
     * one parse of calldata, log data and topics on headlong's path.
     */
    static byte[] hexBytes(String hex) {
        return hex == null || !hex.startsWith("0x") ? null : HexData.decode(hex);
    }

    private static InferenceCalls.CallRecord record(String modelId, Integer mode, Tuple input, DataShape shape) {
        return new InferenceCalls.CallRecord(modelId, BigInteger.valueOf(mode), modelData(input, shape));
    }

    /**
     * A ModelInput or ModelOutput: (numbers, strings[, jsons][, is_simulation_result]); a number tensor is
     * (name, (value, decimals)[][, shape]) and a tensor without a shape is one-dimensional, as
     * {@link ChainModelData} reads the wrappers' structs.
     */
    static ChainModelData modelData(Tuple data, DataShape shape) {
        Tuple[] numbers = data.get(0);
        List<ChainTensor> tensors = new ArrayList<>(numbers.length);
        for (Tuple t : numbers) {
            Tuple[] values = t.get(1);
            List<io.proofdesk.reexec.FixedPointNumber> fixed = new ArrayList<>(values.length);
            for (Tuple v : values) {
                fixed.add(new io.proofdesk.reexec.FixedPointNumber(v.get(0), v.get(1)));
            }
            List<BigInteger> dims = shape.shaped() ? shapeOf(t.get(2)) : List.of(BigInteger.valueOf(values.length));
            tensors.add(new ChainTensor(t.get(0), fixed, dims));
        }
        Tuple[] strings = data.get(1);
        List<NamedStrings> named = new ArrayList<>(strings.length);
        for (Tuple s : strings) {
            named.add(new NamedStrings(s.get(0), List.of((String[]) s.get(1)), null));
        }
        if (shape.jsons()) {
            for (Tuple j : (Tuple[]) data.get(2)) {
                named.add(NamedStrings.json(j.get(0), j.get(1)));
            }
        }
        return new ChainModelData(tensors, named);
    }

    /** An int256[] shape decodes to BigInteger[], a uint32[] one to long[]. */
    private static List<BigInteger> shapeOf(Object dims) {
        List<BigInteger> out = new ArrayList<>();
        switch (dims) {
            case BigInteger[] big -> out.addAll(List.of(big));
            case long[] small -> {
                for (long d : small) {
                    out.add(BigInteger.valueOf(d));
                }
            }
            default -> throw new IllegalArgumentException("a shape of " + dims.getClass().getSimpleName());
        }
        return out;
    }
}
