package io.proofdesk.ui.network;

import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Checks what the user typed in the Network settings and says, per field, what is wrong in one sentence
 * ("Model hub URL: “ftp://hub.example” uses ftp; only http:// and https:// are supported."). Only the chosen mode's
 * fields must be right: the devnet file and the custom endpoints may stay half-typed while another network is
 * chosen, and are then not saved (the saved ones are kept).
 */
public final class NetworkForm {

    /** One thing wrong with one field; {@code field} is null for the form as a whole (a profile file that cannot be read). */
    public record Problem(NetworkField field, String sentence) {
    }

    /** Either a configuration to save, or the problems that stop it. */
    public record Result(NetworkConfig config, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    static final int MAX_RPC_URLS = 16;
    static final int MAX_NODE_URLS = 64;
    static final int MAX_TRUST_ROOTS = 16;
    static final int MAX_INFERENCE_CONTRACTS = 2;
    static final int MAX_NAME_LENGTH = 80;
    static final int MAX_PRECOMPILES = 16;
    static final int MAX_CHECKPOINTS = 64;

    private final ResourceBundle strings;

    public NetworkForm(ResourceBundle strings) {
        this.strings = strings;
    }

    /** @param saved what is saved now: its devnet file and custom network are kept when another mode is chosen */
    public Result validate(NetworkDraft draft, NetworkConfig saved) {
        List<Problem> problems = new ArrayList<>();
        int demoSize = demoSize(draft.text(NetworkField.DEMO_SIZE), problems);
        List<Problem> devnetProblems = new ArrayList<>();
        String devnet = devnetFile(draft.text(NetworkField.DEVNET_FILE), devnetProblems);
        List<Problem> customProblems = new ArrayList<>();
        NetworkProfile custom = custom(draft, customProblems);
        if (draft.mode() == NetworkMode.DEVNET) {
            problems.addAll(devnetProblems);
        } else if (!devnetProblems.isEmpty()) {
            devnet = saved.devnetFile();
        }
        if (draft.mode() == NetworkMode.CUSTOM) {
            problems.addAll(customProblems);
        } else if (!customProblems.isEmpty()) {
            custom = saved.custom();
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new NetworkConfig(draft.mode(), demoSize, devnet, custom), List.of());
    }

    private int demoSize(String text, List<Problem> problems) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        try {
            int n = Integer.parseInt(t);
            if (n >= NetworkConfig.MIN_DEMO_INFERENCES && n <= NetworkConfig.MAX_DEMO_INFERENCES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        new FieldChecks(strings, problems).add(NetworkField.DEMO_SIZE, "network.problem.demoSize",
                FieldChecks.shown(text), NetworkConfig.MIN_DEMO_INFERENCES, NetworkConfig.MAX_DEMO_INFERENCES);
        return NetworkConfig.DEFAULT_DEMO_INFERENCES;
    }

    private String devnetFile(String text, List<Problem> problems) {
        FieldChecks checks = new FieldChecks(strings, problems);
        if (FieldChecks.blank(text)) {
            checks.add(NetworkField.DEVNET_FILE, "network.problem.devnetMissing");
            return null;
        }
        return checks.path(NetworkField.DEVNET_FILE, checks.label(NetworkField.DEVNET_FILE), text);
    }

    private NetworkProfile custom(NetworkDraft d, List<Problem> problems) {
        FieldChecks c = new FieldChecks(strings, problems);
        String name = d.text(NetworkField.NAME).strip();
        if (name.length() > MAX_NAME_LENGTH) {
            c.add(NetworkField.NAME, "network.problem.nameTooLong", MAX_NAME_LENGTH);
        }
        List<String> rpcLines = c.lines(NetworkField.RPC_URLS, d.text(NetworkField.RPC_URLS), MAX_RPC_URLS);
        if (rpcLines.isEmpty()) {
            c.add(NetworkField.RPC_URLS, "network.problem.rpcMissing");
        }
        List<String> rpc = c.each(NetworkField.RPC_URLS, "network.field.rpcUrlN", rpcLines, c::url);
        Long chainId = c.number(NetworkField.CHAIN_ID, d.text(NetworkField.CHAIN_ID), 1, "network.problem.chainId");
        HeaderFormat header = headerFormat(c, d.text(NetworkField.HEADER_FORMAT));
        String hub = c.optionalUrl(NetworkField.HUB_URL, d.text(NetworkField.HUB_URL));
        String files = c.optionalUrl(NetworkField.FILE_STORE_URL, d.text(NetworkField.FILE_STORE_URL));
        String blobs = c.optionalUrl(NetworkField.BLOB_STORE_URL, d.text(NetworkField.BLOB_STORE_URL));
        List<String> nodes = c.each(NetworkField.NODE_URLS, "network.field.nodeUrlN",
                c.lines(NetworkField.NODE_URLS, d.text(NetworkField.NODE_URLS), MAX_NODE_URLS), c::url);
        List<String> registry = single(c, NetworkField.TEE_REGISTRY, d);
        List<String> relay = single(c, NetworkField.SETTLEMENT_RELAY, d);
        List<String> inferenceLines = c.lines(NetworkField.INFERENCE, d.text(NetworkField.INFERENCE), 16);
        if (inferenceLines.size() > MAX_INFERENCE_CONTRACTS) {
            c.add(NetworkField.INFERENCE, "network.problem.inferenceTooMany", inferenceLines.size());
        }
        List<String> inference = c.each(NetworkField.INFERENCE, "network.field.inferenceN", inferenceLines, c::address);
        List<String> precompile = c.each(NetworkField.PRECOMPILE, "network.field.precompileN",
                c.lines(NetworkField.PRECOMPILE, d.text(NetworkField.PRECOMPILE), MAX_PRECOMPILES), c::address);
        if (registry.isEmpty() && relay.isEmpty() && inferenceLines.isEmpty()
                && FieldChecks.blank(d.text(NetworkField.TEE_REGISTRY))
                && FieldChecks.blank(d.text(NetworkField.SETTLEMENT_RELAY))) {
            c.add(NetworkField.TEE_REGISTRY, "network.problem.noContracts");
        }
        String nodeApi = c.optionalUrl(NetworkField.NODE_API, d.text(NetworkField.NODE_API));
        String explorer = c.optionalUrl(NetworkField.EXPLORER_URL, d.text(NetworkField.EXPLORER_URL));
        Long from = c.number(NetworkField.FROM_BLOCK, d.text(NetworkField.FROM_BLOCK), 0, "network.problem.fromBlock");
        List<String> roots = c.each(NetworkField.TRUST_ROOTS, "network.field.trustRootN",
                c.lines(NetworkField.TRUST_ROOTS, d.text(NetworkField.TRUST_ROOTS), MAX_TRUST_ROOTS), c::path);
        List<String> checkpoints = c.checkpoints(NetworkField.CHECKPOINTS,
                c.lines(NetworkField.CHECKPOINTS, d.text(NetworkField.CHECKPOINTS), MAX_CHECKPOINTS));
        if (!problems.isEmpty()) {
            return null;
        }
        return new NetworkProfile(name.isEmpty() ? null : name, chainId, rpc, header, explorer, hub,
                files, blobs, nodes, new NetworkContracts(inference, precompile, registry, relay),
                from == null ? 0 : from, roots, false, checkpoints, nodeApi);
    }

    /** Blank is Ethereum's (a profile's default); the choice in Settings gives only known keys. */
    private static HeaderFormat headerFormat(FieldChecks c, String text) {
        if (FieldChecks.blank(text)) {
            return HeaderFormat.ETHEREUM;
        }
        HeaderFormat f = HeaderFormat.of(text).orElse(null);
        if (f == null) {
            c.add(NetworkField.HEADER_FORMAT, "network.problem.headerFormat", FieldChecks.shown(text));
        }
        return f;
    }

    /** A registry or relay: one address (a network with several is not read yet). */
    private static List<String> single(FieldChecks c, NetworkField field, NetworkDraft d) {
        List<String> lines = c.lines(field, d.text(field), 16);
        if (lines.size() > 1) {
            c.add(field, "network.problem.oneAddress", c.label(field));
            return List.of();
        }
        return c.each(field, "network.field.rpcUrlN", lines, c::address);
    }
}
