package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.chain.Web3jChainReader;
import io.proofdesk.domain.DType;
import io.proofdesk.reexec.Dim;
import io.proofdesk.reexec.TensorSpec;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenGradient's SDK talking to their 2024 devnet, replayed: a JSON-RPC server on 127.0.0.1 serves the answers the
 * SDK's own notebook recorded (resource {@code opengradient/recorded/sdk-test-run-inference-rpc.json}, source in its
 * README), and Proofdesk's chain reader and decoders, pointed at it, read back what the SDK printed. The recording
 * has no eth_getLogs, blocks or transactions, so the sync itself cannot run on it: the receipts are read through
 * {@link Web3jChainReader} and their logs decoded, with the transaction's calldata as the SDK logged it ("Transaction
 * built"), through the sync's own decoders (InferenceCalls, InferenceResultLogs, TensorDecoder). The whole record as
 * {@link SettledTensors#onChain} reads it is refused: its input has decimals 37, past what the network's node accepts.
 */
class RecordedRpcReplayTest {

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = RecordedRpcReplayTest.class.getResourceAsStream("/opengradient/recorded/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theSdksRecordedTrafficDecodesToWhatTheSdkPrinted() throws Exception {
        JsonNode calls = resource("sdk-test-run-inference.json").get("records");
        // SDK printed: ModelOutput(numbers=[NumberTensor(name='output', values=[Number(value=..., decimals=22)])])
        List<String> printedOutput = List.of("38972780704498291015625", "38972990512847900390625");
        List<String> printedSecondInput = List.of("4486390083646311", "4486495083646311");
        // web3.py polled each receipt until the chain had it: 8 answers for the first transaction, 7 for the second
        List<Integer> polls = List.of(8, 7);
        try (ReplayRpcServer rpc = ReplayRpcServer.ofResource("/opengradient/recorded/sdk-test-run-inference-rpc.json");
             Web3jChainReader chain = new Web3jChainReader(rpc.url(), Duration.ofSeconds(5))) {
            Web3j web3j = Web3j.build(new HttpService(rpc.url()));
            try {
                assertEquals(new BigInteger("2970285607590380"), web3j.ethChainId().send().getChainId());
                assertEquals("0.38.5", web3j.web3ClientVersion().send().getWeb3ClientVersion());
                assertTrue(web3j.ethBlockNumber().send().hasError(), "nothing unrecorded is answered");
            } finally {
                web3j.shutdown();
            }
            for (int i = 0; i < 2; i++) {
                JsonNode call = calls.get(i);
                String tx = call.get("txHash").asText();
                Optional<ReceiptFacts> receipt = Optional.empty();
                int asked = 0;
                while (receipt.isEmpty() && asked < 20) {
                    receipt = chain.receipt(tx);
                    asked++;
                }
                assertEquals(polls.get(i), asked, "the recorded answers are served in order");
                ReceiptFacts r = receipt.orElseThrow();
                assertTrue(r.success());
                assertEquals(Long.decode(call.get("blockNumber").asText()), r.blockNumber());
                assertEquals(call.get("blockHash").asText(), r.blockHash());
                assertEquals(1, r.logs().size());
                LogFacts log = r.logs().getFirst();
                assertEquals(InferenceResultLogs.NO_SHAPE, log.topics().getFirst());
                assertEquals(call.get("to").asText(), log.address());

                // the whole record as verification reads it refuses the input: decimals 37 is past what the
                // network's node accepts (it rejects decimals > 18), so this record could never be re-run
                RecordProblem refused = org.junit.jupiter.api.Assertions.assertThrows(RecordProblem.class,
                        () -> new SettledTensors().onChain(call.get("calldata").asText(), call.get("to").asText(),
                                r.logs(), log.logIndex(), List.of(new TensorSpec("input", DType.DOUBLE,
                                        List.of(Dim.of(2)))), null));
                assertEquals("input 'input' cannot be read as DOUBLE: tensor 'input' element 0: decimals 37 outside "
                        + "-18..18", refused.getMessage());

                // one layer down, the same decoders the sync uses: calldata -> InferenceCalls, log -> the layout
                // of its topic0 -> TensorDecoder's claimed outputs
                InferenceCalls.CallRecord run = new InferenceCalls().decode(call.get("calldata").asText()).getFirst();
                // SDK: Model ID QmbbzDwqSxZSgkz1EbsNHp2mb67rYeUYHYWJ4wECE24S7A, Inference mode: 0, ModelInput(numbers=[
                // NumberTensor(name='input', values=[Number(value=9063666636666666, decimals=37), Number(value=<printed>,
                // decimals=16)])])
                assertEquals("QmbbzDwqSxZSgkz1EbsNHp2mb67rYeUYHYWJ4wECE24S7A", run.modelId());
                assertEquals(BigInteger.ZERO, run.mode());
                assertEquals(List.of("9063666636666666/37", printedSecondInput.get(i) + "/16"), run.input().numbers()
                        .getFirst().values().stream().map(v -> v.value() + "/" + v.decimals()).toList());
                org.web3j.protocol.core.methods.response.Log web3Log = new org.web3j.protocol.core.methods.response.Log();
                web3Log.setAddress(log.address());
                web3Log.setTopics(log.topics());
                web3Log.setData(log.data());
                ChainModelData output = InferenceResultLogs.layout(log.topics().getFirst()).decoder().apply(web3Log);
                var outputs = new TensorDecoder().claimedOutputs(ChainTensor.toFixedPoint(output.numbers()),
                        output.strings(), null);
                // the claim is kept exactly: (value, decimals) as the SDK printed them
                var claim = FixedPointClaims.claims(outputs).get("output");
                assertEquals(new BigInteger(printedOutput.get(i)), claim.values().getFirst().value());
                assertEquals(BigInteger.valueOf(22), claim.values().getFirst().decimals());
                assertEquals(new BigDecimal(new BigInteger(printedOutput.get(i)), 22).doubleValue(),
                        FixedPointClaims.values(outputs).getFirst().toDoubles()[0]);
            }
        }
    }
}
