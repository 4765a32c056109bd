package io.proofdesk.store;

import java.nio.file.Path;
import java.time.Clock;

/** Run in a child JVM by StoreOpenTest: holds a store open until its stdin closes. */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (Store store = Store.open(dir.resolve(Store.DATABASE_FILE), dir.resolve(Store.LOCK_FILE), Clock.systemUTC())) {
            System.out.println("LOCKED " + store.schemaVersion());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our stdin
            }
        }
    }
}
