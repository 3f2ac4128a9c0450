package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AskCommandTest extends CliTest {

    @Test
    void should_answer_one_question_as_json_with_program_objects_and_explanation() throws Exception {
        // given the real val scene 0 and a question from its template family 39
        int code = vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--json",
                "Are there any other things that are the same shape as the big metallic object?");
        // then one JSON object: answer no, the released program, five objects, the sphere used
        assertEquals(0, code, err.toString());
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertEquals("no", n.get("answer").asText());
        assertEquals("same_shape", n.get("program").get(4).get("function").asText());
        assertEquals(5, n.get("objects").size());
        assertEquals("[3]", n.get("explanation").get("used_objects").toString());
        assertTrue(n.get("ms").asDouble() > 0);
        assertTrue(n.get("error").isNull());
    }

    @Test
    void should_suggest_the_closest_template_for_a_question_it_does_not_understand() throws Exception {
        int code = vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--json", "--learned-parser", "none",
                "How many unicorns are there?");
        assertEquals(0, code, err.toString());
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertTrue(n.get("answer").isNull());
        assertEquals("not_understood", n.get("error").get("kind").asText());
        assertTrue(n.get("error").get("message").asText().contains("unicorns"), n.toString());
        assertEquals("How many <Z> <C> <M> <S>s are there?", n.get("suggestion").asText());

        // and as text, the reason once (the question is not repeated) and the closest form on its own line
        out.getBuffer().setLength(0);
        assertEquals(0, vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--learned-parser",
                "none", "How many unicorns are there?"));
        assertTrue(out.toString().contains("Not understood: template: matches no CLEVR question template; unknown words: "
                + "unicorns; grammar: unknown words: unicorns" + System.lineSeparator()
                + "Closest question form: How many <Z> <C> <M> <S>s are there?"), out.toString());
    }

    @Test
    void should_answer_for_the_nearest_of_several_and_say_so() {
        // val scene 0 has two gray objects: "the gray thing" is not unique; the large gray cube is nearer the viewer
        int code = vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "What size is the gray thing?");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("Answer:  large" + System.lineSeparator()
                + "Note:    step 2 (unique): found 2 objects, expected exactly one; answered for the one nearest"),
                out.toString());
    }

    @Test
    void should_explain_a_failed_presupposition() {
        // val scene 0 has no yellow object: even the relaxed reading finds nothing
        int code = vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "What size is the yellow thing?");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("No answer: step 2 (unique): found 0 objects, expected exactly one [unique]"),
                out.toString());
    }

    @Test
    void should_exit_2_for_a_missing_image_or_both_inputs() {
        assertEquals(2, vqa("ask", "--image", "/no/such.png", "How many things are there?"));
        assertEquals("vqa: /no/such.png: no such image", err.toString().strip());
        assertEquals(2, vqa("ask", "--image", "a.png", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "x"));
        assertEquals(2, vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--annotate", "out.png", "x"));
    }

    @Test
    void should_refuse_a_prompt_command_given_as_the_question() {
        // ":scene" is a command of the prompt, not a question: one-shot mode says so instead of "not understood"
        assertEquals(2, vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), ":scene"));
        assertTrue(err.toString().contains("\":scene\" is a command of the interactive prompt"), err.toString());
    }
}
