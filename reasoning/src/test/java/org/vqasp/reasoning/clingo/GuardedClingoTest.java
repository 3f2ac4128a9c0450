package org.vqasp.reasoning.clingo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GuardedClingoTest {

    private static GuardedClingo clingo;

    @BeforeAll
    static void setUp() {
        clingo = GuardedClingo.create(new GuardedClingo.Limits(Duration.ofSeconds(2), 256L << 20, 1L << 20));
    }

    @AfterAll
    static void tearDown() {
        clingo.close();
    }

    private static GuardedClingo.Run solve(String candidate) {
        return clingo.solve(List.of(new GuardedClingo.Source("candidate.lp", candidate)), 0);
    }

    @Test
    void should_read_answer_sets() {
        // given a program with two answer sets
        // when it is solved
        GuardedClingo.Run r = solve("1 { a; b } 1. c :- a. #show a/0. #show c/0. #show b/0.");

        // then both are read with their atoms
        assertEquals(GuardedClingo.Status.SATISFIABLE, r.status());
        assertEquals(2, r.models().size());
        assertTrue(r.models().stream().anyMatch(m -> new java.util.HashSet<>(m).equals(java.util.Set.of(Symbol.parse("a"), Symbol.parse("c")))),
                r.models().toString());
    }

    @Test
    void should_stop_a_grounding_that_explodes() {
        // given a rule whose grounding has 10^12 instances (clingo cannot interrupt grounding)
        String bomb = "n(1..10000).\np(X,Y,Z) :- n(X), n(Y), n(Z).\n";

        // when it runs under a 2 s, 256 MiB guard
        long t0 = System.nanoTime();
        GuardedClingo.Run r = solve(bomb);
        double seconds = (System.nanoTime() - t0) / 1e9;

        // then the child was stopped at a limit, quickly, and no answer set was read
        assertTrue(r.status().exceededLimits(), r.status() + " " + r.detail());
        assertTrue(seconds < 6, "took " + seconds + " s");
        assertEquals(List.of(), r.models());
    }

    @Test
    void should_stop_a_grounding_that_never_ends() {
        // given a recursive rule with an infinite grounding
        GuardedClingo.Run r = solve("p(0).\np(X+1) :- p(X).\n");

        // then a limit stopped it
        assertTrue(r.status().exceededLimits(), r.status() + " " + r.detail());
    }

    @Test
    void should_report_syntax_errors_with_the_source_line_and_column() {
        // given a candidate whose second line does not parse
        GuardedClingo.Run r = solve("p(1).\nq(X) :- p(X.\n");

        // then clingo's message names candidate.lp, line 2 and a column
        assertEquals(GuardedClingo.Status.ERROR, r.status());
        List<ClingoMessage> m = r.messagesAbout("candidate.lp");
        assertEquals(1, m.size(), r.messages().toString());
        assertEquals(2, m.get(0).line());
        assertTrue(m.get(0).column() > 0);
        assertTrue(m.get(0).text().contains("syntax error"), m.get(0).text());
    }

    @Test
    void should_report_unsafe_variables() {
        // given a rule with a variable that occurs in no positive body atom
        GuardedClingo.Run r = solve("p(1).\nq(X,Y) :- p(X).\n");

        // then grounding fails with clingo's message naming the variable
        assertEquals(GuardedClingo.Status.ERROR, r.status());
        assertTrue(r.messages().stream().anyMatch(x -> x.text().contains("'Y' is unsafe")), r.messages().toString());
    }

    @Test
    void should_report_its_version() {
        assertTrue(clingo.version().startsWith("clingo version"), clingo.version());
    }
}
