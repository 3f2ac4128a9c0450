package org.vqasp.reasoning.clingo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymbolTest {

    @Test
    void should_parse_what_clingo_prints_and_print_it_back() {
        for (String s : new String[] {"answer(3,yes)", "error(1002,unique,0)", "p(-4,\"a \\\"b\\\"\")", "q((1,a),())",
            "r(#sup)", "-s(1)", "t"}) {
            assertEquals(s, Symbol.parse(s).toString());
        }
    }

    @Test
    void should_read_answers_as_datasets_write_them() {
        Symbol t = Symbol.parse("answer(3,\"license plate\")");
        assertTrue(t.is("answer", 2));
        assertEquals(3, t.arg(0).number());
        assertEquals("license plate", t.arg(1).asText());
        assertEquals("7", Symbol.parse("answer(1,7)").arg(1).asText());
    }

    @Test
    void should_refuse_what_is_not_a_term() {
        assertThrows(IllegalArgumentException.class, () -> Symbol.parse("p(1,"));
        assertThrows(IllegalArgumentException.class, () -> Symbol.parse("p(1) q"));
    }
}
