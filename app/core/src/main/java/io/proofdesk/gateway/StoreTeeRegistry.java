package io.proofdesk.gateway;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;

import java.util.Locale;
import java.util.Optional;

/**
 * The registry as {@code proofdesk sync} stored it: the tees table and each TEE's events. Reads either an open store
 * (the desktop's) or the store of a data folder, opened read-only for one lookup and closed again.
 */
public final class StoreTeeRegistry implements TeeRegistryLookup {

    private final Store store;
    private final DataDirectory folder;

    private StoreTeeRegistry(Store store, DataDirectory folder) {
        this.store = store;
        this.folder = folder;
    }

    /** An open store; the caller keeps it open and closes it. */
    public static StoreTeeRegistry of(Store store) {
        return new StoreTeeRegistry(store, null);
    }

    /** The store in a data folder ({@code --data-dir}); nothing is created or written there. */
    public static StoreTeeRegistry in(DataDirectory folder) {
        return new StoreTeeRegistry(null, folder);
    }

    @Override
    public Optional<RegisteredTee> find(String teeId) {
        String id = teeId.toLowerCase(Locale.ROOT);
        if (store != null) {
            return find(store, id);
        }
        Optional<Store> opened = Store.openReadOnly(folder);
        if (opened.isEmpty()) {
            throw new GatewayUncheckableException("there is no store in " + folder.path()
                    + " to look TEE " + id + " up in (run proofdesk sync first)");
        }
        try (Store s = opened.get()) {
            return find(s, id);
        }
    }

    private static Optional<RegisteredTee> find(Store s, String id) {
        return s.read(tx -> tx.tees().find(id)
                .map(tee -> new RegisteredTee(tee, tx.teeEvents().forTee(id, Long.MAX_VALUE))));
    }

    @Override
    public String describe() {
        return store != null ? "the store " + store.databaseFile() : "the store in " + folder.path();
    }
}
