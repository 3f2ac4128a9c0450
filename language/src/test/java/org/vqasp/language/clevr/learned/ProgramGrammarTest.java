package org.vqasp.language.clevr.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.language.clevr.learned.ProgramGrammar.Token;
import org.vqasp.language.clevr.learned.ProgramGrammar.Type;
import org.vqasp.world.questions.ReferenceExecutor;

class ProgramGrammarTest {

    private final ProgramGrammar grammar = ProgramGrammar.clevr();

    @Test
    void should_round_trip_every_generated_program_through_its_tokens_with_the_same_answer() {
        // given the 3,200 generator questions of samples/ with their scenes
        List<ClevrQuestion> questions = ClevrDataset.loadQuestions(Samples.path("clevr/gen-dev/questions.json"));
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json"));
        ReferenceExecutor executor = new ReferenceExecutor();
        int longest = 0;
        for (ClevrQuestion q : questions) {
            // when the program goes to prefix tokens and back
            List<Token> tokens = grammar.tokens(q.program());
            Program back = grammar.toProgram(tokens);
            // then it reads as the same tokens and gives the same answer as the released program (a step the
            // released program shares between two inputs, such as one scene for both sides of a union, is written
            // twice)
            assertTrue(back.size() >= q.program().size(), q.question());
            assertEquals(tokens, grammar.tokens(back));
            ClevrScene s = scenes.get(q.imageIndex());
            assertEquals(q.answer(), executor.answer(back, s), q.question());
            longest = Math.max(longest, tokens.size());
        }
        assertTrue(longest <= 40, "longest program " + longest + " tokens; the default budget is 40");
    }

    @Test
    void should_expand_fused_template_forms_into_basic_steps() {
        // given a relate_filter_count step over a filter_unique step
        Program fused = new Program(List.of(
                ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_unique", List.of("large", "", "metal", "cube"), 0),
                ProgramStep.of("relate_filter_count", List.of("left", "", "red", "", "thing"), 1)));
        // when it is read as tokens
        String text = ProgramGrammar.text(grammar.tokens(fused));
        // then the fused steps are the basic ones the generator expands them to
        assertEquals("count filter_color[red] relate[left] unique filter_shape[cube] filter_material[metal] "
                + "filter_size[large] scene", text);
    }

    @Test
    void should_allow_only_tokens_of_the_owed_type_that_fit_the_budget() {
        // given an owed object set with 4 tokens left, 2 of which the rest of the stack needs
        boolean[] mask = grammar.allowed(Type.OBJECTS, 4, 2);
        for (Token t : grammar.tokens()) {
            // then only object-set tokens whose smallest subtree fits in 2 are allowed
            boolean fits = t.output() == Type.OBJECTS && t.minimumCost() <= 2;
            assertEquals(fits, mask[t.id()], t.text());
        }
        assertTrue(mask[grammar.token("scene").id()]);
        assertTrue(mask[grammar.token("filter_color[red]").id()]);
        assertFalse(mask[grammar.token("union").id()], "union needs itself and two scenes");
        // and the root accepts every answer type but no objects
        assertTrue(grammar.allowed(Type.ANSWER)[grammar.token("count").id()]);
        assertFalse(grammar.allowed(Type.ANSWER)[grammar.token("unique").id()]);
        assertEquals(3, grammar.minimumCost(Type.COLOR)); // query_color unique scene
    }

    @Test
    void should_reject_token_sequences_that_are_not_one_program() {
        Token count = grammar.token("count");
        Token scene = grammar.token("scene");
        assertThrows(IllegalArgumentException.class, () -> grammar.toProgram(List.of(count)));
        assertThrows(IllegalArgumentException.class, () -> grammar.toProgram(List.of(count, scene, scene)));
        assertThrows(IllegalArgumentException.class, () -> grammar.toProgram(List.of(scene)));
        assertThrows(IllegalArgumentException.class, () -> grammar.parseTokens("count filter_color[pink] scene"));
        assertEquals(List.of(count, scene), grammar.parseTokens("count scene"));
    }
}
