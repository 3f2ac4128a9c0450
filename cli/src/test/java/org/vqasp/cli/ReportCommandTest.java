package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest extends CliTest {

    @TempDir
    Path tmp;

    @Test
    void should_print_the_report_command_after_an_evaluation_and_write_the_report_it_names() throws Exception {
        // given an evaluation run
        Path run = tmp.resolve("run");
        assertEquals(0, vqa("eval", "clevr", "--questions", sample("clevr/gen-dev/questions.json"), "--scenes",
                sample("clevr/gen-dev/scenes.json"), "--limit", "120", "--out", run.toString()), err.toString());

        // then it names the report command, and its provenance names the inputs the report reads
        assertTrue(out.toString().contains("vqa report " + run), out.toString());
        assertFalse(Files.exists(run.resolve("report.html")));
        assertTrue(new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).toString()
                .contains("gen-dev/questions.json"));

        // when that command runs
        out.getBuffer().setLength(0);
        assertEquals(0, vqa("report", run.toString()), err.toString());

        // then the page is in the run directory and counts the run's questions
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("data-questions=\"120\""));
        assertTrue(out.toString().contains("report: " + run.resolve("report.html")), out.toString());
    }

    @Test
    void should_write_the_report_at_the_end_of_a_run_with_report_and_keep_json_clean() throws Exception {
        // given an evaluation asked for its report and JSON on stdout
        Path run = tmp.resolve("run");
        int code = vqa("eval", "clevr", "--questions", sample("clevr/gen-dev/questions.json"), "--scenes",
                sample("clevr/gen-dev/scenes.json"), "--limit", "40", "--out", run.toString(), "--report", "--json");

        // then the report is written and stdout is still one JSON object
        assertEquals(0, code, err.toString());
        assertTrue(Files.size(run.resolve("report.html")) > 10_000);
        assertEquals(40, new ObjectMapper().readTree(out.toString()).get("questions").asInt());
    }

    @Test
    void should_exit_2_for_a_path_that_is_not_a_run() throws Exception {
        assertEquals(2, vqa("report", tmp.resolve("missing").toString()));
        assertTrue(err.toString().contains("no such file or directory"), err.toString());
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, vqa("report", tmp.resolve("empty").toString(), "--out", tmp.resolve("r.html").toString()));
        assertTrue(err.toString().contains("not a run directory"), err.toString());
    }
}
