package io.proofdesk.chain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorerLinksTest {

    private static final String TX = "0x3f9a1c0000000000000000000000000000000000000000000000000000007be2";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://explorer.opengradient.ai, https://explorer.opengradient.ai/tx/" + TX,
            "https://explorer.opengradient.ai/, https://explorer.opengradient.ai/tx/" + TX,
            "'  http://127.0.0.1:4000/og//  ', http://127.0.0.1:4000/og/tx/" + TX,
            "HTTPS://Scan.Example/chain/10740, HTTPS://Scan.Example/chain/10740/tx/" + TX})
    void aTransactionLinkIsTheBasePlusTxAndTheHash(String base, String expected) {
        ExplorerLinks links = ExplorerLinks.of(Optional.of(base));
        assertTrue(links.available());
        assertEquals(Optional.of(URI.create(expected)), links.transaction(TX));
        assertEquals(Optional.of(URI.create(expected)), links.transaction(" " + TX.toUpperCase().replace("0X", "0x")),
                "a hash in capitals links to the lower-case page");
    }

    @ParameterizedTest(name = "\"{0}\" is no explorer")
    @ValueSource(strings = {"", "   ", "file:///etc/passwd", "javascript:alert(1)", "ftp://explorer.example",
            "explorer.opengradient.ai", "https://", "https://explorer.example/?q=1", "https://explorer.example/#top",
            "http://bad host/"})
    void aBaseThatIsNotAnHttpUrlGivesNoLinks(String base) {
        ExplorerLinks links = ExplorerLinks.of(Optional.of(base));
        assertFalse(links.available());
        assertEquals(Optional.empty(), links.transaction(TX));
        assertTrue(ExplorerLinks.problem(base).isPresent(), "a sentence says why");
    }

    @Test
    void noExplorerNoLinks() {
        ExplorerLinks links = ExplorerLinks.of(Optional.empty());
        assertFalse(links.available());
        assertEquals(Optional.empty(), links.transaction(TX));
    }

    @ParameterizedTest(name = "\"{0}\" is not a tx hash")
    @ValueSource(strings = {"", "0x1234", "3f9a1c0000000000000000000000000000000000000000000000000000007be2",
            "0x3f9a1c0000000000000000000000000000000000000000000000000000007be2:4", "0x../../admin"})
    void onlyATxHashGetsALink(String text) {
        assertEquals(Optional.empty(), ExplorerLinks.of(Optional.of("https://explorer.example")).transaction(text));
    }

    @Test
    void theProblemNamesTheUrl() {
        assertEquals(Optional.of("the explorer URL 'ftp://x.example' must start with http:// or https://"),
                ExplorerLinks.problem("ftp://x.example"));
        assertEquals(Optional.empty(), ExplorerLinks.problem("https://x.example"));
    }
}
