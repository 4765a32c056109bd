package io.proofdesk.verify.checks;

import io.proofdesk.chain.LegacySettlementEvents;
import io.proofdesk.chain.LegacySettlementEvents.Decoded;
import io.proofdesk.chain.LegacySettlementEvents.HashesOnly;
import io.proofdesk.chain.LegacySettlementEvents.RootOnly;
import io.proofdesk.chain.LegacySettlementEvents.WithMetadata;
import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.ChainReader;
import io.proofdesk.verify.RecordEvidence;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a record of the Dec 2025 settlement relay ({@link LegacySettlementEvents}) can prove, read again from its log
 * on chain: a {@code SettlementWithMetadata} carries the input and output bytes, so its hashes are held against
 * them (keccak256 of the bytes, as the gateway hashes a request and a response); a {@code Settlement} settles only
 * the hashes, and an old {@code BatchSettlement} a root whose leaves were never published on chain: both stay
 * UNVERIFIED with the reason, never VERIFIED. These events name no TEE and no signature, so {@link #SIGNER} is
 * always UNVERIFIED.
 */
public final class LegacySettlementCheck implements InferenceCheck {

    /** The signer line of every legacy record: nothing names one. */
    public static final InferenceCheck SIGNER = InferenceCheck.alwaysUnverified(CheckNames.SIGNATURE,
            "the Dec 2025 settlement relay settled no TEE id and no signature, so who produced this output cannot be "
                    + "checked");

    private final ChainReader chain;

    public LegacySettlementCheck(ChainReader chain) {
        this.chain = chain;
    }

    /**
     * A record stored from a Dec 2025 relay event: a settlement with neither TEE id nor blob id. Every record of the
     * relay since Feb 2026 has both (its events carry them), so the two eras cannot be confused; the record check
     * confirms the event's topic on chain.
     */
    public static boolean isLegacy(Inference r) {
        return (r.settlement() == SettlementKind.INDIVIDUAL || r.settlement() == SettlementKind.BATCH)
                && r.teeId() == null && r.blobId() == null;
    }

    @Override
    public String name() {
        return CheckNames.BLOB;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        Inference r = evidence.inference();
        Optional<ReceiptFacts> receipt;
        try {
            receipt = chain.receipt(r.id().txHash());
        } catch (IOException | RuntimeException e) {
            return CheckLines.error(name(), "the chain could not be asked: " + e.getMessage());
        }
        Optional<LogFacts> log = receipt.flatMap(x -> x.log(r.id().logIndex()));
        if (log.isEmpty()) {
            return CheckLines.unverified(name(), "the settlement log is not on chain (see the record line)");
        }
        Decoded d;
        try {
            d = LegacySettlementEvents.decode(log.get().topics(), log.get().data());
        } catch (IllegalArgumentException e) {
            return CheckLines.fail(name(), "the log is not a Dec 2025 settlement event: " + e.getMessage());
        }
        return switch (d) {
            case HashesOnly h -> CheckLines.unverified(name(), "Settlement(bytes32,bytes32) settles the input and "
                    + "output hashes only: no blob, so there is nothing to recompute them from");
            case RootOnly b -> CheckLines.unverified(name(), "BatchSettlement(bytes32,uint256) settles the root of "
                    + b.batchSize() + " leaves without a blob id: the leaves cannot be fetched");
            case WithMetadata m -> metadata(r, m);
        };
    }

    private CheckResult metadata(Inference r, WithMetadata m) {
        if (m.inputData().length == 0 && m.outputData().length == 0) {
            return CheckLines.unverified(name(), "SettlementWithMetadata carries empty input and output data: the "
                    + "hashes cannot be recomputed");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("modelInfo", m.modelInfo());
        String in = Numeric.toHexString(Hash.sha3(m.inputData()));
        String out = Numeric.toHexString(Hash.sha3(m.outputData()));
        details.put("keccak256(inputData)", in);
        details.put("keccak256(outputData)", out);
        List<String> problems = new ArrayList<>();
        if (!in.equals(lower(r.inputHash()))) {
            problems.add("the input data on chain hashes to " + in + ", the settled input hash is " + r.inputHash());
        }
        if (!out.equals(lower(r.outputHash()))) {
            problems.add("the output data on chain hashes to " + out + ", the settled output hash is "
                    + r.outputHash());
        }
        return problems.isEmpty()
                ? CheckLines.pass(name(), "the input and output carried on chain hash to the settled hashes", details)
                : CheckLines.fail(name(), String.join("; ", problems), details);
    }

    /** Every way a legacy log disagrees with the stored record (for the record check). */
    static List<String> mismatches(Inference r, LogFacts log) {
        List<String> problems = new ArrayList<>();
        if (!isLegacy(r)) {
            problems.add("the log is a Dec 2025 settlement event, the record names a TEE or a blob");
            return problems;
        }
        Decoded d;
        try {
            d = LegacySettlementEvents.decode(log.topics(), log.data());
        } catch (IllegalArgumentException e) {
            problems.add("the log cannot be decoded as the record's event: " + e.getMessage());
            return problems;
        }
        switch (d) {
            case HashesOnly h -> {
                expectKind(problems, r, SettlementKind.INDIVIDUAL, "Settlement");
                same(problems, "input hash", h.inputHash(), r.inputHash());
                same(problems, "output hash", h.outputHash(), r.outputHash());
            }
            case WithMetadata m -> {
                expectKind(problems, r, SettlementKind.INDIVIDUAL, "SettlementWithMetadata");
                same(problems, "input hash", m.inputHash(), r.inputHash());
                same(problems, "output hash", m.outputHash(), r.outputHash());
            }
            case RootOnly b -> {
                expectKind(problems, r, SettlementKind.BATCH, "BatchSettlement(bytes32,uint256)");
                same(problems, "Merkle root", b.merkleRoot(), r.merkleRoot());
                Integer leaf = r.id().leafIndex();
                if (leaf != null && b.batchSize().compareTo(java.math.BigInteger.valueOf(leaf)) <= 0) {
                    problems.add("leaf " + leaf + " is beyond the batch size " + b.batchSize());
                }
            }
        }
        return problems;
    }

    private static void expectKind(List<String> problems, Inference r, SettlementKind kind, String event) {
        if (r.settlement() != kind) {
            problems.add("the log is a " + event + " event, the record a " + r.settlement() + " settlement");
        }
    }

    private static void same(List<String> problems, String what, String onChain, String stored) {
        if (stored == null || !onChain.equals(stored.toLowerCase(Locale.ROOT))) {
            problems.add(what + " on chain " + onChain + ", stored " + stored);
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
