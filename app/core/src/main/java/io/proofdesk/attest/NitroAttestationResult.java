package io.proofdesk.attest;

import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link NitroAttestationVerifier} found: the document's content (as far as it could be read) and a
 * status — VALID only if the COSE signature, the chain to a trusted root at the document's time and every
 * format rule held; otherwise INVALID with one reason per failed rule.
 *
 * @param timestamp   the document's own time, null if the document could not be read
 * @param pcrs        PCR index -> lower-case hex
 * @param chain       leaf first, ending with the trusted root when the chain validated
 * @param trustAnchor label of the trusted root the chain ended in, null if it did not validate
 */
public record NitroAttestationResult(CryptoCheckStatus status, List<String> reasons, String moduleId, Instant timestamp,
                               SortedMap<Integer, String> pcrs, byte[] publicKey, byte[] userData, byte[] nonce,
                               List<ChainCertificate> chain, String trustAnchor) {

    public NitroAttestationResult {
        reasons = List.copyOf(reasons);
        pcrs = Collections.unmodifiableSortedMap(new TreeMap<>(pcrs));
        publicKey = publicKey == null ? null : publicKey.clone();
        userData = userData == null ? null : userData.clone();
        nonce = nonce == null ? null : nonce.clone();
        chain = List.copyOf(chain);
    }

    static NitroAttestationResult unreadable(String reason) {
        return new NitroAttestationResult(CryptoCheckStatus.INVALID, List.of(reason), null, null, new TreeMap<>(), null, null,
                null, List.of(), null);
    }

    public boolean isValid() {
        return status == CryptoCheckStatus.VALID;
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

    public Optional<byte[]> pcr(int index) {
        return Optional.ofNullable(pcrs.get(index)).map(HexFormat.of()::parseHex);
    }

    /** keccak256(pcr0 ‖ pcr1 ‖ pcr2), the registry's PCR hash; empty if one of them is missing. */
    public Optional<byte[]> pcrHash() {
        Optional<byte[]> p0 = pcr(0);
        Optional<byte[]> p1 = pcr(1);
        Optional<byte[]> p2 = pcr(2);
        if (p0.isEmpty() || p1.isEmpty() || p2.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PcrHash.of(p0.get(), p1.get(), p2.get()));
    }

    /**
     * A debug-mode enclave reports PCR0, PCR1 and PCR2 as zeros: it measures no image, so a valid document from it
     * attests no code at all (AWS: "the attestation document ... contains PCRs with all zeros" in debug mode). Such
     * a document must never pass as trusted code, however well it is signed.
     */
    public boolean debugMode() {
        for (int i = 0; i <= 2; i++) {
            String hex = pcrs.get(i);
            if (hex == null || hex.isEmpty() || !hex.chars().allMatch(c -> c == '0')) {
                return false;
            }
        }
        return true;
    }

    /** The line every consumer prints for {@link #debugMode()}. */
    public static final String DEBUG_MODE_REASON = "debug-mode enclave: it attests no code (PCR0, PCR1 and PCR2 are all zero)";

    /** The signing-key / TLS-certificate binding in user_data, if user_data has that layout. */
    public Optional<UserDataBinding> userDataBinding() {
        return UserDataBinding.parse(userData);
    }
}
