package org.vqasp.cli.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;
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
    void should_answer_a_relation_check_with_the_attributes_the_question_gives() {
        // given the farm: the white horse 722308 is near the white building 722310
        GqaAskSession s = session("2375429");
        // then a check of a white building holds, and of a brown one does not (GQA's program names the building
        // only, pinned by id; the question's colour is kept for answering)
        assertEquals("yes", s.ask("Is the horse near a white building?").answer());
        GqaAskSession.GqaAskResult brown = s.ask("Is the horse near a brown building?");
        assertEquals("no", brown.answer());
        assertEquals("select: horse -> verify rel: building,near,o [0]", GqaAskPrinter.program(brown.program()));
        // and a relation of the building to a third object: the building near the horse is behind the door
        assertEquals("yes", s.ask("Is the horse near the building that is behind the door?").answer());
        assertEquals("no", s.ask("Is the horse near the building that is in front of the door?").answer());
        // a check of a subject the image lacks still fails (there is no woman), rather than saying no
        assertEquals("empty", s.ask("Is the woman wearing a red shirt?").errorKind());
    }

    @Test
    void should_open_an_image_of_a_large_file_without_its_other_graphs_and_name_a_few_ids_when_one_is_missing(
            @TempDir Path tmp) throws IOException {
        // given a file of 40 copies of a real graph, one of them broken
        String good = Files.readString(GRAPHS);
        String graph = good.substring(good.indexOf("\"2315892\"") + "\"2315892\":".length(), good.lastIndexOf('}'))
                .strip();
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(1000 + i).append("\": ")
                    .append(i == 7 ? "{\"width\": 1}" : graph);
        }
        Path file = tmp.resolve("graphs.json");
        Files.writeString(file, json.append('}').toString());
        // when images are opened, the broken one does not keep the others from opening
        GqaAskSession s = new GqaAskSession(GqaQuestionParser.load(), new GqaReasoner());
        s.open(file, "1012");
        assertEquals(6, s.graph().objects().size());
        InputException broken = assertThrows(InputException.class, () -> s.openImage("1007"));
        assertTrue(broken.getMessage().contains("scene graph 1007"), broken.getMessage());
        // and a missing image names how many there are and a few of them, not all forty
        InputException missing = assertThrows(InputException.class, () -> s.openImage("9"));
        assertTrue(missing.getMessage().contains("40 images: 1000, 1001,"), missing.getMessage());
        assertFalse(missing.getMessage().contains("1039"), missing.getMessage());
        assertEquals(40, s.imageIds().size());
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
