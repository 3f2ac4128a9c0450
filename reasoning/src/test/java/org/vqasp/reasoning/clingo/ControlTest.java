package org.vqasp.reasoning.clingo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ControlTest {

    @Test
    void should_enumerate_every_answer_set() {
        // given a program with four answer sets
        try (Control ctl = Control.create()) {
            ctl.add("base", "{ a; b }. c :- a. #show a/0. #show b/0. #show c/0.");
            ctl.ground("base");
            // when solving without a model limit
            Control.SolveResult r = ctl.solve(Duration.ofSeconds(5), 0);
            // then all four are copied out, each consistent with c :- a
            assertEquals(SolveHandle.Status.SATISFIABLE, r.status());
            Set<String> models = r.models().stream().map(AnswerSet::toString).collect(Collectors.toSet());
            assertEquals(4, models.size(), models.toString());
            for (AnswerSet m : r.models()) {
                boolean a = !m.atoms("a", 0).isEmpty();
                boolean c = !m.atoms("c", 0).isEmpty();
                assertEquals(a, c, m.toString());
            }
        }
    }

    @Test
    void should_stop_at_the_model_limit() {
        try (Control ctl = Control.create()) {
            ctl.add("base", "{ p(1..5) }.");
            ctl.ground("base");
            Control.SolveResult r = ctl.solve(Duration.ofSeconds(5), 3);
            assertEquals(3, r.models().size());
        }
    }

    @Test
    void should_report_unsatisfiable() {
        try (Control ctl = Control.create()) {
            ctl.add("base", "a. :- a.");
            ctl.ground("base");
            Control.SolveResult r = ctl.solve(Duration.ofSeconds(5), 0);
            assertEquals(SolveHandle.Status.UNSATISFIABLE, r.status());
            assertTrue(r.models().isEmpty());
        }
    }

    @Test
    void should_return_syntax_errors_with_line_and_column() {
        try (Control ctl = Control.create()) {
            // when the second line has a syntax error
            ClingoException e = assertThrows(ClingoException.class,
                    () -> ctl.add("base", "a.\nb :- a c.\n"));
            // then the message names line 2 and a column, and the kind is syntax
            assertEquals("syntax", e.kind());
            assertFalse(e.messages().isEmpty());
            ClingoMessage m = e.messages().get(0);
            assertEquals(2, m.line(), m.text());
            assertTrue(m.column() > 0, m.text());
            assertTrue(m.text().contains("syntax error"), m.text());
            assertTrue(m.isError());
        }
    }

    @Test
    void should_return_unsafe_variables_at_grounding() {
        try (Control ctl = Control.create()) {
            ctl.add("base", "p(X) :- not q(X).\nq(1).");
            ClingoException e = assertThrows(ClingoException.class, () -> ctl.ground("base"));
            assertEquals("grounding", e.kind());
            String all = e.messages().toString();
            assertTrue(all.contains("unsafe"), all);
            assertTrue(all.contains("X"), all);
        }
    }

    @Test
    void should_return_info_messages_on_success() {
        try (Control ctl = Control.create()) {
            ctl.add("base", "p :- q.");
            List<ClingoMessage> msgs = ctl.ground("base");
            assertEquals(1, msgs.size(), msgs.toString());
            assertEquals(ClingoMessage.Code.ATOM_UNDEFINED, msgs.get(0).code());
            assertTrue(msgs.get(0).text().contains("q"), msgs.get(0).text());
            assertFalse(msgs.get(0).isError());
        }
    }

    @Test
    void should_copy_out_nested_terms() {
        try (Control ctl = Control.create()) {
            ctl.add("base", "t(f(1,\"x y\"),-g,(a,b),-3).");
            ctl.ground("base");
            AnswerSet m = ctl.solve(Duration.ofSeconds(5), 0).models().get(0);
            Symbol t = m.atoms("t", 4).get(0);
            assertEquals("f(1,\"x y\")", t.arg(0).toString());
            assertEquals("x y", t.arg(0).arg(1).asText());
            assertFalse(t.arg(1).positive());
            assertEquals("(a,b)", t.arg(2).toString());
            assertEquals(-3, t.arg(3).number());
        }
    }

    @Test
    void should_report_costs_of_weak_constraints() {
        try (Control ctl = Control.create(List.of("--opt-mode=optN", "--models=0"))) {
            ctl.add("base", "1 { pick(1..3) } 1. :~ pick(X). [X@1]");
            ctl.ground("base");
            List<AnswerSet> models = ctl.solve(Duration.ofSeconds(5), 0).models();
            AnswerSet best = models.get(models.size() - 1);
            assertEquals(List.of(1L), best.costs());
            assertTrue(best.optimalityProven());
            assertEquals("pick(1)", best.symbols().get(0).toString());
        }
    }

    @Test
    void should_interrupt_solving_at_the_time_limit() {
        // given a pigeonhole problem that takes far longer than the limit
        try (Control ctl = Control.create()) {
            ctl.add("base", "p(1..13). h(1..12). 1 { at(P,H) : h(H) } 1 :- p(P). :- at(P,H), at(Q,H), P < Q.");
            ctl.ground("base");
            long t0 = System.nanoTime();
            Control.SolveResult r = ctl.solve(Duration.ofMillis(300), 0);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // then solving stops soon after the limit, saying so
            assertEquals(SolveHandle.Status.INTERRUPTED, r.status());
            assertTrue(ms < 5_000, "took " + ms + " ms");
        }
    }

    @Test
    void should_reject_unknown_options() {
        assertThrows(ClingoException.class, () -> Control.create(List.of("--no-such-option")).close());
    }

    @Test
    void should_solve_on_many_threads_with_one_control_each() throws Exception {
        // given 4 threads each solving 200 programs with their own controls
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int thread = t;
                futures.add(pool.submit(() -> {
                    Set<Integer> wrong = new HashSet<>();
                    for (int i = 0; i < 200; i++) {
                        int n = thread * 1000 + i;
                        try (Control ctl = Control.create()) {
                            ctl.add("base", "n(" + n + "). m(X+1) :- n(X). #show m/1.");
                            ctl.ground("base");
                            AnswerSet m = ctl.solve(Duration.ofSeconds(5), 0).models().get(0);
                            if (m.symbols().get(0).arg(0).number() != n + 1) {
                                wrong.add(n);
                            }
                        }
                    }
                    return wrong;
                }));
            }
            // then every answer is right
            for (Future<Set<Integer>> f : futures) {
                assertEquals(Set.of(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_report_its_version() {
        assertTrue(Clingo.version().startsWith("5."), Clingo.version());
    }
}
