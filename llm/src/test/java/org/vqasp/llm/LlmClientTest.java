package org.vqasp.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

class LlmClientTest {

    private final List<Duration> slept = new ArrayList<>();

    private LlmClient client(ScriptedChatBackend backend, int retries) {
        return new LlmClient(backend, "scripted", new Backoff(retries, Duration.ofSeconds(2), 2.0,
                Duration.ofSeconds(60)), slept::add);
    }

    @Test
    void should_send_one_user_message_and_read_the_reply_and_its_token_counts() {
        // given a backend that answers
        ScriptedChatBackend backend = new ScriptedChatBackend("[1, 2, 3]");

        // when a prompt is sent
        LlmReply r = client(backend, 0).chat("How many?");

        // then it went as one user message, and the reply comes with its counts
        assertEquals("How many?", ((UserMessage) backend.requests().get(0).messages().get(0)).singleText());
        assertEquals("[1, 2, 3]", r.text());
        assertEquals(1, r.calls());
        assertEquals(1000, r.tokensIn());
        assertEquals(25, r.tokensOut());
        assertTrue(r.note().startsWith("scripted: "), r.note());
    }

    @Test
    void should_retry_rate_limits_and_server_errors_with_growing_waits() {
        // given a model that is rate-limited, then fails, then answers
        ScriptedChatBackend backend = new ScriptedChatBackend(new RateLimitException("429"),
                new InternalServerException("500"), "ok");

        // when asked
        LlmReply r = client(backend, 3).chat("q");

        // then it waited 2 s then 4 s, and counts three calls
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
        assertEquals(3, r.calls());
        assertEquals("ok", r.text());
    }

    @Test
    void should_give_up_on_time_outs_after_its_retries_with_a_retriable_error() {
        // given a model that always times out
        ScriptedChatBackend backend = new ScriptedChatBackend(new TimeoutException("read timed out"));

        // when asked, then it fails as retriable after 1 + 2 calls
        LlmException e = assertThrows(LlmException.class, () -> client(backend, 2).chat("q"));
        assertTrue(e.retriable());
        assertEquals(ErrorKind.LLM_UNAVAILABLE, e.kind());
        assertEquals(3, backend.requests().size());
        assertTrue(e.getMessage().contains("after 3 calls"), e.getMessage());
    }

    @Test
    void should_not_retry_an_authentication_failure() {
        // given a model that refuses the key
        ScriptedChatBackend backend = new ScriptedChatBackend(new AuthenticationException("invalid api key"));

        // then the first call fails as non-retriable, with no wait
        LlmException e = assertThrows(LlmException.class, () -> client(backend, 3).chat("q"));
        assertFalse(e.retriable());
        assertEquals(ErrorKind.LLM_REFUSED, e.kind());
        assertEquals(1, backend.requests().size());
        assertEquals(List.of(), slept);
    }

    @ParameterizedTest(name = "HTTP {0}: retriable {1}")
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "408, true", "429, true", "500, true",
        "503, true"})
    void should_map_each_http_status_to_retriable_or_not(int status, boolean retriable) {
        assertEquals(retriable, LlmErrors.retriableStatus(status));
        assertEquals(retriable, LlmErrors.retriable(new HttpException(status, "scripted")));
    }

    @Test
    void should_need_a_key_unless_an_openai_compatible_server_is_named() {
        LlmSettings openai = new LlmSettings(LlmSettings.Provider.OPENAI, null, null, 0.2, Duration.ofSeconds(5), 10,
                null, Map.of());
        InputException e = assertThrows(InputException.class, () -> ChatBackends.create(openai, Map.of()));
        assertEquals(ErrorKind.MISSING_KEY, e.kind());
        LlmSettings local = new LlmSettings(LlmSettings.Provider.OPENAI, "http://127.0.0.1:9/v1", null, 0.2,
                Duration.ofSeconds(5), 10, null, Map.of());
        ChatBackends.create(local, Map.of());
        LlmSettings anthropic = new LlmSettings(LlmSettings.Provider.ANTHROPIC, null, null, 0.2, Duration.ofSeconds(5),
                10, null, Map.of());
        assertEquals(ErrorKind.MISSING_KEY, assertThrows(InputException.class,
                () -> ChatBackends.create(anthropic, Map.of())).kind());
        assertEquals("anthropic:" + LlmSettings.DEFAULT_ANTHROPIC_MODEL, anthropic.name());
    }
}
