package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.node.ModelInputsCodec;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.OutputTensorJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.TypeEncoder;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seeder builds inference-contract records from the inputs it sent, without reading its own request back: the
 * ABI encoding must be the one the request's JSON, parsed as an auditor would, gives.
 */
class SettlementPreparerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<ZooModel> models() {
        return ModelZoo.standard().models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @DisplayName("an on-chain record built from the sent inputs encodes exactly as one built from the parsed request")
    void onChainRecordFromSentInputs(ZooModel model, @TempDir Path dir) throws Exception {
        ModelZoo zoo = ModelZoo.standard();
        ModelInputsJson sent = new ModelInputsCodec().encode(zoo.sampleInput(model, 42).values());
        InferRequestJson request = new InferRequestJson("bafy-test", JSON.writeValueAsString(sent));
        ModelInputsJson parsed = JSON.readValue(request.modelInputs(), ModelInputsJson.class);
        var result = JsonNodeFactory.instance.arrayNode().add(0.25).add(-1.5e-3).add(7.0);
        InferResponseJson response = new InferResponseJson(List.of(new OutputTensorJson("y", List.of(1L, 3L), result, "float32")),
                "00", "c2ln", "0x" + "11".repeat(32), "0x" + "22".repeat(32), 1_700_000_000L, "0x" + "33".repeat(32));
        PlannedRecord plan = new PlannedRecord(0, model.name(), model.version(), 0, InferenceMode.VANILLA,
                Settlement.ONCHAIN, null, 42);
        SettlementPreparer preparer = new SettlementPreparer(new BlobStoreService(dir), "0x" + "44".repeat(20));

        var fromSent = (PreparedSettlement.OnChain) preparer.prepare(plan, "bafy-test", request, sent, response);
        var fromParsed = (PreparedSettlement.OnChain) preparer.prepare(plan, "bafy-test", request, parsed, response);

        assertEquals(encode(fromParsed.record()), encode(fromSent.record()));
        assertEquals(fromParsed.calldataWeight(), fromSent.calldataWeight());
    }

    private static String encode(Inference.InferenceRecord record) {
        return TypeEncoder.encode(record);
    }
}
