package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceU32;
import io.proofdesk.chain.contracts.IInferenceU32Jsons;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.Utils;
import org.web3j.protocol.core.methods.response.Log;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every InferenceResult layout Proofdesk decodes, by topic0 (the tuple type is part of the event signature, so each
 * layout has its own). Each is decoded by headlong with the wrapper's own event signature ({@link StrictInferenceAbi}),
 * and by the generated wrapper (web3j) when headlong refuses the data; a topic0 not listed here is never decoded with a
 * guessed layout.
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

    /** headlong first, with each wrapper's own event signature; web3j for what headlong refuses. */
    private static final StrictInferenceAbi STRICT = new StrictInferenceAbi();

    static {
        put(NO_SHAPE, "InferenceResult (no shape)", IInferenceNoShape.INFERENCERESULT_EVENT.getName(),
                IInferenceNoShape.ModelOutput.class, new StrictInferenceAbi.DataShape(false, false),
                l -> ChainModelData.of(IInferenceNoShape.getInferenceResultEventFromLog(l).output));
        put(INT256_SHAPE, "InferenceResult (int256[] shape)", IInference.INFERENCERESULT_EVENT.getName(),
                IInference.ModelOutput.class, new StrictInferenceAbi.DataShape(true, false),
                l -> ChainModelData.of(IInference.getInferenceResultEventFromLog(l).output));
        put(UINT32_SHAPE, "InferenceResult (uint32[] shape)", IInferenceU32.INFERENCERESULT_EVENT.getName(),
                IInferenceU32.ModelOutput.class, new StrictInferenceAbi.DataShape(true, false),
                l -> ChainModelData.of(IInferenceU32.getInferenceResultEventFromLog(l).output));
        put(UINT32_JSONS, "InferenceResult (uint32[] shape, jsons)", IInferenceU32Jsons.INFERENCERESULT_EVENT.getName(),
                IInferenceU32Jsons.ModelOutput.class, new StrictInferenceAbi.DataShape(true, true),
                l -> ChainModelData.of(IInferenceU32Jsons.getInferenceResultEventFromLog(l).output));
        put(INT256_JSONS, "InferenceResult (int256[] shape, jsons; demo network)",
                IInferenceJsons.INFERENCERESULT_EVENT.getName(), IInferenceJsons.ModelOutput.class,
                new StrictInferenceAbi.DataShape(true, true),
                l -> ChainModelData.of(IInferenceJsons.getInferenceResultEventFromLog(l).output));
    }

    private InferenceResultLogs() {
    }

    private static void put(String topic0, String name, String event, Class<?> output,
                            StrictInferenceAbi.DataShape shape, Function<Log, ChainModelData> web3j) {
        String topic = topic0.toLowerCase(Locale.ROOT);
        STRICT.event(topic, event, Utils.getStructType(output), shape);
        LAYOUTS.put(topic, new Layout(topic, name, l -> {
            byte[] data = StrictInferenceAbi.hexBytes(l.getData());
            return (data == null ? Optional.<ChainModelData>empty() : STRICT.output(topic, data))
                    .orElseGet(() -> web3j.apply(l));
        }));
    }

    /** headlong's answer alone (empty when it refuses or the topic is unknown), so tests can tell who answered. */
    static Optional<ChainModelData> strictOnly(Log l) {
        byte[] data = StrictInferenceAbi.hexBytes(l.getData());
        return data == null || l.getTopics().isEmpty() ? Optional.empty() : STRICT.output(l.getTopics().getFirst(), data);
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
