package io.proofdesk.ui.network;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * Checks what the user typed in the Network settings and says, per field, what is wrong in one sentence
 * ("Hub URL: ftp://hub.example uses ftp; only http:// and https:// are supported."). Only the chosen mode's fields
 * must be right: custom endpoints may stay half-typed while the demo is chosen, and are then not saved.
 */
public final class NetworkForm {

    /** One thing wrong with one field. */
    public record Problem(NetworkField field, String sentence) {
    }

    /** Either a configuration to save, or the problems that stop it. */
    public record Result(NetworkConfig config, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final int MAX_URL_LENGTH = 2_000;
    private static final int MAX_RPC_URLS = 16;

    private final ResourceBundle strings;

    public NetworkForm(ResourceBundle strings) {
        this.strings = strings;
    }

    /** @param saved what is saved now: its custom endpoints are kept when the demo is chosen with a broken draft */
    public Result validate(NetworkDraft draft, NetworkConfig saved) {
        List<Problem> problems = new ArrayList<>();
        int demoSize = demoSize(draft.demoSize(), problems);
        List<Problem> customProblems = new ArrayList<>();
        CustomNetwork custom = custom(draft, customProblems);
        if (draft.mode() == NetworkMode.CUSTOM) {
            problems.addAll(customProblems);
        } else if (!customProblems.isEmpty()) {
            custom = saved.custom();
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new NetworkConfig(draft.mode(), demoSize, custom), List.of());
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
        problems.add(problem(NetworkField.DEMO_SIZE, "network.problem.demoSize", shown(text),
                NetworkConfig.MIN_DEMO_INFERENCES, NetworkConfig.MAX_DEMO_INFERENCES));
        return NetworkConfig.DEFAULT_DEMO_INFERENCES;
    }

    private CustomNetwork custom(NetworkDraft d, List<Problem> problems) {
        List<String> rpc = new ArrayList<>();
        List<String> lines = d.rpcUrls() == null ? List.of() : d.rpcUrls().lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (lines.isEmpty()) {
            problems.add(problem(NetworkField.RPC_URLS, "network.problem.rpcMissing"));
        } else if (lines.size() > MAX_RPC_URLS) {
            problems.add(problem(NetworkField.RPC_URLS, "network.problem.rpcTooMany", lines.size(), MAX_RPC_URLS));
        }
        for (int i = 0; i < lines.size() && i < MAX_RPC_URLS; i++) {
            String url = lines.get(i);
            String where = lines.size() == 1 ? label(NetworkField.RPC_URLS)
                    : MessageFormat.format(strings.getString("network.field.rpcUrlN"), i + 1);
            if (checkUrl(NetworkField.RPC_URLS, where, url, problems)) {
                if (rpc.contains(url)) {
                    problems.add(problem(NetworkField.RPC_URLS, "network.problem.rpcDuplicate", url));
                }
                rpc.add(url);
            }
        }
        String hub = optionalUrl(NetworkField.HUB_URL, d.hubUrl(), problems);
        String files = optionalUrl(NetworkField.FILE_STORE_URL, d.fileStoreUrl(), problems);
        String blobs = optionalUrl(NetworkField.BLOB_STORE_URL, d.blobStoreUrl(), problems);
        String registry = address(NetworkField.TEE_REGISTRY, d.teeRegistry(), problems);
        String relay = address(NetworkField.SETTLEMENT_RELAY, d.settlementRelay(), problems);
        String inference = address(NetworkField.INFERENCE, d.inference(), problems);
        if (registry == null && relay == null && inference == null && blank(d.teeRegistry())
                && blank(d.settlementRelay()) && blank(d.inference())) {
            problems.add(problem(NetworkField.TEE_REGISTRY, "network.problem.noContracts"));
        }
        Long chainId = chainId(d.chainId(), problems);
        return new CustomNetwork(rpc, hub, files, blobs, registry, relay, inference, chainId);
    }

    private String optionalUrl(NetworkField field, String text, List<Problem> problems) {
        if (blank(text)) {
            return null;
        }
        String url = text.strip();
        return checkUrl(field, label(field), url, problems) ? url : null;
    }

    /** http or https, a host, nothing a browser would not send; says what is wrong and where. */
    boolean checkUrl(NetworkField field, String where, String url, List<Problem> problems) {
        if (url.length() > MAX_URL_LENGTH) {
            problems.add(problem(field, "network.problem.urlTooLong", where, MAX_URL_LENGTH));
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add(problem(field, "network.problem.urlSyntax", where, shown(url), e.getReason(), e.getIndex() + 1));
            return false;
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            problems.add(problem(field, "network.problem.urlNoScheme", where, shown(url)));
            return false;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            problems.add(problem(field, "network.problem.urlScheme", where, shown(url), scheme));
            return false;
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            problems.add(problem(field, "network.problem.urlNoHost", where, shown(url)));
            return false;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(problem(field, "network.problem.urlUserInfo", where, shown(url)));
            return false;
        }
        return true;
    }

    private String address(NetworkField field, String text, List<Problem> problems) {
        if (blank(text)) {
            return null;
        }
        String a = text.strip();
        if (!ADDRESS.matcher(a).matches()) {
            problems.add(problem(field, "network.problem.address", label(field), shown(a)));
            return null;
        }
        return a.toLowerCase(Locale.ROOT);
    }

    private Long chainId(String text, List<Problem> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem(NetworkField.CHAIN_ID, "network.problem.chainId", shown(text.strip())));
        return null;
    }

    private String label(NetworkField field) {
        return strings.getString(field.labelKey());
    }

    private Problem problem(NetworkField field, String key, Object... args) {
        return new Problem(field, MessageFormat.format(strings.getString(key), args));
    }

    /** Typed text shown back in a sentence: short enough to read. */
    private static String shown(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 60 ? t.substring(0, 57) + "\u2026" : t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
