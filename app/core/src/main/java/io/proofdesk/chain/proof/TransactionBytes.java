package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.AuthorizationTuple;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed encoding of a transaction (what the transactions trie stores, and what its hash is the keccak of),
 * rebuilt from a JSON-RPC transaction object with web3j's encoders: legacy, EIP-2930, EIP-1559, EIP-4844 (without
 * blobs, as blocks hold it) and EIP-7702. The result must hash to the object's {@code hash}, so a field an endpoint
 * changed (calldata, recipient, value) cannot pass.
 */
public final class TransactionBytes {
    /**
     * Where each type's calldata is in web3j's field values: legacy [nonce, gasPrice, gas, to, value, data, ...];
     * EIP-2930 [chainId, nonce, gasPrice, gas, to, value, data, ...]; EIP-1559, EIP-4844 (its payload) and EIP-7702
     * [chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, ...].
     */
    private static final int[] CALLDATA_FIELD = {5, 6, 7, 7, 7};

    private TransactionBytes() {
    }

    /** The signed encoding; throws {@link TransactionHashMismatchException} if it does not hash to {@code hash}. */
    public static byte[] fromJson(JsonNode tx, String where) {
        return checked(tx, where).encoded();
    }

    /**
     * A transaction rebuilt from its JSON-RPC fields and checked against its hash: the encoding, its keccak, and what
     * it says. The fields are exactly those the checked encoding was built from, so once the encoding is in a proved
     * trie they are proved too, without decoding the encoding again (which costs as much as building it: the
     * calldata is hex-decoded and hashed once more).
     */
    record Checked(byte[] encoded, byte[] hash, SignedTransaction transaction) {
    }

    static Checked checked(JsonNode tx, String where) {
        return checked(tx, where, Map.of());
    }

    /**
     * As above; {@code decoded} holds calldata already decoded from a JSON text node, by that node (identity): the
     * bytes of this transaction's {@code input} node are taken from there instead of decoding its hex again.
     */
    static Checked checked(JsonNode tx, String where, Map<JsonNode, byte[]> decoded) {
        RpcFields f = new RpcFields(tx, where);
        BigInteger typeField = f.has("type") ? f.quantity("type") : BigInteger.ZERO;
        int type = typeField.bitLength() > 8 ? -1 : typeField.intValue();
        byte[] known = decoded.isEmpty() ? null : decoded.get(tx.get("input"));
        byte[] input = type < 0 || type > 4 ? null : known != null ? known : f.bytes("input");
        byte[] encoded = switch (type) {
            case 0 -> withCalldata(0, TransactionEncoder.asRlpValues(legacy(f), new Sign.SignatureData(
                    EthHeader.minimal(f.quantity("v")), word(f, "r"), word(f, "s"))), input);
            case 1 -> withCalldata(1, TransactionEncoder.asRlpValues(RawTransaction.createTransaction(chainId(f),
                    f.quantity("nonce"), f.quantity("gasPrice"), f.quantity("gas"), to(f), f.quantity("value"), "",
                    accessList(f)), typedSignature(f)), input);
            case 2 -> withCalldata(2, TransactionEncoder.asRlpValues(RawTransaction.createTransaction(chainId(f),
                    f.quantity("nonce"), f.quantity("gas"), to(f), f.quantity("value"), "",
                    f.quantity("maxPriorityFeePerGas"), f.quantity("maxFeePerGas"), accessList(f)),
                    typedSignature(f)), input);
            case 3 -> blob(f, input);
            case 4 -> withCalldata(4, TransactionEncoder.asRlpValues(RawTransaction.createTransaction(chainId(f),
                    f.quantity("nonce"), f.quantity("maxPriorityFeePerGas"), f.quantity("maxFeePerGas"),
                    f.quantity("gas"), to(f), f.quantity("value"), "", accessList(f), authorizations(f)),
                    typedSignature(f)), input);
            default -> throw new ProofInputException(where + ": transaction type 0x" + typeField.toString(16)
                    + " is not an Ethereum type (0-4); unsupported");
        };
        byte[] claimed = f.fixed("hash", 32);
        byte[] computed = Hash.sha3(encoded);
        if (!Arrays.equals(claimed, computed)) {
            throw new TransactionHashMismatchException(where, RpcFields.hex(claimed), RpcFields.hex(computed));
        }
        String to = to(f);
        return new Checked(encoded, computed, new SignedTransaction(type, RpcFields.hex(computed),
                to == null ? Optional.empty() : Optional.of(to), input, f.quantity("value"), f.quantity("nonce")));
    }

    private static RawTransaction legacy(RpcFields f) {
        return RawTransaction.createTransaction(f.quantity("nonce"), f.quantity("gasPrice"), f.quantity("gas"),
                to(f), f.quantity("value"), "");
    }

