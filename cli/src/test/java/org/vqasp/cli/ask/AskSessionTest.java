package org.vqasp.cli.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.language.clevr.ClevrQuestionParser;
import org.vqasp.language.clevr.LlmQuestionTranslator;
import org.vqasp.llm.Backoff;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.ScriptedChatBackend;
import org.vqasp.reasoning.clevr.ClevrReasoner;

class AskSessionTest {

    private static final Path VAL_SCENE = Samples.path("clevr/val-sample/CLEVR_val_scenes.json");

    private static AskSession session(AskSession.ProgramTranslator translator) {
        // without the learned stage, so that the questions no rule reads reach the translator
        AskSession s = new AskSession(ClevrQuestionParser.load(), null, new ClevrReasoner(), () -> {
            throw new AssertionError("no vision needed");
        }, translator, false);
        s.openScene(VAL_SCENE);
        return s;
    }

    @Test
    void should_answer_with_the_translators_program_when_the_parser_gives_up() {
        // given a translator standing in for a language model, and a question no template has
        Program redOrGray = new Program(List.of(ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_color", List.of("gray"), 0), ProgramStep.of("count", List.of(), 1)));
        try (AskSession s = session(q -> redOrGray)) {
            // when asked
            AskResult r = s.ask("Tell me the number of grey objects");
            // then the translated program is used and said to be the model's: val scene 0 has two gray objects
            assertEquals("2", r.answer());
            assertEquals("llm", r.source());
        }
    }

    /** Returns the translator ask uses with a language model: here one that replies with a script. */
    private static AskSession.ProgramTranslator llm(ScriptedChatBackend backend, ClevrReasoner reasoner) {
        LlmQuestionTranslator t = new LlmQuestionTranslator(new LlmClient(backend, "scripted",
                new Backoff(0, Duration.ZERO, 1, Duration.ZERO), d -> { }), reasoner::check);
        return t::translate;
    }

    @Test
    void should_refuse_a_translated_program_that_does_not_compile() {
        // given a language model whose program names a function the theory does not know
        ClevrReasoner reasoner = new ClevrReasoner();
        ScriptedChatBackend model = new ScriptedChatBackend("[{\"function\": \"scene\", \"inputs\": []}, "
                + "{\"function\": \"filter_colour\", \"inputs\": [0], \"value_inputs\": [\"gray\"]}, "
                + "{\"function\": \"count\", \"inputs\": [1]}]");
        try (AskSession s = session(llm(model, reasoner))) {
            // when asked a question the parser does not understand
            AskResult r = s.ask("Tell me the number of grey objects");
            // then the reasoner's check refused the program, and the answer says why
            assertNull(r.answer());
            assertEquals("not_understood", r.errorKind());
            assertTrue(r.errorMessage().contains("llm: the language model's program was refused: step 1 (filter_colour): "
                    + "unknown function \"filter_colour\""), r.errorMessage());
            // and the prompt's text keeps the refusal beside the parsers' reasons
            StringWriter text = new StringWriter();
            AskPrinter.text(new PrintWriter(text, true), r, false);
            assertTrue(text.toString().contains("Not understood: template: matches no CLEVR question template; unknown "
                    + "words: tell, me, grey; grammar: "), text.toString());
            assertTrue(text.toString().contains("; llm: the language model's program was refused: step 1 (filter_colour)"),
                    text.toString());
            assertTrue(text.toString().contains("Closest question form: "), text.toString());
        }
    }

    @Test
    void should_say_why_the_translator_could_not_help() {
        // given a language model that cannot be reached
        ScriptedChatBackend down = new ScriptedChatBackend(new UncheckedIOException(
                new ConnectException("connection refused")));
        try (AskSession s = session(llm(down, new ClevrReasoner()))) {
            AskResult r = s.ask("Tell me the number of grey objects");
            assertTrue(r.errorMessage().contains("llm: the language model could not help: scripted failed after 1 calls: "),
                    r.errorMessage());
            assertTrue(r.errorMessage().endsWith("connection refused"), r.errorMessage());
        }
    }

    @Test
    void should_handle_the_colon_commands_of_the_prompt() {
        try (AskSession s = session(null)) {
            AskShell shell = new AskShell(s, Path.of("unused"));
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            assertTrue(shell.handle(":why", out));
            assertTrue(shell.handle("How many cylinders are there?", out));
            assertTrue(shell.handle(":program", out));
            assertTrue(shell.handle(":why", out));
            assertTrue(shell.handle(":open /no/such/file.png", out));
            assertTrue(shell.handle(":nonsense", out));
            assertTrue(!shell.handle(":quit", out));
            out.flush();
            String t = text.toString();
            assertTrue(t.contains("ask a question first"), t);
            assertTrue(t.contains("Answer:  2"), t);
            assertTrue(t.contains("scene -> filter_shape[cylinder] -> count"), t);
            assertTrue(t.contains("objects used: 0, 2"), t);
            assertTrue(t.contains("cannot open: /no/such/file.png: no such image"), t);
            assertTrue(t.contains("unknown command :nonsense; :help lists the commands"), t);
        }
    }
}
