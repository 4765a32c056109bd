package io.proofdesk.chain.sync;

import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.UnsupportedNetworkException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The contracts a sync reads: the TEE registry, the settlement relay and the ONNX inference contract(s). Any may be
 * null (not read). {@code inferenceJsons} is a second inference contract for a network that runs the newer
 * ModelOutput layout at another address; both layouts are decoded from either address (told apart by topic0).
 * {@code precompile}: the inference precompile (OpenGradient's 0x...00F4), whose ModelInferenceEvent records are read
 * with their results from the node API when the chain does not hold them.
 */
public record ContractAddresses(String registry, String relay, String inference, String inferenceJsons,
                                String precompile) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public ContractAddresses {
        registry = normalise("registry", registry);
        relay = normalise("relay", relay);
        inference = normalise("inference", inference);
        inferenceJsons = normalise("inferenceJsons", inferenceJsons);
        precompile = normalise("precompile", precompile);
        if (registry == null && relay == null && inference == null && inferenceJsons == null && precompile == null) {
            throw new IllegalArgumentException("no contract address configured; the sync has nothing to read");
        }
    }

    /** Without an inference precompile. */
    public ContractAddresses(String registry, String relay, String inference, String inferenceJsons) {
        this(registry, relay, inference, inferenceJsons, null);
    }

    /**
     * The contracts a profile lists, as far as the sync reads them today: one registry, one relay and up to two
     * inference contracts (each decoded in every layout) and one inference precompile; further addresses are
     * unsupported.
     */
    public static ContractAddresses of(NetworkContracts c) {
        if (c.registry().size() > 1 || c.relay().size() > 1 || c.inference().size() > 2
                || c.precompile().size() > 1) {
            throw new UnsupportedNetworkException("more than one TEE registry, settlement relay or inference "
                    + "precompile, or more than two inference contracts, in one network");
        }
        return new ContractAddresses(first(c.registry(), 0), first(c.relay(), 0), first(c.inference(), 0),
                first(c.inference(), 1), first(c.precompile(), 0));
    }

    private static String first(List<String> list, int index) {
        return list.size() > index ? list.get(index) : null;
    }

    /** The same addresses by role, as a profile lists them. */
    public NetworkContracts toContracts() {
        List<String> inferences = new ArrayList<>();
        if (inference != null) {
            inferences.add(inference);
        }
        if (inferenceJsons != null && !inferenceJsons.equals(inference)) {
            inferences.add(inferenceJsons);
        }
        return new NetworkContracts(inferences, precompile == null ? List.of() : List.of(precompile), registry == null ? List.of() : List.of(registry),
                relay == null ? List.of() : List.of(relay));
    }

    private static String normalise(String name, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(a).matches()) {
            throw new IllegalArgumentException(name + " address is not a 0x-prefixed 20-byte hex address: " + address);
        }
        return a;
    }

    /** Every configured address, lower case, without duplicates. */
    public List<String> all() {
        List<String> out = new ArrayList<>();
        for (String a : new String[] {registry, relay, inference, inferenceJsons, precompile}) {
            if (a != null && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    public boolean isInference(String address) {
        return address != null && (Objects.equals(address, inference) || Objects.equals(address, inferenceJsons));
    }

    public boolean isPrecompile(String address) {
        return address != null && address.equals(precompile);
    }
}
