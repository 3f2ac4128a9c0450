package org.vqasp.eval.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.eval.CheckSummary;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.EvalSummary;
import org.vqasp.eval.Prediction;
import org.vqasp.eval.PredictionLog;
import org.vqasp.reasoning.clevr.ClevrReasoner;

class ClevrEvaluationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path QUESTIONS = Samples.path("clevr/gen-dev/questions.json");
    private static final Path SCENES = Samples.path("clevr/gen-dev/scenes.json");
    private static SceneSource scenes;
    private final ClevrReasoner reasoner = new ClevrReasoner();

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        scenes = ClevrEvaluation.goldScenes(SCENES);
    }

    private EvalRunner.Run evaluate(Path questions, Path out, long limit) {
        return ClevrEvaluation.evaluate(questions, scenes, ClevrEvaluation.Programs.GOLD, reasoner, false,
                new EvalRunner.Options(out, 2, limit, 16), Progress.NONE);
    }

    @Test
    void should_resume_a_run_without_answering_any_question_twice() {
        // given a run that stopped after the first 150 questions
        Path out = tmp.resolve("run");
        EvalRunner.Run first = evaluate(QUESTIONS, out, 150);
        assertEquals(150, first.processed());
        // when the same command runs again over 400 questions
        EvalRunner.Run second = evaluate(QUESTIONS, out, 400);
        // then it answers only the 250 new ones and the file holds each question once
        assertEquals(150, second.resumed());
        assertEquals(250, second.processed());
        List<Prediction> all = PredictionLog.readAll(out.resolve("predictions.jsonl"));
        assertEquals(400, all.size());
        assertEquals(400, all.stream().map(Prediction::id).collect(Collectors.toSet()).size());
        EvalSummary s = second.evalSummary();
        assertEquals(400, s.questions());
        assertEquals(400, s.correct());
        assertTrue(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void should_cut_a_half_written_last_line_and_answer_that_question_again() throws Exception {
        // given a predictions file whose last line was cut off by a kill
        Path out = tmp.resolve("killed");
        evaluate(QUESTIONS, out, 20);
        Path file = out.resolve("predictions.jsonl");
        List<String> lines = Files.readAllLines(file);
        String cut = String.join("\n", lines.subList(0, 19)) + "\n" + lines.get(19).substring(0, 30);
        Files.writeString(file, cut);
        // when resumed
        EvalRunner.Run r = evaluate(QUESTIONS, out, 20);
        // then the broken question is answered again and every line parses
        assertEquals(1, r.processed());
        List<Prediction> all = PredictionLog.readAll(file);
        assertEquals(20, all.size());
        assertEquals(20, all.stream().filter(p -> Boolean.TRUE.equals(p.correct())).count());
    }

    @Test
    void should_turn_bad_questions_into_error_rows_and_go_on() throws Exception {
        // given real questions, five of them damaged in different ways
        JsonNode root = MAPPER.readTree(QUESTIONS.toFile());
        ArrayNode qs = MAPPER.createArrayNode();
        for (int i = 0; i < 12; i++) {
            qs.add(root.get("questions").get(i).deepCopy());
        }
        ((ObjectNode) qs.get(1)).remove("program");
        ((ObjectNode) qs.get(2).get("program").get(1)).put("function", "filter_colour");
        ((ArrayNode) qs.get(3).get("program").get(1).get("inputs")).set(0, MAPPER.getNodeFactory().numberNode(7));
        ((ObjectNode) qs.get(4)).put("image_index", 9999);
        ((ObjectNode) qs.get(5)).put("question", 42);
        ObjectNode file = MAPPER.createObjectNode();
        file.set("info", root.get("info"));
        file.set("questions", qs);
        Path questions = tmp.resolve("damaged.json");
        MAPPER.writeValue(questions.toFile(), file);
        // when evaluated
        Path out = tmp.resolve("damaged-run");
        EvalSummary s = evaluate(questions, out, 0).evalSummary();
        // then each damaged question is an error row naming what was wrong, and the rest are answered
        Map<String, Prediction> byId = PredictionLog.readAll(out.resolve("predictions.jsonl")).stream()
                .collect(Collectors.toMap(Prediction::id, p -> p));
        assertEquals(12, byId.size());
        assertEquals("missing_program", byId.get("1").errorKind());
        assertEquals("unknown_function", byId.get("2").errorKind());
        assertTrue(byId.get("2").errorMessage().contains("filter_colour"), byId.get("2").errorMessage());
        assertEquals("bad_item", byId.get("3").errorKind());
        assertTrue(byId.get("3").errorMessage().contains("step 1 (filter_"), byId.get("3").errorMessage());
        assertTrue(byId.get("3").errorMessage().contains("damaged.json"), byId.get("3").errorMessage());
        assertEquals("missing_scene", byId.get("4").errorKind());
        assertEquals("bad_item", byId.get("5").errorKind());
        assertTrue(byId.get("5").errorMessage().contains("\"question\" should be a string"), byId.get("5").errorMessage());
        assertEquals(7, s.correct());
        assertEquals(Set.of("missing_program", "unknown_function", "bad_item", "missing_scene"),
                new HashSet<>(s.errors().keySet()));
    }

    @Test
    void should_report_unique_over_two_objects_as_an_error_row() throws Exception {
        // given a real question whose unique step is fed a filter that keeps every object
        JsonNode root = MAPPER.readTree(Samples.path("clevr/val-sample/CLEVR_val_questions.json").toFile());
        ObjectNode q = (ObjectNode) root.get("questions").get(0);
        ((ArrayNode) q.get("program").get(2).get("value_inputs")).set(0, MAPPER.getNodeFactory().textNode("rubber"));
        Path questions = tmp.resolve("q.json");
        MAPPER.writeValue(questions.toFile(), root);
        Path out = tmp.resolve("unique");
        // when evaluated over the real val scene 0
        ClevrEvaluation.evaluate(questions, ClevrEvaluation.goldScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")),
                ClevrEvaluation.Programs.GOLD, reasoner, false, new EvalRunner.Options(out, 1, 0, 8), Progress.NONE);
        // then: large rubber objects are 0 and 1, so unique fails naming the count
        Prediction p = PredictionLog.readAll(out.resolve("predictions.jsonl")).get(0);
        assertEquals("unique", p.errorKind());
        assertTrue(p.errorMessage().contains("step 3 (unique): found 2 objects"), p.errorMessage());
        assertNull(p.predicted());
    }

    @Test
    void should_name_the_file_line_and_column_of_malformed_json() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"questions\": [\n {\"question\": \"x\",}\n]}", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> evaluate(bad, tmp.resolve("x"), 0));
        assertTrue(e.getMessage().startsWith(bad + ":2:"), e.getMessage());
        assertEquals("malformed_json", e.kind());
    }

    @Test
    void should_name_a_missing_file() {
        Path missing = tmp.resolve("nope.json");
        InputException e = assertThrows(InputException.class, () -> evaluate(missing, tmp.resolve("y"), 0));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void should_compile_every_gold_program_and_report_a_broken_one() throws Exception {
        // given the gen-dev questions with one program broken
        JsonNode root = MAPPER.readTree(QUESTIONS.toFile());
        ((ObjectNode) root.get("questions").get(3).get("program").get(1)).put("function", "relate_sideways");
        Path questions = tmp.resolve("check.json");
        MAPPER.writeValue(questions.toFile(), root);
        // when checked
        Path out = tmp.resolve("check");
        CheckSummary s = ClevrEvaluation.check(questions, ClevrEvaluation.Programs.GOLD, reasoner,
                new EvalRunner.Options(out, 2, 0, 64), Progress.NONE).checkSummary();
        // then all others compile and the broken one is named
        assertEquals(3200, s.questions());
        assertEquals(3199, s.compiled());
        assertEquals(List.of(new CheckSummary.Failure("3", "unknown_function",
                "step 1 (relate_sideways): unknown function \"relate_sideways\"")), s.failures());
    }

    @Test
    void should_answer_the_real_questions_with_parsed_programs() {
        // given the real CLEVR val question 0 and its scene, programs parsed from the text
        Path out = tmp.resolve("parsed");
        EvalSummary s = ClevrEvaluation.evaluate(Samples.path("clevr/val-sample/CLEVR_val_questions.json"),
                ClevrEvaluation.goldScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")),
                ClevrEvaluation.Programs.PARSED, reasoner, false, new EvalRunner.Options(out, 1, 0, 8), Progress.NONE)
                .evalSummary();
        assertEquals(1, s.correct());
    }
}
