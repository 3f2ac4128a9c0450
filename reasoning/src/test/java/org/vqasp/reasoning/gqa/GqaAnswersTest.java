package org.vqasp.reasoning.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GqaAnswersTest {

    @Test
    void should_compare_answers_as_gqa_does() {
        // given answers differing in case, blanks, punctuation, article and number
        // when compared, then they match; different words do not
        assertEquals("license plate", GqaAnswers.normalize("  The License  Plate. "));
        assertTrue(GqaAnswers.matches("Yes", "yes"));
        assertTrue(GqaAnswers.matches("horses", "horse"));
        assertTrue(GqaAnswers.matches("potatoes", "potato"));
        assertFalse(GqaAnswers.matches("left", "right"));
        assertFalse(GqaAnswers.matches(null, "yes"));
    }

    @Test
    void should_answer_a_chosen_relation_by_its_short_form() {
        // given relations of choose rel questions (semantic-dev 04357567 answers "left")
        // when turned into answers, then GQA's short forms come out
        assertEquals("left", GqaAnswers.relationAnswer("to the left of"));
        assertEquals("right", GqaAnswers.relationAnswer("to the right of"));
        assertEquals("front", GqaAnswers.relationAnswer("in front of"));
        assertEquals("behind", GqaAnswers.relationAnswer("behind"));
    }
}
