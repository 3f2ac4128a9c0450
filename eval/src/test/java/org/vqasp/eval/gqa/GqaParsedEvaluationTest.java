package org.vqasp.eval.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.Prediction;
import org.vqasp.eval.PredictionLog;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.gqa.GqaReasoner;

class GqaParsedEvaluationTest {

    private static final Path SCENE_GRAPHS = Samples.path("gqa/sample/sceneGraphs.json");
    private static final Path WRITTEN = Samples.path("gqa/sample/written_questions.json");
    private static final Path REAL = Samples.path("gqa/sample/questions.json");
    private static final Path OOD = Samples.path("gqa/ood-dev/questions.json");

    private static GqaQuestionParser parser;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        parser = GqaQuestionParser.load();
    }

    private static EvalRunner.Options options(Path out, long limit) {
        return new EvalRunner.Options(out, 2, limit, 16);
    }

    private static Map<String, Prediction> rows(Path out) {
        return PredictionLog.readAll(out.resolve("predictions.jsonl")).stream()
                .collect(Collectors.toMap(Prediction::id, Function.identity()));
    }

    @Test
    void should_score_parsed_programs_without_scene_graphs_and_resume() throws IOException {
        // given 328 real GQA questions with programs, parsed in two sessions
        Path out = tmp.resolve("parse");
        assertEquals(100, GqaEvaluation.parse(OOD, parser, options(out, 100), Progress.NONE).processed());
        EvalRunner.Run run = GqaEvaluation.parse(OOD, parser, options(out, 0), Progress.NONE);

        // when the summary is made
        GqaEvaluation.Report report = GqaEvaluation.report(run, false, true);

        // then every question has one row with its parsed and gold programs, and no answer
        assertEquals(228, run.processed());
        Map<String, Prediction> rows = rows(out);
        assertEquals(328, rows.size());
        Prediction first = rows.get("201061169");
        assertEquals("select: shirt->relate: person,wearing,s [0]->query: name [1]", first.extra("program"));
        assertEquals(first.extra("program"), first.extra("gold_program"));
        assertEquals("true", first.extra("program_correct"));
        assertEquals(GqaQuestionParser.NAME, first.extra("parser"));
        assertTrue(Double.parseDouble(first.extra("parser_confidence")) > 0.5);
        assertNull(first.predicted());
        assertNull(first.correct());

        // and the summary gives program accuracy overall, per operation, per type and the mismatches
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(328, s.get("questions").asInt());
        assertEquals(328, s.get("program_questions").asInt());
        double accuracy = s.get("program_accuracy").asDouble();
        assertTrue(accuracy >= 0.88, "program_accuracy " + accuracy);
        assertTrue(s.get("program_accuracy_any_choice_order").asDouble() >= accuracy);
        assertEquals(report.programs().correct(), s.get("program_correct").asLong());
        assertEquals(328, s.at("/program_by_operation/select/questions").asInt());
        assertTrue(s.at("/program_by_type/structural~1query/accuracy").asDouble() > 0.9);
        assertTrue(s.at("/program_by_type/detailed~1relS/questions").asInt() > 0);
        JsonNode top = s.get("program_mismatches").get(0);
        assertTrue(top.get("count").asInt() > 0);
        assertTrue(top.at("/example/gold_program").isTextual());
        long wrong = rows.values().stream().filter(p -> "false".equals(p.extra("program_correct"))).count();
        assertEquals(328 - report.programs().correct(), wrong);
    }

    @Test
    void should_answer_parsed_programs_over_gold_scene_graphs_nearly_as_well_as_gold_programs() {
        // given the 2 real and 50 written questions over the real scene graphs
        GqaReasoner reasoner = new GqaReasoner();
        long gold = 0;
        long parsed = 0;
        for (Path questions : List.of(REAL, WRITTEN)) {
            String name = questions.getFileName().toString();
            // when they are answered from the file's programs and from parsed ones
            EvalRunner.Run g = GqaEvaluation.evaluate(questions, SCENE_GRAPHS, GqaEvaluation.Programs.GOLD, reasoner,
                    options(tmp.resolve("gold-" + name), 0), Progress.NONE);
            EvalRunner.Run p = GqaEvaluation.evaluate(questions, SCENE_GRAPHS, GqaEvaluation.Programs.PARSED,
                    reasoner, options(tmp.resolve("parsed-" + name), 0), Progress.NONE);
            gold += GqaEvaluation.report(g, true, false).answers().correct();
            GqaEvaluation.Report r = GqaEvaluation.report(p, true, true);
            parsed += r.answers().correct();
            // then the parsed rows carry their programs and parsers too
            assertTrue(r.json().has("program_accuracy"));
            assertTrue(r.json().has("by_family"));
        }
        // then the parsed programs reach at least 95% of the gold programs' accuracy
        assertEquals(52, gold);
        assertTrue(parsed >= 0.95 * gold, parsed + " of " + gold);
    }

    @Test
    void should_give_questions_it_cannot_read_not_understood_rows_and_read_files_without_semantic()
            throws IOException {
        // given a questions file with semanticStr only, one without any program, and one the parser cannot read
        Path q = tmp.resolve("q.json");
        Files.writeString(q, "{"
                + "\"a\": {\"question\": \"Is the sky dark?\", \"imageId\": \"2354786\","
                + " \"semanticStr\": \"select: sky (2486325)->verify color: dark [0]\"},"
                + "\"b\": {\"question\": \"What color is the car?\", \"imageId\": \"2354786\"},"
                + "\"c\": {\"question\": \"Zorblax flibber wug?\", \"imageId\": \"2354786\","
                + " \"semanticStr\": \"select: sky (2486325)->query: color [0]\"},"
                + "\"d\": {\"imageId\": \"2354786\"}}");

        // when the parse is scored and the programs are answered
        Path out = tmp.resolve("parse");
        GqaEvaluation.Report parse = GqaEvaluation.report(GqaEvaluation.parse(q, parser, options(out, 0),
                Progress.NONE), false, true);
        Path answered = tmp.resolve("answer");
        GqaEvaluation.report(GqaEvaluation.evaluate(q, SCENE_GRAPHS, GqaEvaluation.Programs.PARSED,
                new GqaReasoner(), options(answered, 0), Progress.NONE), true, true);

        // then each row says what happened and the batch went on
        Map<String, Prediction> rows = rows(out);
        assertEquals("true", rows.get("a").extra("program_correct"));
        assertNull(rows.get("b").extra("gold_program"));
        assertEquals("select: car->query: color [0]", rows.get("b").extra("program"));
        assertEquals("not_understood", rows.get("c").errorKind());
        assertEquals("false", rows.get("c").extra("program_correct"));
        assertTrue(rows.get("c").extra("parser_note").contains("zorblax"));
        assertEquals("bad_item", rows.get("d").errorKind());
        assertEquals(4, parse.programs().questions());
        assertEquals(2, parse.programs().withGold());
        assertEquals(1, parse.programs().notUnderstood());
        Map<String, Prediction> answers = rows(answered);
        assertEquals("yes", answers.get("a").predicted());
        assertNull(answers.get("b").correct());
        assertEquals("not_understood", answers.get("c").errorKind());
    }
}
