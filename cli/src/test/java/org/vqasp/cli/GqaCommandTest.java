package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GqaCommandTest extends CliTest {

    @TempDir
    Path tmp;

    @Test
    void should_answer_the_real_gqa_questions_and_report_types() throws Exception {
        // given the two real GQA questions and their real scene graphs
        Path run = tmp.resolve("run");
        // when evaluated with --json
        int code = vqa("eval", "gqa", "--questions", sample("gqa/sample/questions.json"), "--scene-graphs",
                sample("gqa/sample/sceneGraphs.json"), "--out", run.toString(), "--threads", "1", "--json");
        // then both are right and by_family holds the structural and semantic types
        assertEquals(0, code, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(2, summary.get("correct").asInt());
        assertEquals(1, summary.get("by_family").get("structural/query").get("correct").asInt());
        assertEquals(1, summary.get("by_family").get("semantic/attr").get("correct").asInt());
        assertTrue(Files.exists(run.resolve("predictions.jsonl")));
    }

    @Test
    void should_check_the_real_programs_of_semantic_dev() throws Exception {
        // given the 200 real GQA val programs
        // when checked with --json
        int code = vqa("check", "gqa", "--questions", sample("gqa/semantic-dev/questions.json"), "--out",
                tmp.resolve("check").toString(), "--json");
        // then all compile
        assertEquals(0, code, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(200, summary.get("compiled").asInt());
        assertEquals(0, summary.get("failed").asInt());
    }

    @Test
    void should_exit_2_with_one_line_for_a_malformed_scene_graphs_file() throws Exception {
        // given a scene-graphs file cut off after its first key
        Path sg = tmp.resolve("sg.json");
        Files.writeString(sg, "{\"2354786\": ");
        // when evaluating against it
        int code = vqa("eval", "gqa", "--questions", sample("gqa/sample/questions.json"), "--scene-graphs",
                sg.toString(), "--out", tmp.resolve("run").toString());
        // then it exits 2 with one line naming the file
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("vqa: " + sg + ":1:"), err.toString());
    }

    @Test
    void should_score_parsed_programs_without_scene_graphs() throws Exception {
        // given 328 real GQA questions with programs and no scene graphs
        Path run = tmp.resolve("parse");
        // when their programs are parsed and scored, as a table
        int code = vqa("eval", "gqa", "--questions", sample("gqa/ood-dev/questions.json"), "--programs", "parsed",
                "--out", run.toString(), "--threads", "1");
        // then the table gives program accuracy, per type, and the common mismatches with an example
        assertEquals(0, code, err.toString());
        String table = out.toString();
        assertTrue(table.contains("program accuracy"), table);
        assertTrue(table.contains("structural/query"), table);
        assertTrue(table.contains("most common mismatches"), table);
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertTrue(summary.get("program_accuracy").asDouble() >= 0.88, summary.toString());
        assertEquals(328, summary.get("program_questions").asInt());
    }

    @Test
    void should_answer_parsed_programs_over_scene_graphs_as_json() throws Exception {
        // given the written questions over the real scene graphs
        int code = vqa("eval", "gqa", "--questions", sample("gqa/sample/written_questions.json"), "--scene-graphs",
                sample("gqa/sample/sceneGraphs.json"), "--programs", "parsed", "--out", tmp.resolve("run").toString(),
                "--json");
        // then the JSON summary has both the answers' and the programs' keys
        assertEquals(0, code, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertTrue(summary.get("correct").asInt() >= 47, summary.toString());
        assertTrue(summary.has("program_accuracy"));
        assertTrue(summary.get("parsers").has("gqa-grammar"));
    }

    @Test
    void should_ask_for_scene_graphs_with_gold_programs() throws Exception {
        int code = vqa("eval", "gqa", "--questions", sample("gqa/sample/questions.json"), "--out",
                tmp.resolve("run").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--scene-graphs is required"), err.toString());
    }
}
