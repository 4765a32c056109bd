package io.proofdesk.verify;

import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.sync.RecordProblem;
import io.proofdesk.chain.sync.SettledTensors;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.ModelSignature;
import io.proofdesk.verify.checks.SettlementEvents;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * On-chain records as the inference contract makes them: the input in the calldata of a signed {@code runWithResult}
 * transaction, the output in its {@code InferenceResult} log (both ABI-encoded by web3j through the generated wrapper's
 * structs, fixed-point numbers as the demo nodes write them), and the tensors the sync stores for them.
 */
final class OnChainRecords {

    static final String INFERENCE = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
    /** Anvil's first development key: a real signer for the transactions. */
    private static final Credentials CALLER =
            Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    /** The chain's side of one record, and what the sync stores for it. */
    record Made(byte[] rawTransaction, LogFacts log, List<Tensor> inputs, List<Tensor> outputs) {
    }

    private final FixedPointCodec codec = new FixedPointCodec();
    private final AtomicLong nonce = new AtomicLong();

    Made make(String modelCid, ModelSignature signature, Collection<Tensor> inputs, List<Tensor> outputs, long logIndex) {
        IInference.ModelInput in = new IInference.ModelInput(inputs.stream().map(this::chainTensor).toList(), List.of());
        IInference.ModelOutput out = new IInference.ModelOutput(outputs.stream().map(this::chainTensor).toList(),
                List.of(), false);
        String calldata = FunctionEncoder.encode(new Function(IInference.FUNC_RUNWITHRESULT,
                List.of(new Utf8String(modelCid), new Uint8(0), in, out), List.of()));
        byte[] raw = TransactionEncoder.signMessage(RawTransaction.createTransaction(
                BigInteger.valueOf(nonce.getAndIncrement()), BigInteger.ONE, BigInteger.valueOf(30_000_000), INFERENCE,
                BigInteger.ZERO, calldata), 31337L, CALLER);
        @SuppressWarnings({"rawtypes", "unchecked"})
        String data = "0x" + FunctionEncoder.encodeConstructor((List<Type>) (List) List.of(out));
        LogFacts log = new LogFacts(logIndex, INFERENCE, List.of(SettlementEvents.INFERENCE_RESULT_TOPIC), data);
        try {
            SettledTensors.OnChain stored = new SettledTensors().onChain(calldata, INFERENCE, List.of(log), logIndex,
                    signature.inputs(), signature.outputs());
            return new Made(raw, log, stored.inputs(), stored.outputs());
        } catch (RecordProblem e) {
            throw new IllegalStateException("the sync cannot read the record it was given: " + e.getMessage(), e);
        }
    }

    private IInference.MultiDimensionalNumberTensor chainTensor(Tensor t) {
        FixedPointTensor fp = codec.encode(t);
        List<IInference.Number> values = new ArrayList<>(fp.values().size());
        for (FixedPointNumber n : fp.values()) {
            values.add(new IInference.Number(n.value(), n.decimals()));
        }
        List<BigInteger> shape = new ArrayList<>();
        for (long d : fp.shape()) {
            shape.add(BigInteger.valueOf(d));
        }
        return new IInference.MultiDimensionalNumberTensor(t.name(), values, shape);
    }
}
