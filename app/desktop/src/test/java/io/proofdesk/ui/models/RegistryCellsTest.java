package io.proofdesk.ui.models;

import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.models.RegistryEntries.FirstUse;
import io.proofdesk.ui.models.RegistryEntries.VersionEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Models view says for registry facts a source knows, and for those none does; no toolkit. */
class RegistryCellsTest {

    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
    private final RegistryCells cells = new RegistryCells(strings);
    private final RecordId record = RecordId.of("0x" + "ab".repeat(32), 3);

    private VersionEntry version(Instant created, FirstUse first) {
        return new VersionEntry(new ModelVersion("credit-mlp", "1.00", "QmCid", created, null, null), List.of(), 0,
                first);
    }

    @Test
    void whatTheHubDoesNotSayIsUnknownWithTheReason() {
        RegistryCells.Shown owner = cells.owner(new Model("credit-mlp", null, "d", null, null));
        assertEquals(new RegistryCells.Shown("unknown", strings.getString("models.owner.unknown")), owner);
        RegistryCells.Shown created = cells.created(version(null, null));
        assertEquals("unknown", created.text());
        assertTrue(created.tooltip().contains("hub"), created.tooltip());
    }

    @Test
    void whatASourceKnowsIsShownPlain() {
        assertEquals(new RegistryCells.Shown("0xowner", null), cells.owner(new Model("m", "0xowner", null, null, null)));
        RegistryCells.Shown created = cells.created(version(Instant.parse("2025-06-01T10:00:00Z"), null));
        assertEquals("2025-06-01 10:00:00", created.text());
        assertNull(created.tooltip());
    }

    @Test
    void firstUseIsTheBlockWithItsRecordAndTime() {
        RegistryCells.Shown first = cells.firstUse(version(null,
                new FirstUse(record, 18_204, Instant.parse("2025-06-02T06:04:00Z"))));
        assertEquals("18204", first.text());
        assertTrue(first.tooltip().contains("18204") && first.tooltip().contains(record.toString())
                && first.tooltip().contains("2025-06-02 06:04:00"), first.tooltip());
        assertEquals(new RegistryCells.Shown("not used yet", strings.getString("models.firstUse.none.tooltip")),
                cells.firstUse(version(null, null)));
    }
}
