package org.vqasp.cli.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.gqa.GqaReasoner;

class GqaAskSessionTest {

    private static final Path GRAPHS = Path.of(System.getProperty("vqasp.repo", "..")).resolve(
            "samples/gqa/sample/sceneGraphs.json");

    private static GqaAskSession session(String imageId) {
        GqaAskSession s = new GqaAskSession(GqaQuestionParser.load(), new GqaReasoner());
        s.open(GRAPHS, imageId);
        return s;
    }

    @Test
    void should_answer_over_the_open_image_and_move_to_another() {
        // given image 2336498 (two dogs, a fireplace, a sofa)
        GqaAskSession s = session("2336498");
        // when asked which animal sits on the step, then the trace names the step and the dog
        GqaAskSession.GqaAskResult r = s.ask("Which animal is sitting on the step?");
        assertEquals("dog", r.answer());
        assertEquals("[0 select: step -> 968661 step, 1 relate: animal,sitting on,s (0) -> 968660 dog, "
                + "2 query: name (1) -> dog]", r.explanation().lines().toString());
        // when another image is opened, the next answer is about it
        s.openImage("2354786");
        assertEquals("yes", s.ask("Is the sky dark?").answer());
        assertTrue(s.vocabulary().contains("license"));
        assertEquals(4, s.imageIds().size());
    }

    @Test
    void should_answer_pronoun_questions_through_the_gender_of_people() {
        // image 2354786 has no people: "she" finds no woman and says so
        GqaAskSession s = session("2354786");
        GqaAskSession.GqaAskResult r = s.ask("What is she holding?");
        assertEquals("select: person -> filter gender: female [0] -> relate: _,holding,o [1] -> query: name [2]",
                GqaAskPrinter.program(r.answered()));
        assertEquals("empty", r.errorKind());
    }

    @Test
    void should_say_that_this_names_no_kind_of_object() {
        // a typed "What is this?" has no object id to point at: the answer says to name the kind of object
        GqaAskSession s = session("2336498");
        GqaAskSession.GqaAskResult r = s.ask("What is this?");
        assertEquals("empty", r.errorKind());
        String hint = "\"this\" does not say which kind of object: name it (What animal is this?)";
        assertTrue(r.errorMessage().endsWith(hint), r.errorMessage());
        // and "What animal is this?" names it
        assertEquals("dog", s.ask("What animal is this?").answer());
    }

    @Test
    void should_handle_prompt_commands() {
        GqaAskSession s = session("2375429");
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        AskShell shell = new AskShell(s, Path.of("unused"));
        assertTrue(shell.handle("What is on the white wall?", out));
        assertTrue(shell.handle(":why", out));
        assertTrue(shell.handle(":images", out));
        assertTrue(shell.handle(":open 999", out));
        assertTrue(shell.handle(":nope", out));
        assertFalse(shell.handle(":quit", out));
        String printed = text.toString();
        assertTrue(printed.contains("Answer:  pipe"), printed);
        assertTrue(printed.contains("3 query: name (2) -> pipe"), printed);
        assertTrue(printed.contains("images: 2315892, 2336498, 2354786, 2375429"), printed);
        assertTrue(printed.contains("cannot open: "), printed);
        assertTrue(printed.contains("unknown command :nope"), printed);
    }
}
