package io.proofdesk.ui.inferences;

import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.reports.DocumentOpener;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The current network's block explorer as the Inferences view uses it: its base URL if the network has one (read
 * when a menu opens, as the network can change), and how a page of it is opened.
 */
public record ExplorerAccess(Supplier<Optional<String>> baseUrl, Consumer<URI> open) {

    /** Opens pages in the system browser off the FX thread; a system without one gets a sentence in the banner. */
    public static ExplorerAccess browsing(Supplier<Optional<String>> baseUrl, DocumentOpener opener,
                                         BackgroundExecutor executor) {
        return new ExplorerAccess(baseUrl, page -> Tasks.create(ctx -> {
            opener.browse(page);
            return page;
        }).run(executor));
    }
}
