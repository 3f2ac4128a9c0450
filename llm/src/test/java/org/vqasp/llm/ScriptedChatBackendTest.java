package org.vqasp.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.exception.InternalServerException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract suite offline, over a scripted backend, and the script's own behaviour. */
class ScriptedChatBackendTest extends AbstractChatBackendTest {

    @Override
    protected LlmClient client() {
        return new LlmClient(new ScriptedChatBackend("blue"), "scripted", Backoff.DEFAULT, d -> { });
    }

    @Test
    void should_play_its_steps_in_order_and_repeat_the_last() {
        ScriptedChatBackend b = new ScriptedChatBackend("one", new InternalServerException("500"), "two");
        LlmClient c = new LlmClient(b, "scripted", new Backoff(0, Duration.ZERO, 1, Duration.ZERO), d -> { });
        assertEquals("one", c.chat("a").text());
        assertThrows(LlmException.class, () -> c.chat("b"));
        assertEquals("two", c.chat("c").text());
        assertEquals("two", c.chat("d").text());
        assertEquals(4, b.requests().size());
    }
}
