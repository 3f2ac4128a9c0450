package org.vqasp.core.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.Samples;
import org.vqasp.core.json.DatasetReader;

class SemanticStringTest {

    @Test
    void should_parse_semantic_str_into_the_released_semantic_list_of_both_sample_questions() {
        // given the two real questions, which carry both semantic and semanticStr
        int n = 0;
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(Samples.path("gqa/sample/questions.json"))) {
            while (r.hasNext()) {
                GqaQuestion q = r.next().value();
                // when semanticStr is parsed, and semantic written back
                List<GqaOperation> parsed = SemanticString.parse(q.semanticStr());
                // then both agree with the file
                assertEquals(q.semantic(), parsed, q.id());
                assertEquals(q.semanticStr(), SemanticString.format(q.semantic()), q.id());
                n++;
            }
        }
        assertEquals(2, n);
    }

    @Test
    void should_round_trip_every_real_semantic_str_of_semantic_dev() {
        // given the 200 real val programs, which exist only as semanticStr
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(Samples.path("gqa/semantic-dev/questions.json"))) {
            while (r.hasNext()) {
                DatasetItem<GqaQuestion> item = r.next();
                GqaQuestion q = item.value();
                // when each is parsed and written back
                String back = SemanticString.format(q.semantic());
                if (!back.equals(q.semanticStr())) {
                    mismatches.add(q.id() + ": " + back);
                }
                n++;
            }
        }
        // then the text is the same
        assertEquals(200, n);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void should_read_the_blank_after_a_later_select_and_empty_arguments() {
        // given a real logical program (question 05949893) with two dependency-less selects
        String s = "select: binder (-)->exist: ? [0]->select: notebook (-) ->exist: ? [2]->or:  [1, 3]";

        // when it is parsed
        List<GqaOperation> steps = SemanticString.parse(s);

        // then the second select has no trailing blank and "or" has an empty argument and two dependencies
        assertEquals(new GqaOperation("select", "notebook (-)", List.of()), steps.get(2));
        assertEquals(new GqaOperation("or", "", List.of(1, 3)), steps.get(4));
        // and a verify whose argument ends in a blank (question 161001021) keeps it
        assertEquals(new GqaOperation("verify", "open ", List.of(0)),
                SemanticString.parse("select: glass (1)->verify length: long [0]->verify: open  [0]").get(2));
    }

    @Test
    void should_name_the_step_of_a_malformed_semantic_str() {
        // given programs with a step without an operation and a forward dependency
        // when they are parsed, then the error names the step
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> SemanticString.parse("select: sky (1)->query color [0]"));
        assertTrue(a.getMessage().startsWith("semanticStr step 1: expected \"operation: argument\""), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> SemanticString.parse("select: sky (1)->query: color [1]"));
        assertEquals("semanticStr step 1 (query): depends on step 1, which is not an earlier step", b.getMessage());
    }

    @Test
    void should_drop_object_ids_and_extra_blanks_when_made_comparable() {
        // given a released semanticStr with single, absent and multiple object ids
        String released = "select: bus (19)->exist: ? [0]->select: car (-) ->exist: ? [2]->or:  [1, 3]";
        String group = "select: animal (5,4)->same: type [0]";

        // when / then: the ids go, the blank after a later select stays as one blank
        assertEquals("select: bus->exist: ? [0]->select: car ->exist: ? [2]->or: [1, 3]",
                SemanticString.withoutIds(released));
        assertEquals("select: animal->same: type [0]", SemanticString.withoutIds(group));
        // a value in parentheses that is not an id is kept
        assertEquals("select: shirt->filter color: not(red) [0]",
                SemanticString.withoutIds("select: shirt (3)->filter color: not(red) [0]"));
        // a program written without ids compares equal to the released one
        assertEquals(SemanticString.withoutIds(released), SemanticString.withoutIds(SemanticString.format(
                SemanticString.parse("select: bus->exist: ? [0]->select: car ->exist: ? [2]->or:  [1, 3]"))));
    }

    @Test
    void should_compare_choices_in_any_order_when_asked() {
        assertEquals(SemanticString.withoutIdsOrChoiceOrder("select: shirt (3)->choose color: red|blue [0]"),
                SemanticString.withoutIdsOrChoiceOrder("select: shirt->choose color: blue|red [0]"));
        assertEquals(SemanticString.withoutIdsOrChoiceOrder(
                        "select: plate (8)->choose rel: fork,to the left of|to the right of,s (1) [0]"),
                SemanticString.withoutIdsOrChoiceOrder("select: plate->choose rel: fork,to the right of|to the left of,s [0]"));
        // other steps keep their order
        assertTrue(!SemanticString.withoutIdsOrChoiceOrder("select: a->select: b ->common:  [0, 1]")
                .equals(SemanticString.withoutIdsOrChoiceOrder("select: b->select: a ->common:  [0, 1]")));
    }
}
