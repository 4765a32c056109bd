package io.proofdesk.devnet.chain;

import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Deterministic, realistically sized settlement records: 256-byte signatures, 43-char blob ids. */
final class SettlementRecords {
    record Record(byte[] teeId, byte[] inputHash, byte[] outputHash, BigInteger timestamp, String ethAddress,
            byte[] blobId, byte[] signature) {
    }

    private SettlementRecords() {
    }

    static Record record(int seed) {
        byte[] base = Hash.sha3(("record " + seed).getBytes(StandardCharsets.UTF_8));
        byte[] signature = new byte[256];
        for (int i = 0; i < signature.length; i += 32) {
            System.arraycopy(Hash.sha3(concat(base, i)), 0, signature, i, 32);
        }
        String blobId = Base64.getUrlEncoder().withoutPadding().encodeToString(Hash.sha3(base)).substring(0, 43);
        return new Record(Hash.sha3(concat(base, 1)), Hash.sha3(concat(base, 2)), Hash.sha3(concat(base, 3)),
                BigInteger.valueOf(1_760_000_000L + seed), Numeric.toHexString(Hash.sha3(concat(base, 4))).substring(0, 42),
                blobId.getBytes(StandardCharsets.US_ASCII), signature);
    }

    static List<Record> records(int firstSeed, int count) {
        List<Record> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record(firstSeed + i));
        }
        return records;
    }

    static List<InferenceSettlementRelay.Settlement> asStructs(List<Record> records) {
        return records.stream().map(r -> new InferenceSettlementRelay.Settlement(r.teeId(), r.inputHash(),
                r.outputHash(), r.timestamp(), r.ethAddress(), r.blobId(), r.signature())).toList();
    }

    private static byte[] concat(byte[] base, int tag) {
        byte[] out = new byte[base.length + 1];
        System.arraycopy(base, 0, out, 0, base.length);
        out[base.length] = (byte) tag;
        return out;
    }
}
