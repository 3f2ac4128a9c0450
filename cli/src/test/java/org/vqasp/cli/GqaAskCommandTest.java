package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GqaAskCommandTest extends CliTest {

    private static final String GRAPHS = sample("gqa/sample/sceneGraphs.json");

    @Test
    void should_answer_a_gqa_question_as_json_with_program_objects_and_explanation() throws Exception {
        // given the real scene graph of image 2375429 and the real GQA question asked about it
        int code = vqa("ask", "--scene-graphs", GRAPHS, "--image-id", "2375429", "--json",
                "What is on the white wall?");
        // then one JSON object: the released answer and program (without ids), the objects, the trace
        assertEquals(0, code, err.toString());
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertEquals("pipe", n.get("answer").asText());
        assertEquals("select: wall->filter color: white [0]->relate: _,on,s [1]->query: name [2]",
                n.get("program").asText());
        assertEquals("relate", n.get("program_steps").get(2).get("operation").asText());
        assertEquals("gqa-grammar", n.get("parser").asText());
        assertEquals(21, n.get("objects").size());
        assertEquals("[\"722335\"]", n.get("explanation").get("used_objects").toString());
        assertTrue(n.get("error").isNull());
    }

    @Test
    void should_print_the_objects_program_answer_and_why_as_text() {
        int code = vqa("ask", "--scene-graphs", GRAPHS, "--image-id", "2336498",
                "Is the bowl to the left or to the right of the fireplace?");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("968673   fireplace"), text);
        assertTrue(text.contains("Program: select: fireplace -> choose rel: bowl,to the right of|to the left of,s [0]"),
                text);
        assertTrue(text.contains("Answer:  left"), text);
        assertTrue(text.contains("1 choose rel: bowl,to the right of|to the left of,s (0) -> to the left of"), text);
    }

    @Test
    void should_say_why_a_question_is_not_understood_or_has_no_answer() throws Exception {
        assertEquals(0, vqa("ask", "--scene-graphs", GRAPHS, "--image-id", "2354786", "--json", "Zorp blick the wug?"));
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertEquals("not_understood", n.get("error").get("kind").asText());
        assertTrue(n.get("error").get("message").asText().contains("zorp"), n.toString());
        out.getBuffer().setLength(0);
        // the license plate has no color in the graph: no answer, and the trace shows where it stopped
        assertEquals(0, vqa("ask", "--scene-graphs", GRAPHS, "--image-id", "2354786", "What color is the license plate?"));
        assertTrue(out.toString().contains("No answer: step 1 (query: color): the scene graph gives no color value"),
                out.toString());
        assertTrue(out.toString().contains("0 select: license plate -> 1869638 license plate"), out.toString());
    }

    @Test
    void should_count_what_a_how_many_question_asks_for() throws Exception {
        // given the living room of image 2336498: two dogs (968660, 968662), no cat
        int code = vqa("ask", "--scene-graphs", GRAPHS, "--image-id", "2336498", "--json", "How many dogs are there?");
        assertEquals(0, code, err.toString());
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertEquals("2", n.get("answer").asText());
        assertEquals("select: dog->count: ? [0]", n.get("program").asText());
        assertTrue(n.get("parser_note").asText().startsWith("count"), n.toString());
    }

    @Test
    void should_exit_2_for_an_unknown_image_or_flags_that_need_images() {
        assertEquals(2, vqa("ask", "--scene-graphs", GRAPHS, "--image-id", "999", "Is the sky dark?"));
        assertTrue(err.toString().contains("has no scene graph for image 999"), err.toString());
        assertEquals(2, vqa("ask", "--scene-graphs", GRAPHS, "--annotate", "x.png", "Is the sky dark?"));
        assertEquals(2, vqa("ask", "--scene", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--image-id", "1",
                "How many things are there?"));
    }
}
