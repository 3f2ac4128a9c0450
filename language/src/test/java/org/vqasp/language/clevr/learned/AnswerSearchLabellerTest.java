package org.vqasp.language.clevr.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.world.questions.ReferenceExecutor;
import org.vqasp.world.questions.TemplateLibrary;

class AnswerSearchLabellerTest {

    private final ProgramGrammar grammar = ProgramGrammar.runnable();
    private final AnswerSearchLabeller labeller = new AnswerSearchLabeller(
            new ProgramEnumerator(TemplateLibrary.load(), grammar, 20_000), grammar, 8);

    private static Path resource(String name) throws Exception {
        return Path.of(AnswerSearchLabellerTest.class.getResource("/clevr-humans-sample/" + name).toURI());
    }

    @Test
    void should_find_the_program_of_known_generated_questions_from_their_answers() {
        // given zero-hop and one-hop generator questions with their scenes and answers (programs hidden)
        List<ClevrQuestion> questions = ClevrDataset.loadQuestions(Samples.path("clevr/gen-dev/questions.json"));
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json"));
        int tried = 0;
        int same = 0;
        for (ClevrQuestion q : questions) {
            if (!q.templateFilename().equals("zero_hop.json") || AnswerSearchLabeller.answerType(q.answer())
                    == ProgramGrammar.Type.BOOL || tried >= 60) {
                continue;
            }
            tried++;
            // when the labeller searches without a model
            AnswerSearchLabeller.Outcome o = labeller.label(q.withProgram(null), scenes.get(q.imageIndex()), null);
            // then it finds a program that gives the answer, and mostly the generator's own
            assertTrue(o.labelled(), q.question() + ": " + o.reason());
            assertEquals(q.answer(), new ReferenceExecutor().answer(o.program(), scenes.get(q.imageIndex())));
            if (ProgramGrammar.text(grammar.tokens(o.program())).equals(ProgramGrammar.text(grammar.tokens(q.program())))) {
                same++;
            }
        }
        assertEquals(60, tried);
        assertTrue(same >= 50, same + " of 60 are the generator's program");
    }

    @Test
    void should_label_human_questions_whose_words_and_answer_agree_with_a_short_program() throws Exception {
        // given CLEVR-Humans questions over their real scenes
        List<ClevrQuestion> questions = ClevrDataset.loadQuestions(resource("questions.json"));
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(resource("scenes.json"));
        Map<String, List<String>> expected = Map.of(
                "How many cylinders are there?", List.of("count filter_shape[cylinder] scene"),
                "What color is the small shiny ball?",
                List.of("query_color unique filter_shape[sphere] filter_material[metal] filter_size[small] scene"),
                "What is the shape of the golden object?", List.of("query_shape unique filter_color[yellow] scene"),
                // without a model, "matte" may belong to either object: both readings have 8 steps
                "what is the shape of the object behind the matte green cube?", List.of(
                        "query_shape unique relate[behind] unique filter_shape[cube] filter_material[rubber] "
                                + "filter_color[green] scene",
                        "query_shape unique filter_material[rubber] relate[behind] unique filter_shape[cube] "
                                + "filter_color[green] scene"));
        int checked = 0;
        for (ClevrQuestion q : questions) {
            List<String> want = expected.get(q.question());
            if (want == null) {
                continue;
            }
            // when it is labelled without a model
            AnswerSearchLabeller.Outcome o = labeller.label(q, scenes.get(q.imageIndex()), null);
            // then the shortest agreeing program with the right answer is the reading people meant
            assertTrue(o.labelled(), q.question() + ": " + o.reason());
            String got = ProgramGrammar.text(grammar.tokens(o.program()));
            assertTrue(want.contains(got), q.question() + ": " + got);
            checked++;
        }
        assertEquals(4, checked);
    }

