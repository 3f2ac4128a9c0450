package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.Program;

class QuestionTranslatorTest {

    @Test
    void should_read_the_program_out_of_a_chatty_reply_and_show_the_model_the_functions() {
        // given a model that wraps its program in prose
        ScriptedChatModel model = new ScriptedChatModel("Sure! Here it is:\n[{\"function\": \"scene\", \"inputs\": [], "
                + "\"value_inputs\": []}, {\"function\": \"filter_color\", \"inputs\": [0], \"value_inputs\": [\"red\"]}, "
                + "{\"function\": \"count\", \"inputs\": [1], \"value_inputs\": []}]\nHope this helps.");
        // when a question is translated
        Program p = new QuestionTranslator(model).translate("Count the red stuff, please");
        // then the program is read, and the prompt named the functions, the values and worked examples
        assertEquals("0:scene 1:filter_color[red][0] 2:count[1]", p.toString());
        String prompt = ((UserMessage) model.requests.get(0).messages().get(0)).singleText();
        assertTrue(prompt.contains("relate[Relation] (Object) -> ObjectSet"), prompt);
        assertTrue(prompt.contains("Color = gray|red|blue|green|brown|purple|cyan|yellow"), prompt);
        assertTrue(prompt.contains("Q: How many red cubes are there?\nA: [{"), prompt);
        assertTrue(prompt.endsWith("Q: Count the red stuff, please\nA:"), prompt);
    }

    @Test
    void should_refuse_replies_without_a_well_formed_program() {
        assertEquals("llm", assertThrows(VqaspException.class,
                () -> QuestionTranslator.parseReply("I cannot answer that.")).kind());
        VqaspException bad = assertThrows(VqaspException.class,
                () -> QuestionTranslator.parseReply("[{\"function\": \"count\", \"inputs\": [3]}]"));
        assertTrue(bad.getMessage().contains("not an earlier step"), bad.getMessage());
        VqaspException json = assertThrows(VqaspException.class, () -> QuestionTranslator.parseReply("[{oops]"));
        assertTrue(json.getMessage().contains("not valid JSON"), json.getMessage());
        String huge = "[" + " ".repeat(QuestionTranslator.MAX_REPLY) + "]";
        assertTrue(assertThrows(VqaspException.class, () -> QuestionTranslator.parseReply(huge)).getMessage()
                .contains("more than 20000"));
    }

    @Test
    void should_report_a_failing_model_as_one_line() {
        QuestionTranslator t = new QuestionTranslator(new ScriptedChatModel(new RuntimeException("connection refused")));
        VqaspException e = assertThrows(VqaspException.class, () -> t.translate("How many cubes?"));
        assertEquals("the language model failed: connection refused", e.getMessage());
    }
}
