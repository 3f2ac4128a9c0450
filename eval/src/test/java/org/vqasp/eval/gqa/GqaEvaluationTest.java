package org.vqasp.eval.gqa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.vqasp.reasoning.gqa.GqaReasoner;

class GqaEvaluationTest {

    private static final Path SCENE_GRAPHS = Samples.path("gqa/sample/sceneGraphs.json");
    private static final Path WRITTEN = Samples.path("gqa/sample/written_questions.json");
    private final GqaReasoner reasoner = new GqaReasoner();

    @TempDir
    Path tmp;

    private EvalRunner.Run evaluate(Path questions, Path out, long limit) {
        return GqaEvaluation.evaluate(questions, SCENE_GRAPHS, reasoner, new EvalRunner.Options(out, 2, limit, 8),
                Progress.NONE);
    }

    @Test
    void should_answer_the_real_questions_and_report_structural_and_semantic_types() {
        // given the two real balanced questions over their real scene graphs
        Path out = tmp.resolve("run");

        // when they are evaluated
        EvalSummary s = evaluate(Samples.path("gqa/sample/questions.json"), out, 0).evalSummary();

        // then both are right and by_family holds their structural and semantic types
        assertEquals(2, s.correct());
        assertEquals(List.of("semantic/attr", "semantic/rel", "structural/query", "structural/verify"),
                List.copyOf(s.byFamily().keySet()));
        assertArrayEquals(new long[] {1, 1}, s.byFamily().get("structural/verify"));
        assertTrue(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void should_resume_a_run_without_answering_any_question_twice() {
        // given a run over the 50 written questions that stopped after 20
        Path out = tmp.resolve("run");
        assertEquals(20, evaluate(WRITTEN, out, 20).processed());

        // when it runs again
        EvalRunner.Run second = evaluate(WRITTEN, out, 0);

        // then only the other 30 are answered, each question has one row, and all are right
        assertEquals(30, second.processed());
        assertEquals(20, second.resumed());
        List<Prediction> rows = PredictionLog.readAll(out.resolve("predictions.jsonl"));
        assertEquals(50, rows.stream().map(Prediction::id).distinct().count());
        EvalSummary s = second.evalSummary();
        assertEquals(50, s.questions());
        assertEquals(50, s.correct(), () -> rows.stream().filter(p -> !Boolean.TRUE.equals(p.correct()))
                .map(p -> p.id() + " " + p.predicted() + " " + p.errorMessage()).collect(Collectors.joining("; ")));
    }

    @Test
    void should_answer_over_a_graph_beside_a_broken_one_and_name_the_broken_one_in_its_rows() throws IOException {
        // given a scene-graphs file whose second image's entry is not a scene graph (each graph is read from the
        // file when its questions are answered)
        Path sg = tmp.resolve("sg.json");
        Files.writeString(sg, "{\"1\": {\"width\": 10, \"height\": 10, \"objects\": {\"5\": {\"name\": \"cat\","
                + " \"x\": 1, \"y\": 1, \"w\": 2, \"h\": 2, \"attributes\": [\"black\"], \"relations\": []}}},"
                + " \"2\": {\"width\": 10}}");
        Path q = tmp.resolve("q.json");
        Files.writeString(q, "{\"a\": {\"question\": \"What color is the cat?\", \"imageId\": \"1\","
                + " \"answer\": \"black\", \"semanticStr\": \"select: cat (5)->query: color [0]\"},"
                + " \"b\": {\"question\": \"Is there a cat?\", \"imageId\": \"2\", \"answer\": \"yes\","
                + " \"semanticStr\": \"select: cat (5)->exist: ? [0]\"}}");

        // when the questions are answered
        Path out = tmp.resolve("broken");
        GqaEvaluation.evaluate(q, sg, GqaEvaluation.Programs.GOLD, reasoner, new EvalRunner.Options(out, 1, 0, 8),
                Progress.NONE);

        // then the good image's question is answered and the other's row names the broken entry
        Map<String, Prediction> rows = PredictionLog.readAll(out.resolve("predictions.jsonl")).stream()
                .collect(Collectors.toMap(Prediction::id, Function.identity()));
        assertEquals("black", rows.get("a").predicted());
        assertEquals("bad_item", rows.get("b").errorKind());
        assertTrue(rows.get("b").errorMessage().contains("scene graph 2"), rows.get("b").errorMessage());
    }

    @Test
    void should_give_bad_questions_their_own_error_rows_and_go_on() throws IOException {
        // given a file with a good question, an unreadable one, an unknown operation, a missing object and an
        // image without a scene graph
        Path q = tmp.resolve("q.json");
        Files.writeString(q, "{"
                + "\"a\": {\"question\": \"Is the sky dark?\", \"imageId\": \"2354786\", \"answer\": \"yes\","
                + " \"semanticStr\": \"select: sky (2486325)->verify color: dark [0]\"},"
                + "\"b\": {\"imageId\": \"2354786\", \"semanticStr\": \"select: sky (2486325)\"},"
                + "\"c\": {\"question\": \"?\", \"imageId\": \"2354786\", \"answer\": \"yes\","
                + " \"semanticStr\": \"select: sky (2486325)->paint: red [0]\"},"
                + "\"d\": {\"question\": \"What color is the cat?\", \"imageId\": \"2354786\", \"answer\": \"black\","
                + " \"semanticStr\": \"select: cat (77)->query: color [0]\"},"
                + "\"e\": {\"question\": \"?\", \"imageId\": \"999\", \"answer\": \"yes\","
                + " \"semanticStr\": \"select: sky (1)->exist: ? [0]\"}}");

        // when it is evaluated
        Path out = tmp.resolve("run");
        EvalSummary s = evaluate(q, out, 0).evalSummary();

        // then the good question is right and each bad one is an error row of its kind
        Map<String, Prediction> rows = PredictionLog.readAll(out.resolve("predictions.jsonl")).stream()
                .collect(Collectors.toMap(Prediction::id, Function.identity()));
        assertEquals("yes", rows.get("a").predicted());
        assertEquals("bad_item", rows.get("b").errorKind());
        assertEquals("unknown_operation", rows.get("c").errorKind());
        assertEquals("missing_object", rows.get("d").errorKind());
        assertEquals("missing_scene_graph", rows.get("e").errorKind());
        assertEquals(5, s.questions());
        assertEquals(1, s.correct());
    }

    @Test
    void should_stop_with_one_clear_line_on_a_malformed_file() throws IOException {
        // given a scene-graphs file that is not JSON
        Path sg = tmp.resolve("sg.json");
        Files.writeString(sg, "{\"1\": [");

        // when evaluating against it, then an input error names the file and position
        InputException e = assertThrows(InputException.class, () -> GqaEvaluation.evaluate(WRITTEN, sg, reasoner,
                new EvalRunner.Options(tmp.resolve("run"), 1, 0, 8), Progress.NONE));
        assertTrue(e.getMessage().startsWith(sg + ":1:"), e.getMessage());
    }

    @Test
    void should_check_every_real_program_of_semantic_dev() {
        // given the 200 real val programs of semantic-dev (semanticStr only, no scene graphs)
        // when they are checked against an empty scene graph
        CheckSummary s = GqaEvaluation.check(Samples.path("gqa/semantic-dev/questions.json"), reasoner,
                new EvalRunner.Options(tmp.resolve("check"), 2, 0, 64), Progress.NONE).checkSummary();

        // then every one compiles and grounds
        assertEquals(200, s.questions());
        assertEquals(List.of(), s.failures());
        assertEquals(200, s.compiled());
    }
}
