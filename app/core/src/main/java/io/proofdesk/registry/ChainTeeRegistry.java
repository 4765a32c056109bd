package io.proofdesk.registry;

import io.proofdesk.chain.TeeRegistryEvents;
import io.proofdesk.chain.TeeRegistryRecords;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.gateway.GatewayUncheckableException;
import io.proofdesk.gateway.RegisteredTee;
import io.proofdesk.gateway.TeeRegistryLookup;
import io.proofdesk.network.NetworkProfile;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A network's TEE registry read live over JSON-RPC, for a gateway response check with {@code --network}: the TEE's
 * entry ({@code getTEE} at the head, in whichever registry version the contract is: {@link TeeRegistryRecords}) and
 * its registration, enabling, disabling and heartbeat events from the profile's {@code fromBlock} on, with their
 * block times, so the check folds the TEE's status at the time the response was signed. A network whose registry
 * cannot be reached or answers in no known layout cannot be checked: {@link GatewayUncheckableException} with the
 * reason. When the node refuses the event range, the TEE's current flag is all there is, and the line says so.
 */
public final class ChainTeeRegistry implements TeeRegistryLookup {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String network;
    private final List<String> rpcs;
    private final List<String> registries;
    private final long fromBlock;
    private volatile String asOf = "as of the chain's head";

    public ChainTeeRegistry(String network, List<String> rpcs, List<String> registries, long fromBlock) {
        this.network = network;
        this.rpcs = List.copyOf(rpcs);
        this.registries = registries.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.fromBlock = fromBlock;
    }

    public static ChainTeeRegistry of(NetworkProfile p) {
        return new ChainTeeRegistry(p.name(), p.rpc(), p.contracts().registry(), p.fromBlock());
    }

    @Override
    public Optional<RegisteredTee> find(String teeId) {
        if (rpcs.isEmpty()) {
            throw new GatewayUncheckableException("network " + network + " names no JSON-RPC endpoint to read its TEE "
                    + "registry from");
        }
        if (registries.isEmpty()) {
            throw new GatewayUncheckableException("network " + network + " names no TEE registry contract "
                    + "(contracts.registry in its profile)");
        }
        String id = teeId.toLowerCase(Locale.ROOT);
        List<String> failures = new ArrayList<>();
        for (String rpc : rpcs) {
            try {
                return read(rpc, id);
            } catch (IOException | RuntimeException e) {
                if (e instanceof GatewayUncheckableException u) {
                    throw u;
                }
                failures.add(rpc + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new GatewayUncheckableException("the TEE registry of network " + network + " cannot be read ("
                + String.join("; ", failures) + ")");
    }

    private Optional<RegisteredTee> read(String rpc, String id) throws IOException {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(TIMEOUT).build();
        Web3j web3j = Web3j.build(new HttpService(rpc, http));
        try {
            long head = answer(web3j.ethBlockNumber().send(), "eth_blockNumber").getBlockNumber().longValueExact();
            for (String registry : registries) {
                Optional<TeeRegistryRecords.RegistryTee> entry;
                try {
                    entry = TeeRegistryRecords.read(web3j, registry, id, DefaultBlockParameter.valueOf(
                            BigInteger.valueOf(head)));
                } catch (TeeRegistryRecords.UnknownLayoutException e) {
                    throw new GatewayUncheckableException(e.getMessage() + " (registry " + registry + " at " + rpc
                            + ")");
                }
                if (entry.isPresent()) {
                    asOf = "as of block " + head + " of " + rpc;
                    return Optional.of(new RegisteredTee(tee(entry.get()), history(web3j, rpc, registry, id, head)));
                }
            }
            return Optional.empty();
        } finally {
            web3j.shutdown();
        }
    }

    /** The TEE's status events, oldest first; empty (fold by the current flag) when the node refuses the range. */
    private List<TeeEvent> history(Web3j web3j, String rpc, String registry, String id, long head)
            throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(Math.min(fromBlock, head))),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(head)), registry);
        filter.addOptionalTopics(TeeRegistryEvents.teeTopics().toArray(String[]::new));
        filter.addSingleTopic(id);
        EthLog logs = web3j.ethGetLogs(filter).send();
        if (logs.hasError()) {
            asOf = "as of block " + head + " of " + rpc + "; its event history was refused: "
                    + logs.getError().getMessage();
            return List.of();
        }
        List<TeeEvent> events = new ArrayList<>();
        Map<Long, Instant> times = new HashMap<>();
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            if (!(result.get() instanceof Log l) || !registry.equalsIgnoreCase(l.getAddress())) {
                continue;
            }
            TeeRegistryEvents.Decoded d;
            try {
                d = TeeRegistryEvents.decode(l.getTopics(), l.getData());
            } catch (RuntimeException e) {
                throw new GatewayUncheckableException("the registry " + registry + " logged an event that fits no "
                        + "TEERegistry version at block " + l.getBlockNumber() + " (" + e.getMessage() + ")");
            }
            if (!id.equals(d.teeId())) {
                continue;
            }
            long block = l.getBlockNumber().longValueExact();
            Instant time = times.get(block);
            if (time == null) {
                time = blockTime(web3j, block);
                times.put(block, time);
            }
            events.add(new TeeEvent(block, l.getLogIndex().longValueExact(), l.getTransactionHash()
                    .toLowerCase(Locale.ROOT), d.kind(), id, null, d.kind() == TeeEventKind.REGISTERED ? d.teeType()
                    : null, null, d.kind() == TeeEventKind.HEARTBEAT ? seconds(d.timestamp(), time) : time));
        }
        return events;
    }

    private static Instant blockTime(Web3j web3j, long block) throws IOException {
        EthBlock b = answer(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), false)
                .send(), "eth_getBlockByNumber");
        if (b.getBlock() == null) {
            throw new IOException("the node has no block " + block);
        }
        return Instant.ofEpochSecond(b.getBlock().getTimestamp().longValueExact());
    }

    private static <T extends Response<?>> T answer(T r, String method) throws IOException {
        if (r.hasError()) {
            throw new IOException(method + " failed: " + r.getError().getMessage());
        }
        return r;
    }

    private static Tee tee(TeeRegistryRecords.RegistryTee t) {
        return new Tee(t.teeId(), t.owner(), t.paymentAddress(), t.endpoint(), Bytes.of(t.publicKey()),
                Bytes.of(t.tlsCertificate()), t.pcrHash(), t.teeType(), t.enabled(), seconds(t.registeredAt(), null),
                seconds(t.lastHeartbeatAt(), null));
    }

    private static Instant seconds(BigInteger s, Instant fallback) {
        return s == null || s.signum() < 0 || s.bitLength() > 40 ? fallback : Instant.ofEpochSecond(s.longValue());
    }

    @Override
    public String describe() {
        return "the TEE registry of network " + network;
    }

    @Override
    public String unknownHint() {
        return "its registry has no entry for this id: check the id and the network, or check it against --key";
    }

    @Override
    public String asOf() {
        return asOf;
    }
}
