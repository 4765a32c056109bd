package io.proofdesk.devnet.sync;

import io.proofdesk.devnet.DevnetManifest;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Manual tool (not a test): seeds a larger fixture history for {@code proofdesk bench sync --devnet DIR} until the
 * seeded Devnet is merged, writes DIR/devnet.json and keeps the network up until its stdin closes.
 * Args: DIR [rounds]. Each round: 50 individual settlements, 50 on-chain records, one batch of 20.
 */
public final class BenchSeedMain {
    private BenchSeedMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        try (SyncFixture fx = new SyncFixture(dir)) {
            fx.registry();
            int records = 0;
            for (int r = 0; r < rounds; r++) {
                fx.settleIndividually(50, false);
                fx.runMany(new ArrayList<>(Collections.nCopies(50, BigInteger.valueOf(r % 2))));
                fx.settleBatch(20, false, true);
                records += 120;
            }
            new DevnetManifest(fx.anvil.chainId(), fx.anvil.rpcUrl(), fx.contracts.addresses(), fx.hub.baseUrl(),
                    fx.hub.baseUrl(), fx.blobs.baseUrl(), List.of(), dir.resolve("ground-truth.json").toString(), records,
                    null).write(dir);
            System.out.println("SEEDED " + records + " head " + fx.head());
            System.out.flush();
            System.in.read();
        }
    }
}
