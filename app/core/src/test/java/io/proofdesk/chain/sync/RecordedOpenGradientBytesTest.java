package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real bytes of the first (no shape) generation: calldata and InferenceResult logs OpenGradient's SDK sent to and
 * received from their 2024 devnet, recorded in its own notebook (resource {@code opengradient/recorded/}, source named
 * in the file). What Proofdesk decodes must equal what that SDK printed.
 */
class RecordedOpenGradientBytesTest {

    private static JsonNode records() throws IOException {
        try (InputStream in = RecordedOpenGradientBytesTest.class.getResourceAsStream(
                "/opengradient/recorded/sdk-test-run-inference.json")) {
            return new ObjectMapper().readTree(in).get("records");
        }
    }

    @Test
    void realLogsDecodeToWhatTheSdkPrinted() throws IOException {
        JsonNode rs = records();
        assertEquals(2, rs.size());
        // SDK: ModelOutput(numbers=[NumberTensor(name='output', values=[Number(value=38972780704498291015625,
        // decimals=22)])], strings=[], is_simulation_result=False); the second run: value 38972990512847900390625
        List<String> expected = List.of("38972780704498291015625", "38972990512847900390625");
        for (int i = 0; i < 2; i++) {
            JsonNode log = rs.get(i).get("log");
            String topic0 = log.get("topics").get(0).asText();
            assertEquals(InferenceResultLogs.NO_SHAPE, topic0);
            Log l = new Log();
            l.setAddress(log.get("address").asText());
            l.setTopics(List.of(topic0));
            l.setData(log.get("data").asText());
            ChainModelData out = InferenceResultLogs.layout(topic0).decoder().apply(l);
            // headlong answered (the fast path), and as the generated wrapper does
            assertEquals(out, InferenceResultLogs.strictOnly(l).orElseThrow());
            assertEquals(ChainModelData.of(io.proofdesk.chain.contracts.IInferenceNoShape
                    .getInferenceResultEventFromLog(l).output), out);
            assertEquals(1, out.numbers().size());
            assertEquals(0, out.strings().size());
            ChainTensor t = out.numbers().getFirst();
            assertEquals("output", t.name());
            assertEquals(1, t.values().size());
            assertEquals(new BigInteger(expected.get(i)), t.values().getFirst().value());
            assertEquals(BigInteger.valueOf(22), t.values().getFirst().decimals());
            assertEquals(List.of(BigInteger.ONE), t.shape());
            // the exact claim, as the store keeps it: 38972780704498291015625 / 10^22
            assertEquals(i == 0 ? "3.8972780704498291015625" : "3.8972990512847900390625",
                    FixedPointClaims.text(t.values().getFirst()));
        }
    }

    @Test
    void realCalldataDecodesToWhatTheSdkPrinted() throws IOException, RecordProblem {
        JsonNode rs = records();
        // SDK: Model ID QmbbzDwqSxZSgkz1EbsNHp2mb67rYeUYHYWJ4wECE24S7A, mode VANILLA, ModelInput(numbers=[NumberTensor(
        // name='input', values=[Number(value=9063666636666666, decimals=37), Number(value=4486390083646311 (second
        // run: 4486495083646311), decimals=16)])], strings=[])
        List<String> second = List.of("4486390083646311", "4486495083646311");
        InferenceCalls calls = new InferenceCalls();
        for (int i = 0; i < 2; i++) {
            String calldata = rs.get(i).get("calldata").asText();
            assertEquals("0x17f7542e", calldata.substring(0, 10));
            List<InferenceCalls.CallRecord> r = calls.decode(calldata);
            // headlong answered (the fast path), and as web3j does
            assertEquals(r, calls.strictOnly(calldata).orElseThrow());
            assertEquals(calls.web3jOnly(calldata), r);
            assertEquals(1, r.size());
            assertEquals("QmbbzDwqSxZSgkz1EbsNHp2mb67rYeUYHYWJ4wECE24S7A", r.getFirst().modelId());
            assertEquals(BigInteger.ZERO, r.getFirst().mode());
            ChainTensor in = r.getFirst().input().numbers().getFirst();
            assertEquals("input", in.name());
            List<String> pairs = new ArrayList<>();
            in.values().forEach(v -> pairs.add(v.value() + "/" + v.decimals()));
            assertEquals(List.of("9063666636666666/37", second.get(i) + "/16"), pairs);
            assertEquals(0, r.getFirst().input().strings().size());
        }
    }
}