    /**
     * What {@link TransactionEncoder#encode} gives for this transaction with {@code input} as its calldata:
     * {@code fields} are web3j's values of the transaction built with empty calldata, and the calldata goes in as
     * bytes. web3j takes calldata only as a hex string, which it parses once more; for a block of inference calls
     * that is megabytes of hex per block formatted and parsed for nothing.
     */
    static byte[] withCalldata(int type, List<RlpType> fields, byte[] input) {
        List<RlpType> values = new ArrayList<>(fields);
        int at = CALLDATA_FIELD[type];
        if (!(values.get(at) instanceof RlpString empty) || empty.getBytes().length != 0) {
            throw new IllegalStateException("web3j's type " + type + " transaction has no empty calldata at field "
                    + at);
        }
        values.set(at, RlpString.create(input));
        return TypedEnvelope.wrap(type, RlpEncoder.encode(new RlpList(values)));
    }

    private static byte[] blob(RpcFields f, byte[] input) {
        JsonNode hashes = f.node("blobVersionedHashes");
        List<Bytes> versioned = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            versioned.add(Bytes.wrap(RpcFields.parseHex(hashes.get(i).asText(), f.where() + ": blob hash " + i)));
        }
        if (!f.has("to")) {
            throw new ProofInputException(f.where() + ": a blob transaction without a recipient is malformed");
        }
        if (!f.node("accessList").isEmpty()) {
            // web3j's 4844 type has no access list; an empty one encodes the same
            throw new ProofInputException(f.where() + ": blob transaction with an access list; unsupported");
        }
        RawTransaction raw = RawTransaction.createTransaction(chainId(f), f.quantity("nonce"),
                f.quantity("maxPriorityFeePerGas"), f.quantity("maxFeePerGas"), f.quantity("gas"), to(f),
                f.quantity("value"), "", f.quantity("maxFeePerBlobGas"), versioned);
        // web3j always gives the network form [payload, blobs, commitments, proofs]; a block holds the payload only
        List<RlpType> network = TransactionEncoder.asRlpValues(raw, typedSignature(f));
        return withCalldata(3, ((RlpList) network.getFirst()).getValues(), input);
    }

    /**
     * A transaction as the trie holds it: a blob transaction in network form (with its blobs, commitments and
     * proofs, as some endpoints' {@code eth_getRawTransaction*} answer) is cut down to its payload; anything else is
     * returned as is.
     */
    public static byte[] canonical(byte[] raw) {
        if (raw.length == 0 || raw[0] != 3) {
            return raw.clone();
        }
        TypedEnvelope envelope = TypedEnvelope.unwrap(raw, "blob transaction");
        if (envelope.fields().size() == 4 && envelope.fields().getFirst() instanceof RlpList payload) {
            return TypedEnvelope.wrap(3, RlpEncoder.encode(payload));
        }
        return raw.clone();
    }

    /** web3j derives a typed transaction's y-parity from v as 27 + parity. */
    private static Sign.SignatureData typedSignature(RpcFields f) {
        BigInteger parity = f.has("yParity") ? f.quantity("yParity") : f.quantity("v");
        if (parity.compareTo(BigInteger.ONE) > 0) {
            throw new ProofInputException(f.where() + ": y-parity " + parity + " is neither 0 nor 1");
        }
        return new Sign.SignatureData((byte) (27 + parity.intValue()), word(f, "r"), word(f, "s"));
    }

    private static byte[] word(RpcFields f, String field) {
        BigInteger v = f.quantity(field);
        if (v.bitLength() > 256) {
            throw new ProofInputException(f.where() + ": " + field + " is longer than 32 bytes");
        }
        return Numeric.toBytesPadded(v, 32);
    }

    private static long chainId(RpcFields f) {
        return f.longQuantity("chainId");
    }

    private static String to(RpcFields f) {
        return f.has("to") ? RpcFields.hex(f.fixed("to", 20)) : null;
    }

    private static List<AccessListObject> accessList(RpcFields f) {
        List<AccessListObject> out = new ArrayList<>();
        if (!f.has("accessList")) {
            return out;
        }
        JsonNode list = f.node("accessList");
        for (int i = 0; i < list.size(); i++) {
            RpcFields entry = new RpcFields(list.get(i), f.where() + ", access list entry " + i);
            List<String> keys = new ArrayList<>();
            JsonNode ks = entry.node("storageKeys");
            for (int k = 0; k < ks.size(); k++) {
                byte[] key = RpcFields.parseHex(ks.get(k).asText(), entry.where() + ", storage key " + k);
                if (key.length != 32) {
                    throw new ProofInputException(entry.where() + ": storage key " + k + " is not 32 bytes");
                }
                keys.add(RpcFields.hex(key));
            }
            out.add(new AccessListObject(RpcFields.hex(entry.fixed("address", 20)), keys));
        }
        return out;
    }

    private static List<AuthorizationTuple> authorizations(RpcFields f) {
        List<AuthorizationTuple> out = new ArrayList<>();
        JsonNode list = f.node("authorizationList");
        for (int i = 0; i < list.size(); i++) {
            RpcFields a = new RpcFields(list.get(i), f.where() + ", authorization " + i);
            out.add(new AuthorizationTuple(a.quantity("chainId"), RpcFields.hex(a.fixed("address", 20)),
                    a.quantity("nonce"), a.quantity("yParity"), a.quantity("r"), a.quantity("s")));
        }
        return out;
    }
}
