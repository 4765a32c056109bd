package io.proofdesk.devnet.tee;

import io.proofdesk.attest.UserDataBinding;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of one attestation document. {@link #forNode} fills it the way nitriding does: PCR0..2 from the
 * image, PCR3..15 zero, the signing key as public_key, user_data binding TLS certificate and signing key.
 */
public record NitroDocumentRequest(String moduleId, Instant timestamp, SortedMap<Integer, byte[]> pcrs,
                                   byte[] publicKey, byte[] userData, byte[] nonce) {

    public static final int PCR_COUNT = 16;
    public static final int PCR_LENGTH = 48;

    public NitroDocumentRequest {
        SortedMap<Integer, byte[]> copy = new TreeMap<>();
        pcrs.forEach((k, v) -> copy.put(k, v.clone()));
        pcrs = Collections.unmodifiableSortedMap(copy);
        publicKey = publicKey == null ? null : publicKey.clone();
        userData = userData == null ? null : userData.clone();
        nonce = nonce == null ? null : nonce.clone();
    }

    public static NitroDocumentRequest forNode(String moduleId, Instant timestamp, DemoMeasurements image,
                                               byte[] signingKeyDer, byte[] tlsCertificateDer, byte[] nonce) {
        SortedMap<Integer, byte[]> pcrs = new TreeMap<>();
        for (int i = 0; i < PCR_COUNT; i++) {
            pcrs.put(i, new byte[PCR_LENGTH]);
        }
        pcrs.put(0, image.pcr0());
        pcrs.put(1, image.pcr1());
        pcrs.put(2, image.pcr2());
        return new NitroDocumentRequest(moduleId, timestamp, pcrs, signingKeyDer,
                UserDataBinding.of(tlsCertificateDer, signingKeyDer).encode(), nonce);
    }

    public NitroDocumentRequest withTimestamp(Instant newTimestamp) {
        return new NitroDocumentRequest(moduleId, newTimestamp, pcrs, publicKey, userData, nonce);
    }

    public NitroDocumentRequest withNonce(byte[] newNonce) {
        return new NitroDocumentRequest(moduleId, timestamp, pcrs, publicKey, userData, newNonce);
    }

    public NitroDocumentRequest withUserData(byte[] newUserData) {
        return new NitroDocumentRequest(moduleId, timestamp, pcrs, publicKey, newUserData, nonce);
    }

    public NitroDocumentRequest withImage(DemoMeasurements image) {
        SortedMap<Integer, byte[]> changed = new TreeMap<>(pcrs);
        changed.put(0, image.pcr0());
        changed.put(1, image.pcr1());
        changed.put(2, image.pcr2());
        return new NitroDocumentRequest(moduleId, timestamp, changed, publicKey, userData, nonce);
    }

    @Override
    public SortedMap<Integer, byte[]> pcrs() {
        SortedMap<Integer, byte[]> copy = new TreeMap<>();
        pcrs.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    @Override
    public byte[] userData() {
        return userData == null ? null : userData.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce == null ? null : nonce.clone();
    }
}
