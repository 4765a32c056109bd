package io.proofdesk.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The contracts of a network by role, each role a list because a network that redeployed keeps its old addresses
 * (the profile key {@code contracts}): ONNX inference contracts (any ABI generation, told apart by event topic),
 * inference precompiles, TEE registries and settlement relays. Addresses are kept lower case.
 */
public record NetworkContracts(List<String> inference, List<String> precompile, List<String> registry,
                               List<String> relay) {

    public static final NetworkContracts NONE = new NetworkContracts(List.of(), List.of(), List.of(), List.of());

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public NetworkContracts {
        inference = addresses("inference", inference);
        precompile = addresses("precompile", precompile);
        registry = addresses("registry", registry);
        relay = addresses("relay", relay);
    }

    /** True for a 0x-prefixed 20-byte hex address (either case). */
    public static boolean isAddress(String text) {
        return text != null && ADDRESS.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    private static List<String> addresses(String role, List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String a : given) {
            if (!isAddress(a)) {
                throw new IllegalArgumentException("contracts." + role + ": \u201c" + a
                        + "\u201d is not a contract address (0x followed by 40 hex digits)");
            }
            String lower = a.strip().toLowerCase(Locale.ROOT);
            if (!out.contains(lower)) {
                out.add(lower);
            }
        }
        return List.copyOf(out);
    }

    public boolean isEmpty() {
        return inference.isEmpty() && precompile.isEmpty() && registry.isEmpty() && relay.isEmpty();
    }

    /** Every address, without duplicates. */
    public List<String> all() {
        List<String> out = new ArrayList<>();
        for (List<String> role : List.of(registry, relay, inference, precompile)) {
            role.stream().filter(a -> !out.contains(a)).forEach(out::add);
        }
        return List.copyOf(out);
    }
}
