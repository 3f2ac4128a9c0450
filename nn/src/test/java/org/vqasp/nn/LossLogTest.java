package org.vqasp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossLogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(MAPPER.readTree(l));
        }
        return out;
    }

    @Test
    void should_write_one_line_per_step_as_the_run_goes(@TempDir Path dir) throws Exception {
        // given a new run's log
        try (LossLog log = LossLog.open(dir.resolve("model"), 0)) {
            // when two steps are appended
            log.append(1, 2.5, 1e-4);
            log.append(2, 1.25, 2e-4);
            // then both are on disk before the log is closed (a kill would keep them)
            List<JsonNode> rows = lines(dir.resolve("model").resolve(LossLog.FILE));
            assertEquals(2, rows.size());
            assertEquals(2, rows.get(1).get("step").asLong());
            assertEquals(1.25, rows.get(1).get("loss").asDouble());
            assertEquals(2e-4, rows.get(1).get("learning_rate").asDouble());
        }
    }

    @Test
    void should_drop_the_steps_after_the_checkpoint_and_a_cut_line_when_resuming(@TempDir Path dir) throws Exception {
        // given a run killed at step 5 in the middle of a line, its checkpoint at step 3
        try (LossLog log = LossLog.open(dir, 0)) {
            for (int s = 1; s <= 4; s++) {
                log.append(s, 1.0 / s, 1e-3);
            }
        }
        Files.writeString(dir.resolve(LossLog.FILE), "{\"step\":5,\"lo", StandardOpenOption.APPEND);
        // when it resumes at step 3 and takes step 4 again
        try (LossLog log = LossLog.open(dir, 3)) {
            log.append(4, 0.2, 1e-3);
        }
        // then the log holds steps 1 to 4 once each, the last as taken again
        List<JsonNode> rows = lines(dir.resolve(LossLog.FILE));
        assertEquals(List.of(1L, 2L, 3L, 4L), rows.stream().map(r -> r.get("step").asLong()).toList());
        assertEquals(0.2, rows.get(3).get("loss").asDouble());
    }
}
