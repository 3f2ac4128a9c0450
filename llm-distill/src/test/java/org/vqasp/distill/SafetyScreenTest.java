package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafetyScreenTest {

    private final SafetyScreen screen = new SafetyScreen(2_000, 500, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "#script (python)\\nimport os\\n#end.|script",
        "# script(lua) os.exit() #end.|script",
        "#include \"/etc/passwd\".|inclusion",
        "p(X) :- q(X), X = @evil(X).|external function",
        "#show p/1.|directive #show",
        "#const n = 100000.|directive #const",
        "#program step(t).|directive #program",
        "#external e.|directive #external",
    })
    void should_refuse_forbidden_constructs(String rules, String why) {
        // given rule text with a forbidden construct
        // when it is screened
        Optional<String> r = screen.checkRules(rules.replace("\\n", "\n"));

        // then it is refused, saying why
        assertTrue(r.isPresent(), rules);
        assertTrue(r.get().contains(why), r.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "p(X) :- q(X).",
        "n(N) :- N = #count{ X : q(X) }, N > 0.",
        "% a comment that mentions @f and #include\np(X) :- q(X).",
        "p(\"mail@example.org\") :- q(1).",
    })
    void should_accept_plain_rules_aggregates_and_harmless_comments_or_strings(String rules) {
        assertEquals(Optional.empty(), screen.checkRules(rules));
    }

    @Test
    void should_refuse_oversized_replies_and_rules() {
        // given a reply and rules over the limits
        String reply = "x".repeat(2_001);
        String rules = "p(X) :- q(X).\n".repeat(40);
        String many = "p(1). p(2). p(3). p(4). p(5). p(6).";

        // then each is refused as oversized
        assertTrue(screen.checkReply(reply).orElseThrow().startsWith("oversized reply"));
        assertTrue(screen.checkRules(rules).orElseThrow().startsWith("oversized rules"));
        assertTrue(screen.checkRules(many).orElseThrow().contains("6 statements"));
    }
}
