package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceU32;
import io.proofdesk.chain.contracts.IInferenceU32Jsons;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every InferenceResult layout Proofdesk decodes, by topic0 (the tuple type is part of the event signature, so each
 * layout has its own). Decoding is through the generated wrappers only; a topic0 not listed here is never decoded
 * with a guessed layout.
 */
public final class InferenceResultLogs {

    /** One layout: its topic0, a name for messages and docs, and its decoder. */
    record Layout(String topic0, String name, Function<Log, ChainModelData> decoder) {
    }

    static final String NO_SHAPE = EventEncoder.encode(IInferenceNoShape.INFERENCERESULT_EVENT);
    static final String INT256_SHAPE = EventEncoder.encode(IInference.INFERENCERESULT_EVENT);
    static final String UINT32_SHAPE = EventEncoder.encode(IInferenceU32.INFERENCERESULT_EVENT);
    static final String UINT32_JSONS = EventEncoder.encode(IInferenceU32Jsons.INFERENCERESULT_EVENT);
    /** The demo network's jsons layout (int256[] shape); OpenGradient's own jsons layout is {@link #UINT32_JSONS}. */
    static final String INT256_JSONS = EventEncoder.encode(IInferenceJsons.INFERENCERESULT_EVENT);

    private static final Map<String, Layout> LAYOUTS = new LinkedHashMap<>();

    static {
        put(NO_SHAPE, "InferenceResult (no shape)",
                l -> ChainModelData.of(IInferenceNoShape.getInferenceResultEventFromLog(l).output));
        put(INT256_SHAPE, "InferenceResult (int256[] shape)",
                l -> ChainModelData.of(IInference.getInferenceResultEventFromLog(l).output));
        put(UINT32_SHAPE, "InferenceResult (uint32[] shape)",
                l -> ChainModelData.of(IInferenceU32.getInferenceResultEventFromLog(l).output));
        put(UINT32_JSONS, "InferenceResult (uint32[] shape, jsons)",
                l -> ChainModelData.of(IInferenceU32Jsons.getInferenceResultEventFromLog(l).output));
        put(INT256_JSONS, "InferenceResult (int256[] shape, jsons; demo network)",
                l -> ChainModelData.of(IInferenceJsons.getInferenceResultEventFromLog(l).output));
    }

    private InferenceResultLogs() {
    }

    private static void put(String topic0, String name, Function<Log, ChainModelData> decoder) {
        LAYOUTS.put(topic0.toLowerCase(Locale.ROOT), new Layout(topic0.toLowerCase(Locale.ROOT), name, decoder));
    }

    /** The topic0 of every InferenceResult layout decoded, lower case. */
    public static List<String> topics() {
        return List.copyOf(LAYOUTS.keySet());
    }

    public static boolean isKnown(String topic0) {
        return topic0 != null && LAYOUTS.containsKey(topic0.toLowerCase(Locale.ROOT));
    }

    /** The layout of a known topic0; callers check {@link #isKnown} first. */
    static Layout layout(String topic0) {
        Layout l = LAYOUTS.get(topic0.toLowerCase(Locale.ROOT));
        if (l == null) {
            throw new IllegalArgumentException("no InferenceResult layout has topic0 " + topic0);
        }
        return l;
    }
}
