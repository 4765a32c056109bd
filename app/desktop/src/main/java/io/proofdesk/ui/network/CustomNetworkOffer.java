package io.proofdesk.ui.network;

import io.proofdesk.network.NetworkProfile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;

/**
 * A network another view (the Network view's first-run card) asks Settings to show in Custom endpoints, to be checked
 * and applied by the user. Settings may not be loaded yet (views load when first shown), so the offer waits here until
 * Settings takes it. One per app, on the FX thread.
 */
public final class CustomNetworkOffer {

    private final ReadOnlyObjectWrapper<NetworkProfile> pending = new ReadOnlyObjectWrapper<>(this, "pending");

    /** Offers {@code profile}; the caller then shows Settings. */
    public void offer(NetworkProfile profile) {
        pending.set(null); // the same network offered twice is two offers (the form may have been edited since)
        pending.set(profile);
    }

    /** The profile offered and not taken yet; null when there is none. */
    public ReadOnlyObjectProperty<NetworkProfile> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public Optional<NetworkProfile> take() {
        Optional<NetworkProfile> p = Optional.ofNullable(pending.get());
        pending.set(null);
        return p;
    }
}
