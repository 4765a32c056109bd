package io.proofdesk.chain.sync;

import com.esaulpaugh.headlong.abi.Address;
import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.AbiTypes;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The relay's IndividualSettlement and BatchSettlement logs through headlong, into the generated wrapper's own event
 * objects. The wrapper (web3j) takes some 100 us a log, mostly hashing the event's signature again and its reflective
 * decoding; a sync reads one settlement log per TEE record (48,552 for the demo network's 100,000 inferences). The
 * types are the wrapper's: each event's signature is made from its {@link Event}'s parameters and must hash to the
 * wrapper's topic0. Anything headlong refuses (a non-canonical word, a topic count other than the event's, an address
 * topic with high bytes set) answers empty, and the caller decodes with the wrapper as before.
 */
final class StrictSettlementEvents {

    private static final Layout INDIVIDUAL = Layout.of(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);
    private static final Layout BATCH = Layout.of(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT);
    private static final TupleType<Tuple> ADDRESS_WORD = TupleType.parse("(address)");

    private StrictSettlementEvents() {
    }

    /** An event's topic0 (lower case), its indexed parameters' count, and its non-indexed ones as one tuple. */
    private record Layout(String topic0, int indexed, TupleType<Tuple> data) {
        static Layout of(Event event) {
            StringBuilder signature = new StringBuilder(event.getName()).append('(');
            StringBuilder data = new StringBuilder("(");
            int indexed = 0;
            for (TypeReference<?> p : event.getParameters()) {
                String type = typeOf(p);
                signature.append(signature.charAt(signature.length() - 1) == '(' ? "" : ",").append(type);
                if (p.isIndexed()) {
                    indexed++;
                } else {
                    data.append(data.length() == 1 ? "" : ",").append(type);
                }
            }
            String topic0 = EventEncoder.buildEventSignature(signature.append(')').toString());
            if (!topic0.equalsIgnoreCase(EventEncoder.encode(event))) {
                throw new IllegalStateException(signature + " does not hash to the wrapper's topic0");
            }
            return new Layout(topic0.toLowerCase(Locale.ROOT), indexed, TupleType.parse(data.append(')').toString()));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static String typeOf(TypeReference<?> p) {
            try {
                return AbiTypes.getTypeAString((Class) p.getClassType());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the wrapper's parameter type " + p.getType() + " is not loadable", e);
            }
        }

        /** The topics after topic0 as 32-byte words and the data decoded, or null when this log is not one. */
        Decoded decode(Log l) {
            List<String> topics = l.getTopics();
            if (topics == null || topics.size() != indexed + 1 || topics.getFirst() == null
                    || !topics.getFirst().equalsIgnoreCase(topic0)) {
                return null;
            }
            byte[][] words = new byte[indexed][];
            for (int i = 0; i < indexed; i++) {
                words[i] = StrictInferenceAbi.hexBytes(topics.get(i + 1));
                if (words[i] == null || words[i].length != 32) {
                    return null;
                }
            }
            byte[] data = StrictInferenceAbi.hexBytes(l.getData());
            return data == null ? null : new Decoded(words, data(data));
        }

        private Tuple data(byte[] data) {
            return this.data.decode(data);
        }
    }

    private record Decoded(byte[][] topics, Tuple data) {
    }

    /** The log as the wrapper's IndividualSettlement object, or empty when headlong refuses it. */
    static Optional<IInferenceSettlementRelay.IndividualSettlementEventResponse> individual(Log l) {
        try {
            Decoded d = INDIVIDUAL.decode(l);
            if (d == null) {
                return Optional.empty();
            }
            Address eth = ADDRESS_WORD.decode(d.topics()[1]).get(0);
            var e = new IInferenceSettlementRelay.IndividualSettlementEventResponse();
            e.log = l;
            e.teeId = d.topics()[0];
            e.ethAddress = eth.toString().toLowerCase(Locale.ROOT); // web3j's Address prints lower case
            e.inputHash = d.data().get(0);
            e.outputHash = d.data().get(1);
            e.timestamp = d.data().<BigInteger>get(2);
            e.walrusBlobId = d.data().get(3);
            e.signature = d.data().get(4);
            return Optional.of(e);
        } catch (RuntimeException | OutOfMemoryError refused) {
            return Optional.empty();
        }
    }

    /** The log as the wrapper's BatchSettlement object, or empty when headlong refuses it. */
    static Optional<IInferenceSettlementRelay.BatchSettlementEventResponse> batch(Log l) {
        try {
            Decoded d = BATCH.decode(l);
            if (d == null) {
                return Optional.empty();
            }
            var e = new IInferenceSettlementRelay.BatchSettlementEventResponse();
            e.log = l;
            e.merkleRoot = d.topics()[0];
            e.batchSize = d.data().get(0);
            e.walrusBlobId = d.data().get(1);
            return Optional.of(e);
        } catch (RuntimeException | OutOfMemoryError refused) {
            return Optional.empty();
        }
    }
}
