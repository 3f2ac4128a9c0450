package org.vqasp.language.clevr.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.world.SceneSampler;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.TemplateLibrary;

class ParserTrainerTest {

    private static ParserTrainConfig.Builder tiny(Path out, int steps) throws Exception {
        Path humans = Path.of(ParserTrainerTest.class.getResource("/clevr-humans-sample/questions.json").toURI());
        return ParserTrainConfig.builder().setOut(out).optSeed(3).optGenerated(6, 4).optSteps(steps).optBatchSize(16)
                .optLearningRate(5e-3).optWarmupSteps(10).optNet(32, 1, 4, 2, 64).optDropout(0f).optParaphrase(0)
                .optLabelling(1, 0.2).optHuman(humans, humans.resolveSibling("scenes.json"))
                .optBeams(2, 2).optIntervals(20, 1000).optCommandLine(List.of("vqa", "train", "parser", "(test)"));
    }

    /** Records losses; can stop the run at a step, as a kill would. */
    private static final class Recorder implements ParserTrainer.Listener {
        final List<Double> losses = new ArrayList<>();
        final long stopAt;

        Recorder(long stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void message(String line) {
        }

        @Override
        public void step(long step, long total, double loss, double examplesPerSecond, double etaSeconds) {
            losses.add(loss);
            if (step == stopAt) {
                throw new IllegalStateException("killed at step " + step);
            }
        }

        @Override
        public void validation(long step, ParserTrainer.Validation v) {
        }
    }

    @Test
    void should_lower_the_loss_and_learn_its_generated_questions(@TempDir Path dir) throws Exception {
        // given 6 scenes' generated questions, a tiny network and 300 steps
        Path out = dir.resolve("model");
        Recorder r = new Recorder(-1);
        ParserTrainer.Result result = ParserTrainer.train(tiny(out, 300).build(), r);
        // then the loss fell
        double first = r.losses.subList(0, 10).stream().mapToDouble(d -> d).average().orElseThrow();
        double last = r.losses.subList(290, 300).stream().mapToDouble(d -> d).average().orElseThrow();
        assertTrue(last < first / 4, "loss " + first + " -> " + last);
        // and the saved model reads most of the questions it learned as exactly their programs
        SceneSampler sampler = SceneSampler.builder().build();
        QuestionGenerator gen = new QuestionGenerator(TemplateLibrary.load(), 3);
        int exact = 0;
        int n = 0;
        try (LearnedParser parser = LearnedParser.load(out)) {
            ProgramGrammar grammar = parser.model().grammar();
            for (int i = 0; i < 6; i++) {
                ClevrScene s = sampler.sample("train", i, ParserTrainingData.mix(3, 1, i)).scene();
                for (ClevrQuestion q : gen.generate(s, 4)) {
                    LearnedParser.Result p = parser.parse(q.question());
                    n++;
                    if (p.program() != null && grammar.tokens(p.program()).equals(grammar.tokens(q.program()))) {
                        exact++;
                    }
                }
            }
        }
        assertTrue(exact >= 0.8 * n, exact + " of " + n + " read exactly");
        // and the run wrote its model card, provenance, metrics and labels
        String card = Files.readString(out.resolve("README.md"));
        assertTrue(card.contains("vqa train parser (test)"), card);
        assertTrue(card.contains("Seed 3"), card);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(3, prov.path("seed").asInt());
        assertEquals(64, prov.path("data").path("sha256").asText().length());
        assertEquals(8, prov.path("data").path("human_train_questions").asInt());
        assertTrue(Files.readAllLines(out.resolve("labels-1.jsonl")).size() == 8);
        assertTrue(Files.exists(out.resolve("metrics.json")));
        assertEquals(300, result.steps());
    }

    @Test
    void should_resume_a_killed_run_and_end_where_an_uninterrupted_run_ends(@TempDir Path dir) throws Exception {
        // given an uninterrupted run of 60 steps
        Path whole = dir.resolve("whole");
        Recorder uninterrupted = new Recorder(-1);
        ParserTrainer.train(tiny(whole, 60).build(), uninterrupted);
        // when another run is killed at step 50 (its last checkpoint at 40) and started again
        Path killed = dir.resolve("killed");
        assertThrows(IllegalStateException.class, () -> ParserTrainer.train(tiny(killed, 60).build(), new Recorder(50)));
        assertFalse(Files.exists(killed.resolve("README.md")));
        Recorder again = new Recorder(-1);
        ParserTrainer.Result r = ParserTrainer.train(tiny(killed, 60).build(), again);
        // then it resumed at step 40, took the last 20 steps and ended with the same weights
        assertTrue(r.resumed());
        assertEquals(20, again.losses.size());
        // the first resumed step sees the checkpoint's weights and the same batch: the same loss; the next steps
        // also need the optimizer's moments restored (fresh Adam moments move every weight by the full learning
        // rate at once, which changes these losses by far more than 1e-3)
        List<Double> expected = uninterrupted.losses.subList(40, 60);
        assertEquals(expected.get(0), again.losses.get(0), 1e-5 * Math.abs(expected.get(0)), "loss at step 41");
        for (int k = 1; k < 5; k++) {
            assertEquals(expected.get(k), again.losses.get(k), 1e-3 * Math.abs(expected.get(k)), "loss at step "
                    + (41 + k));
        }
        // and it ends with the same weights, up to the float noise of multi-threaded kernels, which Adam can
        // blow up to a few learning rates on weights whose gradient is near zero (seen once under heavy load)
        try (ParserModel a = ParserModel.read(whole); ParserModel b = ParserModel.read(killed)) {
            var pa = a.net().getParameters();
            var pb = b.net().getParameters();
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.get(i).getValue().getArray().toFloatArray(),
                        pb.get(i).getValue().getArray().toFloatArray(), 0.05f, pa.get(i).getKey());
            }
        }
        JsonNode prov = new ObjectMapper().readTree(killed.resolve("provenance.json").toFile());
        assertEquals(2, prov.path("sessions").size());
    }

    @Test
    void should_refuse_to_resume_with_another_model(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m");
        ParserTrainer.train(tiny(out, 20).build(), new Recorder(-1));
        Exception e = assertThrows(org.vqasp.core.InputException.class,
                () -> ParserTrainer.train(tiny(out, 40).optNet(48, 1, 4, 2, 64).build(), new Recorder(-1)));
        assertTrue(e.getMessage().contains("model"), e.getMessage());
    }
}