    @Test
    void should_reject_a_yes_no_program_that_is_right_only_by_accident() throws Exception {
        // given "Are there any metallic objects?" (yes) and a model that reads it, with good reason, as asking
        // whether there are rubber cubes, a reading that gives "no" on this scene
        List<ClevrQuestion> questions = ClevrDataset.loadQuestions(resource("questions.json"));
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(resource("scenes.json"));
        ClevrQuestion q = questions.stream().filter(x -> x.question().equals("Are there any metallic objects?"))
                .findFirst().orElseThrow();
        ClevrScene scene = scenes.get(q.imageIndex());
        Program right = grammar.toProgram(grammar.parseTokens("exist filter_material[metal] scene"));
        Program likely = grammar.toProgram(grammar.parseTokens("exist filter_material[metal] filter_size[small] scene"));
        ReferenceExecutor ex = new ReferenceExecutor();
        String likelyAnswer = ex.answer(likely, scene);
        AnswerSearchLabeller.Scorer scorer = new FixedScorer(Map.of(ProgramGrammar.text(grammar.tokens(right)), -9.0,
                ProgramGrammar.text(grammar.tokens(likely)), -0.5), grammar);
        // when the question's answer is one the likely reading does not give
        ClevrQuestion asked = new ClevrQuestion(q.split(), q.questionIndex(), q.imageIndex(), q.imageFilename(),
                "Are there any small metallic objects?", likelyAnswer.equals("yes") ? "no" : "yes", null, null, null,
                null);
        AnswerSearchLabeller.Outcome o = labeller.label(asked, scene, scorer);
        // then a program that gives that answer exists but is far less likely: it is rejected as an accident
        assertFalse(o.labelled(), "labelled " + o.program());
        assertTrue(o.correct() > 0);
        assertTrue(o.reason().contains("accident"), o.reason());
        // and when the answer is the likely reading's, that reading is the label
        ClevrQuestion agreed = new ClevrQuestion(q.split(), q.questionIndex(), q.imageIndex(), q.imageFilename(),
                "Are there any small metallic objects?", likelyAnswer, null, null, null, null);
        AnswerSearchLabeller.Outcome ok = labeller.label(agreed, scene, scorer);
        assertEquals(ProgramGrammar.text(grammar.tokens(likely)), ProgramGrammar.text(grammar.tokens(ok.program())));
    }

    @Test
    void should_reject_questions_whose_answer_no_program_of_the_words_gives() throws Exception {
        List<ClevrQuestion> questions = ClevrDataset.loadQuestions(resource("questions.json"));
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(resource("scenes.json"));
        ClevrQuestion q = questions.stream().filter(x -> x.question().equals("How many cylinders are there?"))
                .findFirst().orElseThrow();
        // a count no program over "cylinders" can give, and an answer that is no CLEVR answer
        AnswerSearchLabeller.Outcome o = labeller.label(new ClevrQuestion(q.split(), 0, q.imageIndex(), null,
                q.question(), "11", null, null, null, null), scenes.get(q.imageIndex()), null);
        assertNull(o.program());
        AnswerSearchLabeller.Outcome bad = labeller.label(new ClevrQuestion(q.split(), 0, q.imageIndex(), null,
                q.question(), "maybe", null, null, null, null), scenes.get(q.imageIndex()), null);
        assertTrue(bad.reason().contains("not a CLEVR answer"), bad.reason());
    }

    /** A model stand-in that scores named programs and gives every other one a low score. */
    private record FixedScorer(Map<String, Double> scores, ProgramGrammar grammar)
            implements AnswerSearchLabeller.Scorer {
        @Override
        public List<String> read(String question) {
            return QuestionWords.split(question);
        }

        @Override
        public List<AnswerSearchLabeller.Scored> beam(String question, int beams) {
            List<AnswerSearchLabeller.Scored> out = new ArrayList<>();
            scores.forEach((k, v) -> out.add(new AnswerSearchLabeller.Scored(grammar.toProgram(grammar.parseTokens(k)),
                    v)));
            return out;
        }

        @Override
        public double[] logProbabilities(String question, List<Program> programs) {
            double[] out = new double[programs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = scores.getOrDefault(ProgramGrammar.text(grammar.tokens(programs.get(i))), -30.0);
            }
            return out;
        }
    }
}
