package org.vqasp.language.clevr.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;

class LearnedParserTest {

    /** Writes an untrained model (its readings are arbitrary, its confidences low) with a threshold. */
    static Path untrained(Path dir, double threshold) throws Exception {
        Engine.getInstance().setRandomSeed(11);
        WordVocabulary words = WordVocabulary.fromCounts(Map.of("how", 9, "many", 9, "cubes", 9, "are", 9,
                "there", 9), 1);
        ProgramGrammar grammar = ProgramGrammar.runnable();
        NDManager m = NDManager.newBaseManager();
        ParserNet net = new ParserNet(new ParserNetConfig(words.size(), grammar.size(), 16, 1, 4, 2, 32, 12, 30, 0f));
        net.initialize(m, 1, 3, 2);
        try (ParserModel model = new ParserModel(m, net, words, grammar, 3, threshold)) {
            model.write(dir);
        }
        return dir;
    }

    @Test
    void should_decline_below_its_threshold_saying_why_and_what_it_would_read(@TempDir Path dir) throws Exception {
        try (LearnedParser p = LearnedParser.load(untrained(dir, 0.99))) {
            // when an untrained model reads a question
            LearnedParser.Result r = p.parse("How many cubes are there?");
            // then it has a well-formed best reading, with a confidence below the threshold, and declines
            assertNotNull(r.program());
            assertFalse(r.accepted());
            assertTrue(r.confidence() < 0.99);
            assertTrue(r.declineReason().contains("unsure"), r.declineReason());
            assertEquals(3, r.candidates().size());
            // and with no threshold it accepts the same reading
            LearnedParser.Result any = p.parse("How many cubes are there?", 3, 0);
            assertTrue(any.accepted());
            assertEquals(r.program(), any.program());
        }
    }

    @Test
    void should_decline_empty_and_unknown_text_with_a_reason(@TempDir Path dir) throws Exception {
        try (LearnedParser p = LearnedParser.load(untrained(dir, 0))) {
            LearnedParser.Result empty = p.parse("?!");
            assertNull(empty.program());
            assertEquals("the question has no words", empty.declineReason());
            LearnedParser.Result unknown = p.parse("Zorblax quuxes?");
            assertNull(unknown.program());
            assertTrue(unknown.declineReason().contains("zorblax"), unknown.declineReason());
            // a typo of a known word is read as the word
            assertEquals("many", p.encode("how mnay cubes").words().get(1));
        }
    }

    @Test
    void should_refuse_a_missing_or_broken_model_directory(@TempDir Path dir) throws Exception {
        InputException missing = assertThrows(InputException.class, () -> LearnedParser.load(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("config.json"), missing.getMessage());
        Path broken = untrained(dir.resolve("broken"), 0);
        Files.writeString(broken.resolve(ParserModel.PARAMS), "not parameters");
        InputException bad = assertThrows(InputException.class, () -> LearnedParser.load(broken));
        assertEquals("bad_model", bad.kind());
    }
}
