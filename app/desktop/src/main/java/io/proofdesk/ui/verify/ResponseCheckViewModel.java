package io.proofdesk.ui.verify;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.gateway.GatewayCheckResult;
import io.proofdesk.gateway.GatewayKeySource;
import io.proofdesk.gateway.GatewayResponseChecker;
import io.proofdesk.gateway.StoreTeeRegistry;
import io.proofdesk.store.Store;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The desktop's {@code proofdesk check-response}: a TEE gateway's response file, optionally the request sent and a
 * key file, checked off the FX thread. Without a key file the key is the registry's, from the app's store (the
 * TEE the response names, and its status when it signed). The Verify view's button, a file dropped on the window
 * and the result dialog's buttons all come through here; the last outcome is a property the dialog shows.
 */
public final class ResponseCheckViewModel {

    /** One check: the files it read and what it found. {@code request} and {@code key} are null when not given. */
    public record Outcome(Path response, Path request, Path key, GatewayCheckResult result) {
    }

    private final StoreAccess store;
    private final BackgroundExecutor executor;
    private final ResourceBundle strings;
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private Path response;
    private Path request;
    private Path key;

    public ResponseCheckViewModel(StoreAccess store, BackgroundExecutor executor, ResourceBundle strings) {
        this.store = store;
        this.executor = executor;
        this.strings = strings;
    }

    /** Checks a response file on its own (against the registry in the app's store); FX thread. */
    public void check(Path responseFile) {
        response = Objects.requireNonNull(responseFile, "responseFile");
        request = null;
        key = null;
        run();
    }

    /** Checks the last response again, with the request that was sent for it. */
    public void addRequest(Path requestFile) {
        if (response != null) {
            request = requestFile;
            run();
        }
    }

    /** Checks the last response again, under this public key instead of the registry's. */
    public void useKey(Path keyFile) {
        if (response != null) {
            key = keyFile;
            run();
        }
    }

    private void run() {
        Path r = response;
        Path q = request;
        Path k = key;
        Store s = store.store();
        checking.set(true);
        outcome.set(null);
        Tasks.create(ctx -> {
                    ctx.progress(0, 0);
                    return new Outcome(r, q, k, check(r, q, k, s));
                })
                .titled(MessageFormat.format(strings.getString("responseCheck.task"), r.getFileName()))
                .onSuccess(outcome::set)
                .andFinally(() -> checking.set(false))
                .run(executor);
    }

    /** Off the FX thread. */
    static GatewayCheckResult check(Path response, Path request, Path key, Store store) {
        GatewayKeySource keys;
        if (key != null) {
            try {
                keys = new GatewayKeySource.GivenKey(PublicKeys.parse(readKey(key), key.toString()),
                        String.valueOf(key.getFileName()));
            } catch (KeyFormatException e) {
                return GatewayCheckResult.unreadable(e.getMessage());
            } catch (IOException e) {
                return GatewayCheckResult.unreadable(key + ": cannot be read: " + e.getMessage());
            }
        } else if (store != null) {
            keys = new GatewayKeySource.Registry(StoreTeeRegistry.of(store));
        } else {
            keys = GatewayKeySource.none();
        }
        return new GatewayResponseChecker(keys, null).check(response, request);
    }

    private static byte[] readKey(Path key) throws IOException {
        if (!Files.isRegularFile(key)) {
            throw new KeyFormatException(key.toString(), "no such file");
        }
        if (Files.size(key) > PublicKeys.MAX_KEY_BYTES) {
            throw new KeyFormatException(key.toString(), "more than " + PublicKeys.MAX_KEY_BYTES + " bytes");
        }
        return Files.readAllBytes(key);
    }

    /** The last check's outcome; null before the first and while one runs. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
