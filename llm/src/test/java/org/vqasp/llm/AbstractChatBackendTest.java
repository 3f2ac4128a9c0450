package org.vqasp.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every chat backend keeps, whatever serves it: a prompt gets a reply with text, a chat of a system
 * and a user message gets one too, and the counts are never negative. Each backend's test extends this class.
 */
abstract class AbstractChatBackendTest {

    /** Returns a client over the backend under test, fresh for each test. */
    protected abstract LlmClient client();

    @Test
    void should_answer_a_prompt_with_text() {
        // given a short prompt
        // when the backend is asked
        LlmReply r = client().chat("Reply with one word: which colour is the sky on a clear day?");

        // then the reply has text, at least one call and counts that are not negative
        assertFalse(r.text().isBlank(), r.note());
        assertTrue(r.calls() >= 1 && r.tokensIn() >= 0 && r.tokensOut() >= 0, r.toString());
    }

    @Test
    void should_answer_a_system_and_user_chat() {
        LlmReply r = client().chat(List.of(SystemMessage.from("You answer in one word."),
                UserMessage.from("Name a shape with four equal sides.")));
        assertFalse(r.text().isBlank(), r.note());
        assertFalse(r.note().isBlank());
    }
}
