package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistillCommandTest extends CliTest {

    @TempDir
    Path tmp;

    @Test
    @Tag("slow") // a whole distillation run
    void should_distil_with_the_enumerative_proposer_and_print_the_summary() throws Exception {
        // given the gen-dev sample without filter_color's rule
        Path run = tmp.resolve("run");

        // when vqa distill runs offline with --json
        int code = vqa("distill", "--questions", sample("clevr/gen-dev/questions.json"),
                "--scenes", sample("clevr/gen-dev/scenes.json"), "--delete-predicate", "filter_color",
                "--train", "6", "--test", "30", "--batch", "6", "--seed", "1", "--out", run.toString(), "--json");

        // then it exits 0, and the printed summary is summary.json, with accuracy restored
        assertEquals(0, code, err.toString());
        JsonNode s = new ObjectMapper().readTree(out.toString());
        assertEquals(s, new ObjectMapper().readTree(run.resolve("summary.json").toFile()));
        assertEquals(s.get("after_accuracy").asDouble(), s.get("full_accuracy").asDouble());
        assertTrue(s.get("before_accuracy").asDouble() < s.get("after_accuracy").asDouble());
        assertTrue(Files.exists(run.resolve("run.jsonl")));
    }

    @Test
    void should_exit_2_for_two_deletions_at_once() {
        int code = vqa("distill", "--questions", sample("clevr/gen-dev/questions.json"),
                "--scenes", sample("clevr/gen-dev/scenes.json"), "--delete-predicate", "filter_color",
                "--delete-fraction", "0.2", "--out", tmp.resolve("r").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("not both"), err.toString());
    }

    @Test
    void should_exit_2_when_the_predicate_has_no_rules() {
        int code = vqa("distill", "--questions", sample("clevr/gen-dev/questions.json"),
                "--scenes", sample("clevr/gen-dev/scenes.json"), "--delete-predicate", "no_such_predicate",
                "--out", tmp.resolve("r").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("no statement of the theory defines it"), err.toString());
    }
}
