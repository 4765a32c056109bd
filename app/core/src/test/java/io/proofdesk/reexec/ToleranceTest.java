package io.proofdesk.reexec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToleranceTest {

    @ParameterizedTest(name = "atol {0}, rtol {1} is refused")
    @CsvSource({"Infinity, 0", "0, Infinity", "Infinity, Infinity", "NaN, 0", "0, NaN", "-1, 0", "0, -0.5",
            "-Infinity, 0"})
    void nonFiniteOrNegativeIsRefused(double atol, double rtol) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tolerance.of(atol, rtol));
        assertTrue(e.getMessage().contains("finite, non-negative"), e.getMessage());
    }

    @Test
    @DisplayName("the largest finite tolerance is accepted and still refuses a NaN or infinite claim of a finite value")
    void largeFiniteToleranceIsAccepted() {
        Tolerance t = Tolerance.of(Double.MAX_VALUE, Double.MAX_VALUE);
        assertEquals(Double.MAX_VALUE, t.atol());
        assertTrue(t.accepts(1.0, 1e300));
        assertFalse(t.accepts(1.0, Double.NaN));
        assertFalse(t.accepts(1.0, Double.POSITIVE_INFINITY));
    }
}
