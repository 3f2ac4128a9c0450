package org.vqasp.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaQuestion;

class JsonItemStreamMarksTest {

    @TempDir
    Path tmp;

    private record Read(List<Map.Entry<String, JsonNode>> items, List<JsonItemStream.Mark> marks) {
    }

    private static Read readAll(JsonItemStream s) {
        List<Map.Entry<String, JsonNode>> items = new ArrayList<>();
        List<JsonItemStream.Mark> marks = new ArrayList<>();
        try (s) {
            assertNull(s.mark());
            while (s.hasNext()) {
                items.add(s.next());
                marks.add(s.mark());
            }
        }
        return new Read(items, marks);
    }

    @Test
    void should_resume_an_array_file_at_any_mark_with_the_same_keys_and_items() {
        // given every item of a real CLEVR questions file and where each starts
        Path file = Samples.path("clevr/gen-dev/questions.json");
        Read whole = readAll(JsonItemStream.array(file, "questions"));
        assertEquals(3200, whole.items().size());

        for (int from : new int[] {0, 1, 1234, 3199}) {
            // when the file is opened at the mark of item `from`
            Read tail = readAll(JsonItemStream.arrayAt(file, whole.marks().get(from)));

            // then it returns that item and every later one, with the same keys, trees and marks
            assertEquals(whole.items().subList(from, whole.items().size()), tail.items());
            assertEquals(whole.marks().subList(from, whole.marks().size()), tail.marks());
        }
    }

    @Test
    void should_resume_an_entries_file_at_a_mark_even_inside_odd_whitespace_and_unicode() throws IOException {
        // given a GQA-layout file with multi-byte text before the mark and newlines between entries
        Path file = tmp.resolve("q.json");
        Files.writeString(file, "{\"a\": {\"question\": \"caf\u00e9 \u2013 \u00fc?\"},\n  \"b\" : [1, 2],\n"
                + "\"c\": {\"x\": \"\u65e5\u672c\"}}\n", StandardCharsets.UTF_8);
        Read whole = readAll(JsonItemStream.entries(file));
        assertEquals(List.of("a", "b", "c"), whole.items().stream().map(Map.Entry::getKey).toList());

        // when it is opened at the second entry
        Read tail = readAll(JsonItemStream.entriesAt(file, whole.marks().get(1)));

        // then the two last entries come back unchanged
        assertEquals(whole.items().subList(1, 3), tail.items());
        assertEquals(whole.marks().subList(1, 3), tail.marks());
    }

    @Test
    void should_give_a_reader_opened_at_a_mark_the_same_items_ids_and_indexes() {
        // given the real CLEVR questions read from the start
        Path file = Samples.path("clevr/gen-dev/questions.json");
        List<DatasetItem<ClevrQuestion>> whole = new ArrayList<>();
        List<JsonItemStream.Mark> marks = new ArrayList<>();
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(file)) {
            while (r.hasNext()) {
                whole.add(r.next());
                marks.add(r.mark());
            }
        }

        // when a reader starts at question 2000
        List<DatasetItem<ClevrQuestion>> tail = new ArrayList<>();
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(file, marks.get(2000))) {
            r.forEachRemaining(tail::add);
        }

        // then it reads the same records, with the file's indexes
        assertEquals(whole.subList(2000, whole.size()), tail);
        assertEquals(2000, tail.get(0).index());
    }

    @Test
    void should_read_one_gqa_question_from_its_mark() {
        // given the real GQA sample questions
        Path file = Samples.path("gqa/semantic-dev/questions.json");
        List<DatasetItem<GqaQuestion>> whole = new ArrayList<>();
        List<JsonItemStream.Mark> marks = new ArrayList<>();
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(file)) {
            while (r.hasNext()) {
                whole.add(r.next());
                marks.add(r.mark());
            }
        }
        assertFalse(whole.isEmpty());

        // when the last question is read from its mark
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(file, marks.get(marks.size() - 1))) {
            // then it is that question, and nothing follows
            assertTrue(r.hasNext());
            assertEquals(whole.get(whole.size() - 1), r.next());
            assertFalse(r.hasNext());
        }
    }
}
