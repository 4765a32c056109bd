package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncProgress;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs in a child JVM for the kill test: syncs one block per chunk and prints a line per stored chunk, so the parent
 * can SIGKILL it in the middle. Args: dataDir rpcUrl hubUrl blobUrl registry relay inference inferenceJsons.
 */
public final class SyncChildMain {
    private SyncChildMain() {
    }

    public static void main(String[] a) {
        SyncConfig config = new SyncConfig(List.of(a[1]), 31337L, new ContractAddresses(a[4], a[5], a[6], a[7]), a[2], a[2],
                a[3], 0, false, 50, 256, SyncLimits.DEFAULT.withRpc(4L << 20, Duration.ofSeconds(5)).withSpans(1, 1, 1, 50));
        try (Store store = Store.open(new DataDirectory(Path.of(a[0])))) {
            new ChainSync(store, config, new SyncListener() {
                @Override
                public void chunkStored(SyncProgress p) {
                    System.out.println("CHUNK " + p.syncedBlock());
                    System.out.flush();
                }
            }).run(new SyncControl());
        }
        System.out.println("DONE");
    }
}
