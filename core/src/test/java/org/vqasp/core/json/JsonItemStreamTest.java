package org.vqasp.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

class JsonItemStreamTest {

    @TempDir
    Path tmp;

    private Path file(String text) throws Exception {
        return Files.writeString(tmp.resolve("f.json"), text);
    }

    private static List<String> drain(JsonItemStream s) {
        List<String> out = new ArrayList<>();
        while (s.hasNext()) {
            Map.Entry<String, JsonNode> e = s.next();
            out.add(e.getKey() + "=" + e.getValue());
        }
        return out;
    }

    @Test
    void should_stream_the_array_under_a_key_past_other_fields_keyed_by_position() throws Exception {
        // given the CLEVR layout with an info object before the array and a field after it
        Path f = file("{\"info\": {\"split\": \"val\", \"list\": [1, 2]}, \"questions\": [{\"a\": 1}, {\"a\": [2]}, 3],"
                + " \"more\": true}");
        // when the questions are streamed, then each element comes with its position
        try (JsonItemStream s = JsonItemStream.array(f, "questions")) {
            assertEquals(List.of("0={\"a\":1}", "1={\"a\":[2]}", "2=3"), drain(s));
        }
        // and the rest of the stream can be counted without materialising it
        try (JsonItemStream s = JsonItemStream.array(f, "questions")) {
            s.next();
            assertEquals(2, s.countRemaining());
        }
    }

    @Test
    void should_stream_the_entries_of_a_top_level_object_keyed_by_name() throws Exception {
        Path f = file("{\"q1\": {\"imageId\": \"n1\"}, \"q2\": {\"imageId\": \"n2\"}}");
        try (JsonItemStream s = JsonItemStream.entries(f)) {
            assertEquals(List.of("q1={\"imageId\":\"n1\"}", "q2={\"imageId\":\"n2\"}"), drain(s));
            assertFalse(s.hasNext());
        }
    }

    @Test
    void should_name_the_file_line_and_column_of_what_is_wrong() throws Exception {
        // a missing file
        InputException missing = assertThrows(InputException.class,
                () -> JsonItemStream.array(tmp.resolve("none.json"), "questions"));
        assertEquals(ErrorKind.MISSING_FILE, missing.kind());
        // JSON without the array
        Path noArray = file("{\"info\": {}}");
        InputException none = assertThrows(InputException.class, () -> JsonItemStream.array(noArray, "questions"));
        assertEquals(ErrorKind.MALFORMED_FILE, none.kind());
        assertTrue(none.getMessage().contains("\"questions\""), none.getMessage());
        // a file that breaks off inside the second element, read as far as it goes
        Path broken = file("{\"questions\": [\n{\"a\": 1},\n{\"a\": tru");
        try (JsonItemStream s = JsonItemStream.array(broken, "questions")) {
            assertEquals("0", s.next().getKey());
            InputException e = assertThrows(InputException.class, () -> {
                while (s.hasNext()) {
                    s.next();
                }
            });
            assertEquals(ErrorKind.MALFORMED_JSON, e.kind());
            assertTrue(e.getMessage().startsWith(broken + ":3:"), e.getMessage());
        }
    }
}
