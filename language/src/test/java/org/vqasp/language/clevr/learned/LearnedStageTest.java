package org.vqasp.language.clevr.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.ParserChain;
import org.vqasp.language.clevr.ClevrParsers;

class LearnedStageTest {

    @Test
    void should_read_only_what_template_and_grammar_cannot_and_name_itself_with_its_confidence(@TempDir Path dir)
            throws Exception {
        Path model = LearnedParserTest.untrained(dir.resolve("m"), 0);
        ParserChain<Program> chain = ClevrParsers.chain(LearnedStage.of(model), null, null);
        // a template question is read by the template stage
        Parse<Program> t = chain.parse("How many cubes are there?");
        assertEquals("template", t.parser());
        // words in an order no rule reads reach the learned stage, which reads them with its probability
        Parse<Program> l = chain.parse("cubes there many how are");
        Parse.Parsed<Program> p = assertInstanceOf(Parse.Parsed.class, l);
        assertEquals(LearnedParser.NAME, p.parser());
        assertTrue(p.confidence() > 0 && p.confidence() <= 1, "confidence " + p.confidence());
        // and an unknown word is named in the note
        Parse.Parsed<Program> u = assertInstanceOf(Parse.Parsed.class, chain.parse("cubes there zorblax many"));
        assertTrue(u.note().contains("zorblax"), u.note());
    }

    @Test
    void should_decline_below_the_model_threshold_with_the_reason_in_the_chain(@TempDir Path dir) throws Exception {
        Path model = LearnedParserTest.untrained(dir.resolve("m"), 0.99);
        ParserChain<Program> chain = ClevrParsers.chain(LearnedStage.of(model), null, null);
        Parse.NotUnderstood<Program> n = assertInstanceOf(Parse.NotUnderstood.class,
                chain.parse("cubes there many how are"));
        assertTrue(n.reason().contains("learned: the learned parser is unsure (confidence"), n.reason());
        assertTrue(n.reason().startsWith("template: "), n.reason());
    }

    @Test
    void should_report_a_missing_model_as_the_stage_failing_not_the_chain(@TempDir Path dir) {
        ParserChain<Program> chain = ClevrParsers.chain(LearnedStage.of(dir.resolve("none")), null, null);
        // a question the first stages read never loads the model
        assertEquals("template", chain.parse("How many cubes are there?").parser());
        Parse.NotUnderstood<Program> n = assertInstanceOf(Parse.NotUnderstood.class,
                chain.parse("cubes there many how are"));
        assertTrue(n.reason().contains("learned: failed: ") && n.reason().contains("config.json"), n.reason());
    }
}
