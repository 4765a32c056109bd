package io.proofdesk.verify.checks;

import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Inference;
import io.proofdesk.verify.ChainReader;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.RecordEvidence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record is on the canonical chain as stored: its transaction's receipt exists, succeeded, sits in the stored
 * block whose hash is the canonical one at that height, and its log at the stored index is the expected event
 * carrying the stored fields ({@link SettlementEvents}).
 */
public final class RecordCheck implements InferenceCheck {

    private final ChainReader chain;

    public RecordCheck(ChainReader chain) {
        this.chain = chain;
    }

    @Override
    public String name() {
        return CheckNames.RECORD;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        Inference r = evidence.inference();
        String tx = r.id().txHash();
        Optional<ReceiptFacts> found;
        Optional<String> canonical;
        try {
            found = chain.receipt(tx);
            canonical = found.isPresent() ? chain.blockHash(found.get().blockNumber()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return CheckLines.error(name(), "the chain could not be asked: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return CheckLines.fail(name(), "the chain has no receipt for transaction " + tx);
        }
        ReceiptFacts receipt = found.get();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("block", Long.toString(receipt.blockNumber()));
        details.put("blockHash", receipt.blockHash());
        List<String> problems = new ArrayList<>();
        if (!receipt.success()) {
            problems.add("the transaction reverted");
        }
        if (receipt.blockNumber() != r.blockNumber()) {
            problems.add("the transaction is in block " + receipt.blockNumber() + ", the store says " + r.blockNumber());
        }
        if (canonical.isEmpty() || !canonical.get().equalsIgnoreCase(receipt.blockHash())) {
            problems.add("block " + receipt.blockNumber() + " " + receipt.blockHash()
                    + " is not the canonical block at that height (" + canonical.orElse("none") + ")");
        }
        Optional<LogFacts> log = receipt.log(r.id().logIndex());
        if (log.isEmpty()) {
            problems.add("the receipt has no log with index " + r.id().logIndex());
        } else {
            problems.addAll(SettlementEvents.mismatches(r, log.get()));
        }
        return problems.isEmpty()
                ? CheckLines.pass(name(), "event found on the canonical chain as stored", details)
                : CheckLines.fail(name(), String.join("; ", problems), details);
    }
}
