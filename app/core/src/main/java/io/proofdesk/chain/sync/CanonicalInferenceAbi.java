package io.proofdesk.chain.sync;

import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.reexec.FixedPointNumber;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A direct decoder of the inference contract's ABI values — {@code runManyWithResults(InferenceRecord[])} calldata
 * and the {@code InferenceResult(ModelOutput)} event data, in both ModelOutput layouts — and of the relay's
 * {@code IndividualSettlement} logs, for encodings in canonical
 * form only: every offset points exactly where a standard encoder puts that value (right after the previous one),
 * every padding byte is zero, every {@code int128}/{@code uint8}/{@code bool} word is properly sign- or zero-extended
 * and nothing follows the last value. On those the answer equals the generated web3j wrappers' (the sync's reference
 * decoder, checked by a test against it); anything else is {@link NotCanonical} and the caller decodes it with the
 * wrappers as before, so odd or hostile encodings get exactly the wrappers' result or error.
 *
 * <p>Why: web3j's reflective decoder re-hexes and re-parses every 32-byte word through substrings and regular
 * expressions, and was most of a sync's CPU time (a devnet chunk's 8 MB of calldata).
 */
final class CanonicalInferenceAbi {

    /** The encoding is not in canonical form (or not this ABI at all): decode it the reference way. */
    static final class NotCanonical extends Exception {
        NotCanonical(String why) {
            super(why, null, false, false);
        }
    }

    private static final int WORD = 32;

    private final byte[] d;
    /** The absolute end of the value decoded last. */
    private int end;

    private CanonicalInferenceAbi(byte[] data) {
        this.d = data;
    }

    /** The records of {@code runManyWithResults} arguments (calldata after the selector). */
    static List<InferenceCalls.CallRecord> runMany(byte[] args, boolean jsonsLayout) throws NotCanonical {
        CanonicalInferenceAbi r = new CanonicalInferenceAbi(args);
        r.expectOffset(0, 0, WORD);
        List<InferenceCalls.CallRecord> records = r.dynamicArray(WORD, at -> r.record(at, jsonsLayout));
        r.expectEnd();
        return records;
    }

    /** The ModelOutput of an {@code InferenceResult} event's data. */
    static ChainModelData output(byte[] data, boolean jsonsLayout) throws NotCanonical {
        CanonicalInferenceAbi r = new CanonicalInferenceAbi(data);
        r.expectOffset(0, 0, WORD);
        ChainModelData out = r.modelOutput(WORD, jsonsLayout);
        r.expectEnd();
        return out;
    }

    /**
     * An {@code IndividualSettlement} log (topic0 exactly the event's, then teeId and the left-padded ethAddress;
     * data: inputHash, outputHash, timestamp, walrusBlobId, signature) as the wrapper's event response.
     */
    static IInferenceSettlementRelay.IndividualSettlementEventResponse individualSettlement(Log log, String topic0)
            throws NotCanonical {
        List<String> topics = log.getTopics();
        String data = log.getData();
        if (topics == null || topics.size() != 3 || !topic0.equals(topics.get(0)) || data == null
                || !data.startsWith("0x")) {
            throw new NotCanonical("not an IndividualSettlement log in canonical form");
        }
        byte[] teeId = topic(topics.get(1));
        byte[] address = topic(topics.get(2));
        for (int i = 0; i < 12; i++) {
            if (address[i] != 0) {
                throw new NotCanonical("address topic is not zero-padded");
            }
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(data, 2, data.length());
        } catch (IllegalArgumentException e) {
            throw new NotCanonical("data is not hex");
        }
        CanonicalInferenceAbi r = new CanonicalInferenceAbi(bytes);
        var e = new IInferenceSettlementRelay.IndividualSettlementEventResponse();
        e.log = log;
        e.teeId = teeId;
        e.ethAddress = "0x" + HexFormat.of().formatHex(address, 12, WORD);
        e.inputHash = r.word(0);
        e.outputHash = r.word(WORD);
        e.timestamp = new BigInteger(1, r.word(2 * WORD));
        r.expectOffset(0, 3 * WORD, 5 * WORD);
        e.walrusBlobId = r.bytes(5 * WORD);
        r.expectOffset(0, 4 * WORD, r.end);
        e.signature = r.bytes(r.end);
        r.expectEnd();
        return e;
    }

