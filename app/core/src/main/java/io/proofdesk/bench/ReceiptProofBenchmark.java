package io.proofdesk.bench;

import io.proofdesk.chain.proof.BlockReceipts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Receipts proved per second on one core: for each block, the header's hash is rebuilt and every receipt is
 * consensus-encoded from its JSON, its bloom recomputed, the receipts trie rebuilt and its root compared with the
 * header's ({@link SyntheticReceiptBlocks#check}). One thread; the rate is per second of that thread's CPU time, so
 * other processes on a shared machine do not lower it (wall-clock rates are reported beside it).
 */
public final class ReceiptProofBenchmark {
    public static final double GOAL_RECEIPTS_PER_CORE_S = 5_000;

    private final List<SyntheticReceiptBlocks.Block> blocks;
    private final int receipts;
    private final int receiptsPerBlock;
    private final int logsPerReceipt;

    public ReceiptProofBenchmark(int blocks, int receiptsPerBlock, int logsPerReceipt, long seed) {
        SyntheticReceiptBlocks gen = new SyntheticReceiptBlocks(seed);
        this.blocks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            this.blocks.add(gen.block(1_000_000L + b, receiptsPerBlock, logsPerReceipt));
        }
        this.receipts = blocks * receiptsPerBlock;
        this.receiptsPerBlock = receiptsPerBlock;
        this.logsPerReceipt = logsPerReceipt;
    }

    /** One measured run: the receipts rate per CPU-second of this thread, and per wall-clock second. */
    public record Run(double perCoreSecond, double perWallSecond) {
    }

    /** Warms up, then measures {@code runs} passes over every block, reporting each to {@code progress}. */
    public BenchResult run(int runs, Consumer<Run> progress) {
        for (int i = 0; i < 3; i++) {
            pass();
        }
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = pass();
            measured.add(r);
            progress.accept(r);
        }
        double[] perCore = measured.stream().mapToDouble(Run::perCoreSecond).sorted().toArray();
        double[] wall = measured.stream().mapToDouble(Run::perWallSecond).sorted().toArray();
        double median = BenchResult.median(perCore);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("receipts_per_core_s", BenchResult.fmt(median));
        values.put("goal_receipts_per_core_s", BenchResult.fmt(GOAL_RECEIPTS_PER_CORE_S));
        values.put("receipts_per_wall_s", BenchResult.fmt(BenchResult.median(wall)));
        for (int i = 0; i < measured.size(); i++) {
            values.put("run" + (i + 1), BenchResult.fmt(measured.get(i).perCoreSecond()));
        }
        values.put("runs", Integer.toString(runs));
        values.put("receipts", Integer.toString(receipts));
        values.put("receipts_per_block", Integer.toString(receiptsPerBlock));
        values.put("logs_per_receipt", Integer.toString(logsPerReceipt));
        values.put("cores", "1");
        return new BenchResult("proofs", median / GOAL_RECEIPTS_PER_CORE_S, values);
    }

    private Run pass() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int checked = 0;
        for (SyntheticReceiptBlocks.Block b : blocks) {
            BlockReceipts proved = SyntheticReceiptBlocks.check(b);
            checked += proved.size();
        }
        long wallNs = System.nanoTime() - wall;
        long cpuNs = threads.getCurrentThreadCpuTime() - cpu;
        if (checked != receipts) {
            throw new IllegalStateException("checked " + checked + " receipts of " + receipts);
        }
        return new Run(receipts / (Math.max(cpuNs, 1) / 1e9), receipts / (wallNs / 1e9));
    }
}
