package io.proofdesk.attest;

import java.io.ByteArrayOutputStream;
import org.web3j.crypto.Hash;

/** The registry's computePCRHash: keccak256(pcr0 ‖ pcr1 ‖ pcr2) (abi.encodePacked of three bytes values). */
public final class PcrHash {

    private PcrHash() {
    }

    public static byte[] of(byte[] pcr0, byte[] pcr1, byte[] pcr2) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream(pcr0.length + pcr1.length + pcr2.length);
        packed.writeBytes(pcr0);
        packed.writeBytes(pcr1);
        packed.writeBytes(pcr2);
        return Hash.sha3(packed.toByteArray());
    }
}
