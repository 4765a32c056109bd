package io.proofdesk.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceJsons;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.exceptions.ContractCallException;

/**
 * The ONNX inference contracts: the output is recovered from the InferenceResult log and the input
 * from the transaction's calldata, both with the core wrappers, in both ModelOutput layouts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InferenceContractsTest {
    private static final String MODEL = "QmbUqS93oc4JTLMHwpVxsE39mhNxy6hpf6Py3r9oANr8aZ";
    private static final BigInteger TEE = BigInteger.TWO;

    private DevChain chain;

    @BeforeAll
    void start(@TempDir Path tmp) {
        chain = new DevChain(tmp);
    }

    @AfterAll
    void stop() {
        chain.close();
    }

    @Test
    void originalLayoutOutputFromTheLogAndInputFromCalldata() throws Exception {
        Inference inference = chain.contracts.inference();
        Inference.ModelInput input = new Inference.ModelInput(
                List.of(new Inference.MultiDimensionalNumberTensor("input",
                        List.of(n(-15, 1), n(25, 1), n(3, 0), n(-7, 2), n(Long.MAX_VALUE, 18), n(0, 0)),
                        List.of(BigInteger.TWO, BigInteger.valueOf(3)))),
                List.of(new Inference.StringTensor("labels", List.of("cat", "dög"))));
        Inference.ModelOutput output = new Inference.ModelOutput(
                List.of(new Inference.MultiDimensionalNumberTensor("probs", List.of(n(812, 3), n(188, 3)),
                        List.of(BigInteger.ONE, BigInteger.TWO))),
                List.of(), false);

        TransactionReceipt receipt = inference.runWithResult(MODEL, TEE, input, output).send();

        List<Log> logs = chain.logs(inference.getContractAddress(), IInference.INFERENCERESULT_EVENT, receipt);
        assertEquals(1, logs.size());
        IInference.ModelOutput logged = IInference.getInferenceResultEventFromLog(logs.get(0)).output;
        assertEquals("probs", logged.numbers.get(0).name);
        assertEquals(List.of(BigInteger.valueOf(812), BigInteger.valueOf(188)),
                logged.numbers.get(0).values.stream().map(v -> v.value).toList());
        assertEquals(List.of(BigInteger.valueOf(3), BigInteger.valueOf(3)),
                logged.numbers.get(0).values.stream().map(v -> v.decimals).toList());
        assertEquals(List.of(BigInteger.ONE, BigInteger.TWO), logged.numbers.get(0).shape);
        assertTrue(logged.strings.isEmpty());
        assertFalse(logged.is_simulation_result);

        String calldata = transactionInput(receipt);
        IInference reader = IInference.load(inference.getContractAddress(), chain.session.web3j(),
                chain.session.transactionManager(), chain.session.gasProvider());
        List<Type> args = FunctionReturnDecoder.decode("0x" + calldata.substring(10), Utils.convert(List.of(
                new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                new TypeReference<IInference.ModelInput>() {}, new TypeReference<IInference.ModelOutput>() {})));
        assertEquals(MODEL, args.get(0).getValue());
        assertEquals(TEE, args.get(1).getValue());
        IInference.ModelInput decodedInput = (IInference.ModelInput) args.get(2);
        assertEquals("input", decodedInput.numbers.get(0).name);
        assertEquals(List.of(BigInteger.valueOf(-15), BigInteger.valueOf(25), BigInteger.valueOf(3),
                BigInteger.valueOf(-7), BigInteger.valueOf(Long.MAX_VALUE), BigInteger.ZERO),
                decodedInput.numbers.get(0).values.stream().map(v -> v.value).toList());
        assertEquals(List.of(BigInteger.TWO, BigInteger.valueOf(3)), decodedInput.numbers.get(0).shape);
        assertEquals(List.of("cat", "dög"), decodedInput.strings.get(0).values);
        // the core wrapper re-encodes the decoded call to the very bytes that were sent
        assertEquals(calldata, reader.runWithResult(MODEL, TEE, decodedInput, (IInference.ModelOutput) args.get(3))
                .encodeFunctionCall());

        // the real network's `run(modelId, mode, input)` calldata decodes with the same first three types
        String runCalldata = reader.run(MODEL, TEE, decodedInput).encodeFunctionCall();
        List<Type> runArgs = FunctionReturnDecoder.decode("0x" + runCalldata.substring(10), Utils.convert(List.of(
                new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                new TypeReference<IInference.ModelInput>() {})));
        assertEquals(MODEL, runArgs.get(0).getValue());
        assertEquals(decodedInput.numbers.get(0).values.size(),
                ((IInference.ModelInput) runArgs.get(2)).numbers.get(0).values.size());
        assertNotEquals(calldata.substring(0, 10), runCalldata.substring(0, 10), "selectors tell the two calls apart");
    }

    @Test
    void manyRecordsInOneTransactionMapLogKToCalldataRecordK() throws Exception {
        Inference inference = chain.contracts.inference();
        List<Inference.InferenceRecord> records = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            records.add(new Inference.InferenceRecord("model-" + k, BigInteger.valueOf(k),
                    new Inference.ModelInput(List.of(new Inference.MultiDimensionalNumberTensor("in",
                            List.of(n(k, 0), n(-k, 1)), List.of(BigInteger.TWO))), List.of()),
                    new Inference.ModelOutput(List.of(new Inference.MultiDimensionalNumberTensor("out",
                            List.of(n(100 + k, 2)), List.of(BigInteger.ONE))), List.of(), false)));
        }
        TransactionReceipt receipt = inference.runManyWithResults(records).send();

        List<Log> logs = chain.logs(inference.getContractAddress(), IInference.INFERENCERESULT_EVENT, receipt);
        String calldata = transactionInput(receipt);
        List<Type> args = FunctionReturnDecoder.decode("0x" + calldata.substring(10), Utils.convert(List.of(
                new TypeReference<DynamicArray<IInference.InferenceRecord>>() {})));
        @SuppressWarnings("unchecked")
        List<IInference.InferenceRecord> decoded = ((DynamicArray<IInference.InferenceRecord>) args.get(0)).getValue();
        assertEquals(3, logs.size());
        assertEquals(3, decoded.size());
        for (int k = 0; k < 3; k++) {
            IInference.ModelOutput logged = IInference.getInferenceResultEventFromLog(logs.get(k)).output;
            assertEquals(BigInteger.valueOf(100 + k), logged.numbers.get(0).values.get(0).value);
            assertEquals("model-" + k, decoded.get(k).modelId);
            assertEquals(BigInteger.valueOf(k), decoded.get(k).inferenceMode);
            assertEquals(BigInteger.valueOf(-k), decoded.get(k).modelInput.numbers.get(0).values.get(1).value);
        }
    }

    @Test
    void jsonsLayoutHasItsOwnTopicAndDecodes() throws Exception {
        InferenceJsons inference = chain.contracts.inferenceJsons();
        InferenceJsons.ModelInput input = new InferenceJsons.ModelInput(
                List.of(new InferenceJsons.MultiDimensionalNumberTensor("x", List.of(nj(1, 0)), List.of(BigInteger.ONE))),
                List.of());
        InferenceJsons.ModelOutput output = new InferenceJsons.ModelOutput(
                List.of(new InferenceJsons.MultiDimensionalNumberTensor("y", List.of(nj(-5, 1)), List.of(BigInteger.ONE))),
                List.of(new InferenceJsons.StringTensor("label", List.of("negative"))),
                List.of(new InferenceJsons.JsonTensor("meta", "{\"score\":-0.5}")), true);

        TransactionReceipt receipt = inference.runWithResult(MODEL, BigInteger.ZERO, input, output).send();

        assertNotEquals(EventEncoder.encode(IInference.INFERENCERESULT_EVENT),
                EventEncoder.encode(IInferenceJsons.INFERENCERESULT_EVENT));
        assertTrue(chain.logs(inference.getContractAddress(), IInference.INFERENCERESULT_EVENT, receipt).isEmpty(),
                "the original-layout topic does not match a jsons-layout log");
        List<Log> logs = chain.logs(inference.getContractAddress(), IInferenceJsons.INFERENCERESULT_EVENT, receipt);
        assertEquals(1, logs.size());
        IInferenceJsons.ModelOutput logged = IInferenceJsons.getInferenceResultEventFromLog(logs.get(0)).output;
        assertEquals(BigInteger.valueOf(-5), logged.numbers.get(0).values.get(0).value);
        assertEquals(List.of("negative"), logged.strings.get(0).values);
        assertEquals("meta", logged.jsons.get(0).name);
        assertEquals("{\"score\":-0.5}", logged.jsons.get(0).value);
        assertTrue(logged.is_simulation_result);

        String calldata = transactionInput(receipt);
        List<Type> args = FunctionReturnDecoder.decode("0x" + calldata.substring(10), Utils.convert(List.of(
                new TypeReference<Utf8String>() {}, new TypeReference<Uint8>() {},
                new TypeReference<IInferenceJsons.ModelInput>() {})));
        assertEquals(MODEL, args.get(0).getValue());
        assertEquals(BigInteger.ZERO, args.get(1).getValue());
        assertEquals("x", ((IInferenceJsons.ModelInput) args.get(2)).numbers.get(0).name);
    }

    @Test
    void runItselfNeedsThePrecompileAndRevertsOnTheDemoNetwork() {
        Inference inference = chain.contracts.inference();
        Inference.ModelInput input = new Inference.ModelInput(List.of(), List.of());
        // web3j simulates the call first and stops at the revert (custom error InferencePrecompileUnavailable)
        ContractCallException e = assertThrows(ContractCallException.class,
                () -> inference.run(MODEL, BigInteger.ZERO, input).send());
        assertTrue(e.getMessage().contains("reverted"), e.getMessage());
    }

    private String transactionInput(TransactionReceipt receipt) throws java.io.IOException {
        return chain.session.web3j().ethGetTransactionByHash(receipt.getTransactionHash()).send().getTransaction()
                .orElseThrow().getInput();
    }

    private static Inference.Number n(long value, long decimals) {
        return new Inference.Number(BigInteger.valueOf(value), BigInteger.valueOf(decimals));
    }

    private static InferenceJsons.Number nj(long value, long decimals) {
        return new InferenceJsons.Number(BigInteger.valueOf(value), BigInteger.valueOf(decimals));
    }
}
