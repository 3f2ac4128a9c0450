package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TheoryTextTest {

    private static final String PROGRAM = """
            % a comment with a period. and a :- arrow
            value(size,(small;large)).
            n(1..3).
            name("a. b").
            %* block
               comment. *%
            p(X) :- n(X), not q(X),
                    X > 1.
            q(X) :- n(X), X = #count{ Y : n(Y) }.
            :- p(1).
            #show p/1.
            """;

    @Test
    void should_split_statements_around_comments_strings_and_intervals() {
        // given a program with comments, a string holding a period, an interval and a two-line rule
        // when it is split
        List<Statement> s = TheoryText.parse(PROGRAM).statements();

        // then there are seven statements of the right kinds
        assertEquals(7, s.size(), s.toString());
        assertEquals(List.of(Statement.Kind.FACT, Statement.Kind.FACT, Statement.Kind.FACT, Statement.Kind.RULE,
                Statement.Kind.RULE, Statement.Kind.CONSTRAINT, Statement.Kind.DIRECTIVE),
                s.stream().map(Statement::kind).toList());
        assertEquals(new Predicate("value", 2), s.get(0).head());
        assertEquals("name(\"a. b\").", s.get(2).text());
        assertEquals(7, s.get(3).line());
        assertEquals(Set.of(new Predicate("n", 1), new Predicate("q", 1)), s.get(3).body());
        assertEquals(Set.of(new Predicate("n", 1)), s.get(4).body());
    }

    @Test
    void should_delete_every_rule_of_a_predicate_with_its_lines() {
        // given the bundled CLEVR theory
        TheoryText t = TheoryText.parse(Fixtures.clevrTheory());

        // when the rules of filter_color are deleted
        List<Statement> d = t.definitionsOf(PredicateSelector.parse("filter_color"));
        TheoryText after = t.without(d);

        // then one rule went, the bridge rule using it stays, and filter_color/2 joins the predicates used but
        // defined by no statement (the encoders' inputs, such as step/2)
        assertEquals(1, d.size());
        assertEquals(t.statements().size() - 1, after.statements().size());
        assertFalse(after.text().contains("filter_color(S,O) :- step("));
        assertTrue(after.text().contains("set(S,O) :- filter_color(S,O)."));
        Set<Predicate> now = new java.util.HashSet<>(after.undefined());
        now.removeAll(t.undefined());
        assertEquals(Set.of(new Predicate("filter_color", 2)), now);
        assertTrue(t.undefined().contains(new Predicate("step", 2)));
        assertEquals(t.text().lines().count() - 1, after.text().lines().count());
    }

    @Test
    void should_pick_the_same_random_rules_for_the_same_seed() {
        // given the CLEVR theory's rules
        TheoryText t = TheoryText.parse(Fixtures.clevrTheory());
        int rules = t.rules().size();

        // when a fifth of them is picked with two seeds
        List<Statement> a = t.randomRules(0.2, 7);
        List<Statement> b = t.randomRules(0.2, 7);
        List<Statement> c = t.randomRules(0.2, 8);

        // then the same seed picks the same rules, another seed others, and all are rules
        assertEquals(Math.round(0.2 * rules), a.size());
        assertEquals(a, b);
        assertFalse(a.equals(c));
        assertTrue(a.stream().allMatch(Statement::isRule));
    }

    @Test
    void should_append_rules_under_a_comment() {
        // given a program
        TheoryText t = TheoryText.parse("a.\n");

        // when rules are appended
        TheoryText u = t.append("b :- a.", "learnt for question 7");

        // then they follow the comment line
        assertEquals("a.\n\n% learnt for question 7\nb :- a.\n", u.text());
        assertEquals(2, u.statements().size());
    }

    @Test
    void should_parse_predicate_selectors() {
        assertEquals(new PredicateSelector("filter_color", -1), PredicateSelector.parse("filter_color"));
        assertEquals(new PredicateSelector("set", 2), PredicateSelector.parse(" set/2 "));
        assertTrue(PredicateSelector.parse("set").matches(new Predicate("set", 2)));
        assertFalse(PredicateSelector.parse("set/1").matches(new Predicate("set", 2)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PredicateSelector.parse("Set/x"));
    }
}
