package io.proofdesk.chain;

import io.proofdesk.chain.contracts.ITEERegistry;
import io.proofdesk.chain.contracts.ITEERegistryOhttp;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A TEE's record as the registry answers {@code getTEE(bytes32)}, in whichever version's layout the registry has.
 * The selector never changed (0x…, getTEE(bytes32)), the answer did: the newest TEEInfo ends in an
 * {@code ohttpConfig} tuple (OpenGradient-SDK abi/TEERegistry.abi since 45e90e0), the older ones have ten fields
 * (og-evm TEERegistry.sol: {@code active}/{@code lastUpdatedAt} until 758e149, {@code enabled}/
 * {@code lastHeartbeatAt} since 8d35b76: the same ABI types). The answer is decoded in the newest layout first,
 * then the older, and a layout is taken only if re-encoding what it decoded gives the answer byte for byte, so an
 * answer no version would give is refused, never guessed.
 */
public final class TeeRegistryRecords {

    /** The getTEE answer layouts, newest first. */
    public enum Layout {
        /** TEEInfo with the trailing ohttpConfig tuple (2026-05 onwards). */
        WITH_OHTTP,
        /** TEEInfo of ten fields (every og-evm TEERegistry.sol version). */
        TEN_FIELDS
    }

    /** What every version's record holds; {@code enabled} is the older versions' {@code active}. */
    public record RegistryTee(String teeId, String owner, String paymentAddress, String endpoint, byte[] publicKey,
                              byte[] tlsCertificate, String pcrHash, int teeType, boolean enabled,
                              BigInteger registeredAt, BigInteger lastHeartbeatAt, Layout layout) {
    }

    /** The registry's answer fits no known version's layout. */
    public static final class UnknownLayoutException extends Exception {
        public UnknownLayoutException(String message) {
            super(message);
        }
    }

    private TeeRegistryRecords() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final List<TypeReference<Type>> OHTTP_OUT = (List) List.of(
            new TypeReference<ITEERegistryOhttp.TEEInfo>() { });
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final List<TypeReference<Type>> TEN_OUT = (List) List.of(
            new TypeReference<ITEERegistry.TEEInfo>() { });

    /** The calldata of getTEE(teeId). */
    public static String getTeeCall(String teeId) {
        return FunctionEncoder.encode(new Function("getTEE", List.of(new Bytes32(Numeric.hexStringToByteArray(teeId))),
                List.of()));
    }

    /**
     * Reads a TEE's record at {@code at}; empty when the registry does not know it (the call reverts, answers
     * nothing, or gives a record never registered).
     *
     * @throws IOException when the node cannot be asked or answers with an error other than a revert
     * @throws UnknownLayoutException when the answer is no version's TEEInfo
     */
    public static Optional<RegistryTee> read(Web3j web3j, String registry, String teeId, DefaultBlockParameter at)
            throws IOException, UnknownLayoutException {
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(null, registry, getTeeCall(teeId)), at)
                .send();
        if (call.isReverted()) {
            return Optional.empty();
        }
        if (call.hasError()) {
            String message = call.getError().getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("revert")) {
                return Optional.empty();
            }
            throw new IOException("getTEE(" + teeId + ") on " + registry + ": " + message);
        }
        return decode(teeId, call.getValue());
    }

    /** Decodes a getTEE answer in the first layout that re-encodes to it exactly. */
    @SuppressWarnings("rawtypes")
    public static Optional<RegistryTee> decode(String teeId, String answer) throws UnknownLayoutException {
        String hex = answer == null ? "" : Numeric.cleanHexPrefix(answer).toLowerCase(Locale.ROOT);
        if (hex.isEmpty()) {
            return Optional.empty();
        }
        for (Layout layout : Layout.values()) {
            List<Type> values;
            try {
                values = FunctionReturnDecoder.decode("0x" + hex, layout == Layout.WITH_OHTTP ? OHTTP_OUT : TEN_OUT);
            } catch (RuntimeException e) {
                continue; // offsets or lengths that do not fit this layout
            }
            if (values.size() != 1 || !FunctionEncoder.encodeConstructor(values).equals(hex)) {
                continue;
            }
            RegistryTee tee = switch (values.getFirst()) {
                case ITEERegistryOhttp.TEEInfo i -> new RegistryTee(teeId, lower(i.owner), lower(i.paymentAddress),
                        i.endpoint, i.publicKey, i.tlsCertificate, hex(i.pcrHash), i.teeType.intValueExact(),
                        Boolean.TRUE.equals(i.enabled), i.registeredAt, i.lastHeartbeatAt, layout);
                case ITEERegistry.TEEInfo i -> new RegistryTee(teeId, lower(i.owner), lower(i.paymentAddress),
                        i.endpoint, i.publicKey, i.tlsCertificate, hex(i.pcrHash), i.teeType.intValueExact(),
                        Boolean.TRUE.equals(i.enabled), i.registeredAt, i.lastHeartbeatAt, layout);
                default -> throw new IllegalStateException("decoded " + values.getFirst().getClass());
            };
            return tee.registeredAt().signum() == 0 ? Optional.empty() : Optional.of(tee);
        }
        throw new UnknownLayoutException("the registry's getTEE(" + teeId + ") answer (" + hex.length() / 2
                + " bytes) is the TEEInfo of no known TEERegistry version");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }
}