    private static byte[] topic(String t) throws NotCanonical {
        if (t == null || t.length() != 2 + 2 * WORD || !t.startsWith("0x")) {
            throw new NotCanonical("topic is not 32 bytes of hex");
        }
        try {
            return HexFormat.of().parseHex(t, 2, t.length());
        } catch (IllegalArgumentException e) {
            throw new NotCanonical("topic is not hex");
        }
    }

    private interface Element<T> {
        T at(int start) throws NotCanonical;
    }

    private InferenceCalls.CallRecord record(int s, boolean jsons) throws NotCanonical {
        int tail = s + 4 * WORD;
        expectOffset(s, 0, tail - s);
        String modelId = string(tail);
        BigInteger mode = uint8(s + WORD);
        expectOffset(s, 2 * WORD, end - s);
        ChainModelData input = modelInput(end);
        expectOffset(s, 3 * WORD, end - s);
        modelOutput(end, jsons); // decoded only to hold it to the same form as the rest
        return new InferenceCalls.CallRecord(modelId, mode, input);
    }

    private ChainModelData modelInput(int s) throws NotCanonical {
        expectOffset(s, 0, 2 * WORD);
        List<ChainTensor> numbers = dynamicArray(s + 2 * WORD, this::numberTensor);
        expectOffset(s, WORD, end - s);
        List<NamedStrings> strings = dynamicArray(end, this::stringTensor);
        return new ChainModelData(numbers, strings);
    }

    private ChainModelData modelOutput(int s, boolean jsons) throws NotCanonical {
        int headWords = jsons ? 4 : 3;
        expectOffset(s, 0, headWords * WORD);
        List<ChainTensor> numbers = dynamicArray(s + headWords * WORD, this::numberTensor);
        expectOffset(s, WORD, end - s);
        List<NamedStrings> strings = dynamicArray(end, this::stringTensor);
        if (jsons) {
            expectOffset(s, 2 * WORD, end - s);
            List<NamedStrings> all = new ArrayList<>(strings);
            all.addAll(dynamicArray(end, this::jsonTensor));
            strings = all;
        }
        int after = end;
        bool(s + (headWords - 1) * WORD);
        end = after;
        return new ChainModelData(numbers, strings);
    }

