package io.proofdesk.chain.proof;

import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What a proved transaction says, decoded from its signed encoding with web3j's decoder: the fields a record is read
 * from (recipient, calldata, value). The sender is not here; it is recovered from the signature where needed.
 *
 * @param type EIP-2718 type, 0 for legacy
 * @param hash keccak256 of the encoding
 */
public record SignedTransaction(int type, String hash, Optional<String> to, byte[] input, BigInteger value,
                                BigInteger nonce) {

    public SignedTransaction {
        input = input.clone();
    }

    public static SignedTransaction decode(byte[] encoded) {
        RawTransaction raw;
        try {
            raw = TransactionDecoder.decode(Numeric.toHexString(encoded));
        } catch (RuntimeException e) {
            throw new ProofInputException("a proved transaction does not decode: " + e.getMessage(), e);
        }
        int first = encoded[0] & 0xff;
        String to = raw.getTo();
        return new SignedTransaction(first < 0x80 ? first : 0, RpcFields.hex(Hash.sha3(encoded)),
                to == null || to.isEmpty() || to.equals("0x") ? Optional.empty() : Optional.of(to.toLowerCase()),
                Numeric.hexStringToByteArray(raw.getData() == null ? "0x" : raw.getData()), raw.getValue(),
                raw.getNonce());
    }

    @Override
    public byte[] input() {
        return input.clone();
    }

    /** Whether the calldata is exactly {@code other}, without copying megabytes of it. */
    public boolean inputEquals(byte[] other) {
        return java.util.Arrays.equals(input, other);
    }
}
