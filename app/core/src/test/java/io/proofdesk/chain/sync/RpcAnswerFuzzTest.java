package io.proofdesk.chain.sync;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.node.http.HttpClients;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.web3j.protocol.core.methods.response.Log;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an RPC endpoint answers, as the sync reads it ({@link RpcEndpoint}: web3j's parsing behind a size-capped
 * client, then Proofdesk's checks). The first byte picks the call (chain id, head, a header, a batch of headers, a
 * log range, a batch of transactions); the rest is the HTTP body the endpoint answers with, served in-process. Any
 * answer is a checked result or a {@link SyncException} naming the endpoint (a refused log range is a
 * {@link RangeRefusedException}).
 */
class RpcAnswerFuzzTest {

    private static final String URL = "http://rpc.fuzz.invalid/";
    private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String TX1 = "0x" + "01".repeat(32);
    private static final String TX2 = "0x" + "02".repeat(32);
    /** Small enough for the fuzzer to reach the size cap. */
    private static final long MAX_ANSWER_BYTES = 16 * 1024;
    private static final ThreadLocal<byte[]> ANSWER = new ThreadLocal<>();
    private static final RpcEndpoint RPC = new RpcEndpoint(URL, client());

    private static OkHttpClient client() {
        return HttpClients.capped(MAX_ANSWER_BYTES, Duration.ofSeconds(5)).newBuilder()
                .addInterceptor(chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                        .code(200).message("OK")
                        .body(ResponseBody.create(ANSWER.get(), MediaType.get("application/json"))).build())
                .build();
    }

    /** What ChunkReader relies on in every log {@link RpcEndpoint#logs} returns. */
    private static void complete(Log l) {
        assertTrue(l.getBlockNumber().longValueExact() <= 100);
        assertEquals(CONTRACT, l.getAddress().toLowerCase(Locale.ROOT));
        assertNotNull(l.getTransactionHash());
        assertNotNull(l.getData());
        assertFalse(l.getTopics().isEmpty());
        l.getTopics().forEach(t -> assertNotNull(t, "a topic is null"));
    }

    @FuzzTest(maxDuration = "5m")
    void answer(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ANSWER.set(Arrays.copyOfRange(input, 1, input.length));
        try {
            switch ((input[0] & 0xff) % 6) {
                case 0 -> assertTrue(RPC.chainId() >= 0);
                case 1 -> assertTrue(RPC.headNumber() >= 0);
                case 2 -> assertEquals(7, RPC.header(7).number());
                case 3 -> RPC.headers(List.of(7L, 8L)).forEach((n, ref) -> assertEquals((long) n, ref.number()));
                case 4 -> RPC.logs(new BlockRange(1, 100), List.of(CONTRACT), List.of("0x" + "ab".repeat(32)))
                        .forEach(RpcAnswerFuzzTest::complete);
                default -> assertEquals(2, RPC.transactions(List.of(TX1, TX2)).size());
            }
        } catch (SyncException | RangeRefusedException expected) {
            // the sync stops with a sentence naming the endpoint, or shrinks the log range
        } finally {
            ANSWER.remove();
        }
    }
}
