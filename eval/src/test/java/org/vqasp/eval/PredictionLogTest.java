package org.vqasp.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

class PredictionLogTest {

    @TempDir
    Path tmp;

    private static Prediction row(String id, String predicted, String error) {
        return new Prediction(id, "img-" + id, "How many?", "3", predicted, predicted == null ? false
                : predicted.equals("3"), error, error == null ? null : "step 2 (unique): found 0 objects", 1.5,
                List.of("count/1", "all"));
    }

    @Test
    void should_write_rows_that_read_back_whole_and_resume_where_a_run_stopped() {
        // given a log with two rows, closed
        try (PredictionLog log = PredictionLog.open(tmp)) {
            log.append(List.of(row("1", "3", null), row("2", null, ErrorKind.UNIQUE)));
        }
        // when it is opened again
        try (PredictionLog log = PredictionLog.open(tmp)) {
            // then it knows what was answered, and appends after it
            assertTrue(log.done("1") && log.done("2"));
            assertFalse(log.done("3"));
            assertEquals(2, log.resumed());
            log.append(List.of(row("3", "4", null)));
        }
        // and every field of every row reads back
        List<Prediction> all = PredictionLog.readAll(tmp.resolve("predictions.jsonl"));
        assertEquals(List.of(row("1", "3", null), row("2", null, ErrorKind.UNIQUE), row("3", "4", null)), all);
    }

    @Test
    void should_cut_off_a_half_written_last_line() throws Exception {
        // given a log whose last line a killed run left half written
        try (PredictionLog log = PredictionLog.open(tmp)) {
            log.append(List.of(row("1", "3", null)));
        }
        Path f = tmp.resolve("predictions.jsonl");
        Files.writeString(f, "{\"id\": \"2\", \"predic", StandardOpenOption.APPEND);
        // when it is opened again, then the half line is gone and question 2 is not counted as answered
        try (PredictionLog log = PredictionLog.open(tmp)) {
            assertFalse(log.done("2"));
            log.append(List.of(row("2", "3", null)));
        }
        assertEquals(2, PredictionLog.readAll(f).size());
    }

    @Test
    void should_refuse_a_file_that_holds_something_else() throws Exception {
        Files.writeString(tmp.resolve("predictions.jsonl"), "{\"id\": \"1\"}\nnot a prediction\n");
        InputException e = assertThrows(InputException.class, () -> PredictionLog.open(tmp));
        assertEquals(ErrorKind.BAD_PREDICTIONS, e.kind());
        assertTrue(e.getMessage().contains("predictions.jsonl:2"), e.getMessage());
    }
}
