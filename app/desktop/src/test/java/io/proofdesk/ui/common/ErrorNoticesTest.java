package io.proofdesk.ui.common;

import io.proofdesk.ui.AppWiring;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ErrorNoticesTest {

    private final ErrorNotices notices = new ErrorNotices(ResourceBundle.getBundle(AppWiring.STRINGS));

    @Test
    void turnsAMessageIntoOneSentence() {
        assertEquals("Node http://127.0.0.1:9 did not answer within 5 s.",
                notices.sentence(new IOException("node http://127.0.0.1:9 did not answer within 5 s")));
        assertEquals("Already a sentence!", notices.sentence(new IllegalStateException("Already a sentence!")));
    }

    @Test
    void peelsWrappersAndDropsExtraLines() {
        Throwable wrapped = new CompletionException(new UncheckedIOException(
                new IOException("rpc answer too large\n\tat some.Frame(File.java:1)")));
        assertEquals("Rpc answer too large.", notices.sentence(wrapped));
    }

    @Test
    void withoutAMessageSaysSomethingHumane() {
        String sentence = notices.sentence(new NullPointerException());
        assertEquals("Something went wrong (NullPointerException). The details are in the log.", sentence);
    }

    @Test
    void showAndDismiss() {
        notices.show(new IOException("disk full"));
        assertEquals("Disk full.", notices.messageProperty().get());
        notices.dismiss();
        assertFalse(!notices.messageProperty().get().isEmpty());
    }

    @Test
    void dismissIfTakesDownOnlyTheSentenceItNames() {
        notices.show(new IOException("the demo network could not start"));
        notices.dismissIf("Another problem.");
        assertEquals("The demo network could not start.", notices.messageProperty().get());
        notices.dismissIf("The demo network could not start.");
        assertEquals("", notices.messageProperty().get());
    }
}
