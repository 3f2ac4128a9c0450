package org.vqasp.language.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.TimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.ProgramCheck;
import org.vqasp.llm.Backoff;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.LlmException;
import org.vqasp.llm.ScriptedChatBackend;

class LlmQuestionTranslatorTest {

    private static final String COUNT_RED = "[{\"function\": \"scene\", \"inputs\": [], \"value_inputs\": []}, "
            + "{\"function\": \"filter_color\", \"inputs\": [0], \"value_inputs\": [\"red\"]}, "
            + "{\"function\": \"count\", \"inputs\": [1], \"value_inputs\": []}]";

    private static LlmQuestionTranslator translator(ScriptedChatBackend backend, int retries,
            ProgramCheck<Program> check) {
        return new LlmQuestionTranslator(new LlmClient(backend, "scripted",
                new Backoff(retries, Duration.ZERO, 1, Duration.ZERO), d -> { }), check);
    }

    @Test
    void should_read_the_program_out_of_a_chatty_reply_and_show_the_model_the_functions() {
        // given a model that wraps its program in prose
        ScriptedChatBackend model = new ScriptedChatBackend("Sure! Here it is:\n" + COUNT_RED + "\nHope this helps.");
        // when a question is translated
        Program p = translator(model, 0, ProgramCheck.none()).translate("Count the red stuff, please");
        // then the program is read, and the prompt named the functions, the values and worked examples
        assertEquals("0:scene 1:filter_color[red][0] 2:count[1]", p.toString());
        String prompt = ((UserMessage) model.requests().get(0).messages().get(0)).singleText();
        assertTrue(prompt.contains("relate[Relation] (Object) -> ObjectSet"), prompt);
        assertTrue(prompt.contains("Color = gray|red|blue|green|brown|purple|cyan|yellow"), prompt);
        assertTrue(prompt.contains("Q: How many red cubes are there?\nA: [{"), prompt);
        assertTrue(prompt.endsWith("Q: Count the red stuff, please\nA:"), prompt);
    }

    @Test
    void should_refuse_replies_without_a_well_formed_program() {
        assertEquals(ErrorKind.LLM_BAD_REPLY, assertThrows(VqaspException.class,
                () -> LlmQuestionTranslator.parseReply("I cannot answer that.")).kind());
        VqaspException bad = assertThrows(VqaspException.class,
                () -> LlmQuestionTranslator.parseReply("[{\"function\": \"count\", \"inputs\": [3]}]"));
        assertTrue(bad.getMessage().contains("not an earlier step"), bad.getMessage());
        VqaspException json = assertThrows(VqaspException.class, () -> LlmQuestionTranslator.parseReply("[{oops]"));
        assertTrue(json.getMessage().contains("not valid JSON"), json.getMessage());
        String huge = "[" + " ".repeat(LlmQuestionTranslator.MAX_REPLY) + "]";
        assertTrue(assertThrows(VqaspException.class, () -> LlmQuestionTranslator.parseReply(huge)).getMessage()
                .contains("more than 20000"));
    }

    @Test
    void should_refuse_a_program_that_fails_the_check() {
        // given a check that refuses every program, as the theory refuses an unknown function
        ScriptedChatBackend model = new ScriptedChatBackend(COUNT_RED);
        LlmQuestionTranslator t = translator(model, 0,
                p -> Optional.of(new VqaspException("unknown_function", "step 1 (filter_colour): unknown function")));
        // when a question is translated, then the program is refused with the check's reason
        VqaspException e = assertThrows(VqaspException.class, () -> t.translate("How many red things?"));
        assertEquals(ErrorKind.LLM_PROGRAM_REFUSED, e.kind());
        assertEquals("the language model's program was refused: step 1 (filter_colour): unknown function",
                e.getMessage());
    }

    @Test
    void should_retry_a_time_out_and_not_a_refused_key() {
        // given a model that times out once, then answers
        ScriptedChatBackend flaky = new ScriptedChatBackend(new TimeoutException("read timed out"), COUNT_RED);
        // then the translation succeeds on the second call
        assertEquals(3, translator(flaky, 2, ProgramCheck.none()).translate("How many red things?").size());
        assertEquals(2, flaky.requests().size());
        // and a refused key fails at once, as one line
        ScriptedChatBackend refused = new ScriptedChatBackend(new AuthenticationException("invalid api key"));
        LlmException e = assertThrows(LlmException.class,
                () -> translator(refused, 2, ProgramCheck.none()).translate("How many cubes?"));
        assertEquals(ErrorKind.LLM_REFUSED, e.kind());
        assertEquals("scripted refused the request: AuthenticationException: invalid api key", e.getMessage());
        assertEquals(1, refused.requests().size());
    }
}
