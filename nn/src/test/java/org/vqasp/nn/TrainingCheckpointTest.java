package org.vqasp.nn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

class TrainingCheckpointTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DIR = Path.of("run", "checkpoint");

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void should_accept_a_checkpoint_of_the_same_data_and_settings() throws Exception {
        JsonNode state = json("{\"train_sha256\":\"abc\",\"config\":{\"seed\":1,\"model\":{\"d\":64},\"epochs\":3}}");
        // epochs may change between sessions: only the named keys are compared
        assertDoesNotThrow(() -> TrainingCheckpoint.requireSameRun(DIR, state, "train_sha256", "training data", "abc",
                json("{\"seed\":1,\"model\":{\"d\":64},\"epochs\":9}"), List.of("seed", "model")));
    }

    @Test
    void should_name_other_data_by_its_hashes() throws Exception {
        JsonNode state = json("{\"data_sha256\":\"abc\",\"config\":{\"seed\":1}}");
        InputException e = assertThrows(InputException.class, () -> TrainingCheckpoint.requireSameRun(DIR, state,
                "data_sha256", "data", "def", json("{\"seed\":1}"), List.of("seed")));
        assertEquals(ErrorKind.CHECKPOINT_MISMATCH, e.kind());
        assertEquals(DIR + " was made from other data (hash abc, now def); use another --out", e.getMessage());
    }

    @Test
    void should_name_the_first_setting_that_differs() throws Exception {
        JsonNode state = json("{\"train_sha256\":\"abc\",\"config\":{\"seed\":1,\"model\":{\"d\":64}}}");
        InputException e = assertThrows(InputException.class, () -> TrainingCheckpoint.requireSameRun(DIR, state,
                "train_sha256", "training data", "abc", json("{\"seed\":1,\"model\":{\"d\":128}}"),
                List.of("seed", "model")));
        assertEquals(ErrorKind.CHECKPOINT_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("was made with model = {\"d\":64}, now {\"d\":128}"), e.getMessage());
    }
}
