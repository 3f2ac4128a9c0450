package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest extends CliTest {

    @TempDir
    Path tmp;

    @Test
    void should_evaluate_the_real_val_question_and_write_the_summary() throws Exception {
        // given the real CLEVR val question 0 and scene 0
        Path run = tmp.resolve("run");
        // when evaluated with --json
        int code = vqa("eval", "clevr", "--questions", sample("clevr/val-sample/CLEVR_val_questions.json"),
                "--scenes", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--out", run.toString(),
                "--json");
        // then it exits 0, prints the summary as JSON and writes both files
        assertEquals(0, code, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(1, summary.get("correct").asInt());
        assertEquals(1.0, summary.get("accuracy").asDouble());
        assertEquals(1, summary.get("by_family").get("family 39").get("questions").asInt());
        assertTrue(Files.exists(run.resolve("predictions.jsonl")));
        assertEquals(summary, new ObjectMapper().readTree(run.resolve("summary.json").toFile()));
    }

    @Test
    void should_write_the_json_to_a_file_beside_the_tables_and_record_the_provenance() throws Exception {
        // given the real val question, an upper-case enum value and a JSON file to write
        Path run = tmp.resolve("run");
        Path copy = tmp.resolve("copy/summary-copy.json");
        // when evaluated with --json FILE
        int code = vqa("eval", "clevr", "--questions", sample("clevr/val-sample/CLEVR_val_questions.json"),
                "--scenes", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--out", run.toString(),
                "--programs", "GOLD", "--json", copy.toString());
        // then the tables print, the file holds the summary, and provenance.json names the command and the data
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("all ") && l.endsWith(" 100.00%")), out.toString());
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree(run.resolve("summary.json").toFile()), m.readTree(copy.toFile()));
        JsonNode p = m.readTree(run.resolve("provenance.json").toFile());
        assertEquals("--questions", p.get("command_line").get(3).asText());
        assertEquals(64, p.get("dataset").get("questions").get("sha256").asText().length());
        assertEquals(64, p.get("dataset").get("scenes").get("sha256").asText().length());
        assertEquals("gold", p.get("config").get("programs").asText());
        assertTrue(p.get("versions").get("clingo").asText().startsWith("5."), p.toString());
    }

    @Test
    void should_exit_2_with_one_line_for_a_missing_file() {
        Path missing = tmp.resolve("missing.json");
        int code = vqa("eval", "clevr", "--questions", missing.toString(),
                "--scenes", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--out", tmp.resolve("r").toString());
        assertEquals(2, code);
        assertEquals("vqa: " + missing + ": no such file", err.toString().strip());
    }

    @Test
    void should_exit_2_for_bad_usage() {
        int code = vqa("eval", "clevr", "--questions", "q.json", "--threads", "0", "--scenes", "s.json");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--threads must be at least 1, was 0"), err.toString());
        assertEquals(2, vqa("eval", "clevr", "--questions", "q.json", "--programs", "guessed"));
        assertTrue(err.toString().contains("guessed"), err.toString());
    }

    @Test
    void should_check_the_real_question_with_its_parsed_program() {
        int code = vqa("check", "clevr", "--questions", sample("clevr/real-dev/questions.json"),
                "--programs", "parsed", "--out", tmp.resolve("check").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("checked 20 questions: 20 compiled, 0 failed"), out.toString());
    }
}
