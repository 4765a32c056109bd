package io.proofdesk.chain.proof;

import org.web3j.rlp.RlpType;

import java.util.List;

/** EIP-2718: a typed item is its type byte followed by its RLP list; a legacy item is the bare RLP list. */
record TypedEnvelope(int type, List<RlpType> fields) {

    static byte[] wrap(int type, byte[] body) {
        if (type == 0) {
            return body;
        }
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) type;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    static TypedEnvelope unwrap(byte[] encoded, String what) {
        if (encoded.length == 0) {
            throw new ProofInputException(what + " is empty");
        }
        int first = encoded[0] & 0xff;
        if (first >= 0xc0) {
            return new TypedEnvelope(0, ConsensusReceipt.decodeList(encoded, what));
        }
        if (first > 0x7f) {
            throw new ProofInputException(what + " starts with 0x" + Integer.toHexString(first)
                    + ", neither a type byte nor a list");
        }
        byte[] body = new byte[encoded.length - 1];
        System.arraycopy(encoded, 1, body, 0, body.length);
        return new TypedEnvelope(first, ConsensusReceipt.decodeList(body, what));
    }
}
