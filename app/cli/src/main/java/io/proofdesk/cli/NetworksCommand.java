package io.proofdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.network.BuiltInNetworks;
import io.proofdesk.network.BuiltInNetworks.BuiltInNetwork;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.NetworkProfileJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "networks", mixinStandardHelpOptions = true,
        description = {"The networks Proofdesk knows by name, for --network NAME on sync, verify, report and bundle: "
                + "their endpoints, contracts, and which address was in use when (with its source)."})
public final class NetworksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "A JSON array of {name, description, profile (docs/NETWORKS.md, null for "
            + "the demo network), history}")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode all = mapper.createArrayNode();
            for (BuiltInNetwork n : BuiltInNetworks.all()) {
                ObjectNode o = all.addObject();
                o.put("name", n.name());
                o.put("description", n.description());
                o.set("profile", n.profile() == null ? null : NetworkProfileJson.toTree(n.profile()));
                n.history().forEach(o.putArray("history")::add);
            }
            out.println(mapper.writeValueAsString(all));
            return ExitCode.VERIFIED;
        }
        for (BuiltInNetwork n : BuiltInNetworks.all()) {
            out.println(n.name());
            out.println("  " + n.description());
            if (n.profile() != null) {
                print(out, n.profile());
            }
            n.history().forEach(h -> out.println("  history     " + h));
        }
        return ExitCode.VERIFIED;
    }

    private static void print(PrintWriter out, NetworkProfile p) {
        out.println("  chain       " + (p.chainId() == null ? "any" : p.chainId()) + ", headers " + p.headerFormat().key());
        p.rpc().forEach(u -> out.println("  rpc         " + u));
        line(out, "explorer", p.explorer());
        line(out, "hub", p.hub());
        line(out, "fileStore", p.fileStore());
        line(out, "blobStore", p.blobStore());
        NetworkContracts c = p.contracts();
        list(out, "inference", c.inference());
        list(out, "precompile", c.precompile());
        list(out, "registry", c.registry());
        list(out, "relay", c.relay());
    }

    private static void line(PrintWriter out, String key, String value) {
        if (value != null) {
            out.printf("  %-11s %s%n", key, value);
        }
    }

    private static void list(PrintWriter out, String key, List<String> values) {
        values.forEach(v -> line(out, key, v));
    }
}
