package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RuleExtractorTest {

    @Test
    void should_take_every_fenced_block() {
        String reply = "Here are the rules:\n```asp\na(X) :- b(X).\n```\nand also\n```\nc :- a(1).\n```\nDone.";
        assertEquals("a(X) :- b(X).\nc :- a(1).", RuleExtractor.extract(reply));
    }

    @Test
    void should_take_a_block_left_open_by_a_truncated_reply() {
        assertEquals("a(X) :- b(X).\nc :- d", RuleExtractor.extract("```prolog\na(X) :- b(X).\nc :- d"));
    }

    @Test
    void should_take_a_reply_without_fences_whole() {
        assertEquals("a(X) :- b(X).", RuleExtractor.extract("  a(X) :- b(X).\n"));
        assertEquals("", RuleExtractor.extract("```asp\n```"));
    }
}
