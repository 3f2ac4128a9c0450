package org.vqasp.eval.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.ParserChain;
import org.vqasp.language.clevr.ClevrParsers;
import org.vqasp.language.clevr.grammar.ClevrGrammarParser;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.world.questions.ReferenceExecutor;

/**
 * CLOSURE-style compositions over the gen-dev scenes ({@link CompositionGenerator}): the grammar parser reads
 * them into programs that the reasoner answers as the reference executor answers the generator's programs.
 */
class CompositionTest {

    private static List<CompositionGenerator.Composed> questions;

    @BeforeAll
    static void generate() {
        List<ClevrScene> scenes = new ArrayList<>(
                ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json")).scenes().values()).subList(0, 150);
        questions = new CompositionGenerator(2024).generate(scenes, 4);
    }

    @Test
    void should_answer_at_least_95_percent_of_compositions_with_grammar_programs_checked_by_the_reasoner() {
        // given a few hundred compositions the templates do not make
        ClevrGrammarParser grammar = ClevrGrammarParser.load();
        ClevrReasoner reasoner = new ClevrReasoner();
        List<DatasetReasoner.Question<ClevrScene, Program>> asked = new ArrayList<>();
        List<CompositionGenerator.Composed> parsed = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Map<String, int[]> byFamily = new TreeMap<>();
        for (CompositionGenerator.Composed q : questions) {
            byFamily.computeIfAbsent(q.family(), k -> new int[2])[0]++;
            // when the grammar alone reads each one
            Parse<Program> p = grammar.parse(q.text());
            if (p instanceof Parse.Parsed<Program> ok) {
                asked.add(new DatasetReasoner.Question<>(q.scene(), ok.program()));
                parsed.add(q);
            } else {
                bad.add(q.text() + " -> " + ((Parse.NotUnderstood<Program>) p).reason());
            }
        }
        // and the reasoner answers the parsed programs (one batch)
        List<Answer> answers = reasoner.answerAll(asked);
        int correct = 0;
        for (int i = 0; i < answers.size(); i++) {
            CompositionGenerator.Composed q = parsed.get(i);
            Answer a = answers.get(i);
            if (a.ok() && a.answer().equals(q.answer())) {
                correct++;
                byFamily.get(q.family())[1]++;
            } else {
                bad.add(q.text() + " -> " + (a.ok() ? a.answer() : a.error().getMessage()) + ", expected " + q.answer()
                        + " (" + asked.get(i).program() + " vs " + q.program() + ")");
            }
        }
        // then at least 95% are right, in every family
        double accuracy = (double) correct / questions.size();
        assertTrue(questions.size() >= 400, questions.size() + " questions");
        assertTrue(accuracy >= 0.95, String.format("%.1f%% of %d right; %s%n%s", 100 * accuracy, questions.size(),
                summary(byFamily), String.join("\n", bad.subList(0, Math.min(30, bad.size())))));
        for (Map.Entry<String, int[]> e : byFamily.entrySet()) {
            assertTrue(e.getValue()[1] >= 0.9 * e.getValue()[0], e.getKey() + ": " + summary(byFamily) + "\n"
                    + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
        }
    }

    @Test
    void should_give_the_generator_programs_answers_the_reasoner_agrees_with() {
        // given the generator's own programs, then the reasoner answers them as the reference executor did
        ClevrReasoner reasoner = new ClevrReasoner();
        List<DatasetReasoner.Question<ClevrScene, Program>> asked = new ArrayList<>();
        for (CompositionGenerator.Composed q : questions) {
            asked.add(new DatasetReasoner.Question<>(q.scene(), q.program()));
        }
        List<Answer> answers = reasoner.answerAll(asked);
        for (int i = 0; i < answers.size(); i++) {
            assertEquals(questions.get(i).answer(), answers.get(i).answer(), questions.get(i).text());
        }
    }

    @Test
    void should_read_compositions_through_the_chain_as_the_grammar_does() {
        // given the chain (template first): compositions are not template questions, so the grammar reads them
        ParserChain<Program> chain = ClevrParsers.chain();
        ReferenceExecutor executor = new ReferenceExecutor();
        int right = 0;
        List<CompositionGenerator.Composed> some = questions.subList(0, 100);
        for (CompositionGenerator.Composed q : some) {
            Parse<Program> p = chain.parse(q.text());
            if (p instanceof Parse.Parsed<Program> ok) {
                try {
                    if (executor.answer(ok.program(), q.scene()).equals(q.answer())) {
                        right++;
                    }
                } catch (VqaspException e) {
                    // counted as wrong
                }
            }
        }
        assertTrue(right >= 95, right + " of 100");
    }

    private static String summary(Map<String, int[]> byFamily) {
        StringBuilder sb = new StringBuilder();
        byFamily.forEach((k, v) -> sb.append(k).append(' ').append(v[1]).append('/').append(v[0]).append("  "));
        return sb.toString();
    }
}
