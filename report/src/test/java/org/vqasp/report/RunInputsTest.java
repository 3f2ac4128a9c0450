package org.vqasp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.Provenance;

class RunInputsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void should_take_the_inputs_and_choices_recorded_in_the_provenance_over_the_command_line() {
        // given a run directory whose provenance.json is written as vqa eval clevr writes it, from another directory
        Path images = TestRuns.repo("samples/clevr/real-dev/images");
        Path questions = TestRuns.repo("samples/clevr/real-dev/questions.json");
        new Provenance(List.of("vqa", "eval", "clevr", "--questions", "real-dev/questions.json", "--scene-source",
                "vision", "--images", "real-dev/images", "--weighted"), null)
                .input("questions", questions).input("images", images)
                .config(MAPPER.createObjectNode().put("scene_source", "vision").put("programs", "parsed")
                        .put("weighted", true))
                .write(tmp);

        // when its inputs are read
        RunInputs in = RunInputs.of(tmp);

        // then they are the recorded files (the relative flags would not resolve from here) and choices
        assertEquals("eval clevr", in.command());
        assertEquals(questions, in.questions());
        assertEquals(images, in.images());
        assertNull(in.scenes());
        assertTrue(in.vision());
        assertEquals("parsed", in.programs());
        assertTrue(in.weighted());
    }

    @Test
    void should_resolve_the_flags_of_an_older_provenance_against_its_working_directory() throws Exception {
        // given an older run's provenance: a command line with relative paths, and the directory it ran in
        ObjectNode p = MAPPER.createObjectNode();
        p.putArray("command_line").add("vqa").add("eval").add("gqa").add("--questions")
                .add("samples/gqa/sample/written_questions.json").add("--scene-graphs")
                .add("samples/gqa/sample/sceneGraphs.json");
        p.put("working_directory", TestRuns.repo(".").toString());
        Files.writeString(tmp.resolve(Provenance.FILE), p.toString());

        // when its inputs are read
        RunInputs in = RunInputs.of(tmp);

        // then the flags name files in that directory, and nothing else is assumed
        assertEquals("eval gqa", in.command());
        assertEquals(TestRuns.repo("samples/gqa/sample/written_questions.json"), in.questions());
        assertEquals(TestRuns.repo("samples/gqa/sample/sceneGraphs.json"), in.scenes());
        assertFalse(in.vision());
        assertFalse(in.weighted());
    }

    @Test
    void should_know_nothing_of_a_run_without_provenance() {
        assertSame(RunInputs.NONE, RunInputs.of(tmp));
    }
}