    private ChainTensor numberTensor(int s) throws NotCanonical {
        expectOffset(s, 0, 3 * WORD);
        String name = string(s + 3 * WORD);
        expectOffset(s, WORD, end - s);
        int n = length(end);
        int values = end + WORD;
        List<FixedPointNumber> numbers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = values + i * 2 * WORD;
            numbers.add(new FixedPointNumber(int128(at), int128(at + WORD)));
        }
        end = values + n * 2 * WORD;
        expectOffset(s, 2 * WORD, end - s);
        int m = length(end);
        int dims = end + WORD;
        List<BigInteger> shape = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            shape.add(new BigInteger(word(dims + i * WORD)));
        }
        end = dims + m * WORD;
        return new ChainTensor(name, numbers, shape);
    }

    private NamedStrings stringTensor(int s) throws NotCanonical {
        expectOffset(s, 0, 2 * WORD);
        String name = string(s + 2 * WORD);
        expectOffset(s, WORD, end - s);
        List<String> values = dynamicArray(end, this::string);
        return new NamedStrings(name, values, null);
    }

    private NamedStrings jsonTensor(int s) throws NotCanonical {
        expectOffset(s, 0, 2 * WORD);
        String name = string(s + 2 * WORD);
        expectOffset(s, WORD, end - s);
        String value = string(end);
        return new NamedStrings(name, List.of(value), new long[] {1});
    }

    /** An array of dynamic elements at {@code s}: length, then one offset per element, then the elements in order. */
    private <T> List<T> dynamicArray(int s, Element<T> element) throws NotCanonical {
        int n = length(s);
        int base = s + WORD;
        int tail = base + n * WORD;
        if (tail > d.length) {
            throw new NotCanonical("array heads past the end");
        }
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            expectOffset(base, i * WORD, tail - base);
            out.add(element.at(tail));
            tail = end;
        }
        end = tail;
        return out;
    }

    private String string(int s) throws NotCanonical {
        int len = checkedBytes(s);
        return new String(d, s + WORD, len, StandardCharsets.UTF_8);
    }

    /** A {@code bytes} value at {@code s}: length, then the bytes zero-padded to whole words. */
    private byte[] bytes(int s) throws NotCanonical {
        int len = checkedBytes(s);
        return java.util.Arrays.copyOfRange(d, s + WORD, s + WORD + len);
    }

    /** Checks the length and padding of a {@code bytes}/{@code string} at {@code s}; returns its length. */
    private int checkedBytes(int s) throws NotCanonical {
        int len = length(s);
        int from = s + WORD;
        int padded = (len + WORD - 1) / WORD * WORD;
        if (from + padded > d.length) {
            throw new NotCanonical("bytes past the end");
        }
        for (int i = from + len; i < from + padded; i++) {
            if (d[i] != 0) {
                throw new NotCanonical("padding is not zero");
            }
        }
        end = from + padded;
        return len;
    }

    /** The word at {@code base + slot} must be the offset {@code expected} (relative to {@code base}). */
    private void expectOffset(int base, int slot, int expected) throws NotCanonical {
        if (small(base + slot) != expected) {
            throw new NotCanonical("offset is not where a canonical encoder puts the value");
        }
    }

    /** A length word; also bounded by the data left, so a huge one cannot make a huge list. */
    private int length(int at) throws NotCanonical {
        int n = small(at);
        if (n > d.length) {
            throw new NotCanonical("length past the end");
        }
        return n;
    }

    /** A word holding a non-negative int (offsets, lengths). */
    private int small(int at) throws NotCanonical {
        check(at);
        for (int i = at; i < at + WORD - 4; i++) {
            if (d[i] != 0) {
                throw new NotCanonical("offset or length too large");
            }
        }
        int v = ((d[at + 28] & 0xff) << 24) | ((d[at + 29] & 0xff) << 16) | ((d[at + 30] & 0xff) << 8)
                | (d[at + 31] & 0xff);
        if (v < 0) {
            throw new NotCanonical("offset or length too large");
        }
        return v;
    }

    private BigInteger int128(int at) throws NotCanonical {
        check(at);
        byte sign = (d[at + 16] & 0x80) == 0 ? 0 : (byte) 0xff;
        for (int i = at; i < at + 16; i++) {
            if (d[i] != sign) {
                throw new NotCanonical("int128 word is not sign-extended");
            }
        }
        return new BigInteger(d, at, WORD);
    }

    private BigInteger uint8(int at) throws NotCanonical {
        check(at);
        for (int i = at; i < at + WORD - 1; i++) {
            if (d[i] != 0) {
                throw new NotCanonical("uint8 word is not zero-extended");
            }
        }
        return BigInteger.valueOf(d[at + WORD - 1] & 0xff);
    }

    private void bool(int at) throws NotCanonical {
        check(at);
        for (int i = at; i < at + WORD - 1; i++) {
            if (d[i] != 0) {
                throw new NotCanonical("bool word is not 0 or 1");
            }
        }
        if ((d[at + WORD - 1] & 0xfe) != 0) {
            throw new NotCanonical("bool word is not 0 or 1");
        }
    }

    private byte[] word(int at) throws NotCanonical {
        check(at);
        return java.util.Arrays.copyOfRange(d, at, at + WORD);
    }

    private void check(int at) throws NotCanonical {
        if (at < 0 || at > d.length - WORD) {
            throw new NotCanonical("word past the end");
        }
    }

    private void expectEnd() throws NotCanonical {
        if (end != d.length) {
            throw new NotCanonical("bytes after the last value");
        }
    }
}
