package io.proofdesk.gateway;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PythonDictLiteralTest {

    @Test
    void readsPythonsStrOfADictOfStrings() throws Exception {
        assertEquals(Map.of("a", "x+/=", "b", "it's", "c", ""),
                PythonDictLiteral.parse(" {'a': 'x+/=', \"b\": \"it's\", 'c': ''} "));
        assertEquals(Map.of(), PythonDictLiteral.parse("{}"));
    }

    @Test
    void anythingElseSaysWhatWasExpectedWhere() {
        assertEquals(6, failsAt("{'a': 1}"));
        assertEquals(10, failsAt("{'a': 'b' 'c': 'd'}"));
        assertEquals(8, failsAt("{'a': 'b\\'c'}"));
        assertEquals(11, failsAt("{'a': 'b'} x"));
        assertEquals(8, failsAt("{'a': 'b"));
        assertEquals(0, failsAt("__import__('os')"));
        assertEquals(19, failsAt("{'a': 'b', 'a': 'c'}"));
        PythonDictLiteral.SyntaxException e = assertThrows(PythonDictLiteral.SyntaxException.class,
                () -> PythonDictLiteral.parse("{'a': 1}"));
        assertEquals("expected a quoted string at character 6", e.getMessage());
    }

    private static int failsAt(String text) {
        return assertThrows(PythonDictLiteral.SyntaxException.class, () -> PythonDictLiteral.parse(text)).position();
    }
}
