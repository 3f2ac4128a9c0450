package org.vqasp.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chat backends' HTTP plumbing against a scripted server on loopback: how each status becomes a retriable or
 * non-retriable failure (the status table), what the requests carry, and that both the OpenAI and the Anthropic
 * wire formats are read. {@code LlamaServerTest} (llm-distill) does the same against a real server.
 */
class ChatBackendsTest {

    private static final String KEY = "sk-test-abcdef0123456789";
    private static final String OPENAI_OK = """
            {"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":
            {"role":"assistant","content":"```asp\\nfilter_color(S,O) :- input(S,O).\\n```"},"finish_reason":"stop"}],
            "usage":{"prompt_tokens":321,"completion_tokens":12,"total_tokens":333}}""";
    private static final String ANTHROPIC_OK = """
            {"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[{"type":"text",
            "text":"```asp\\nfilter_color(S,O) :- input(S,O).\\n```"}],"stop_reason":"end_turn",
            "usage":{"input_tokens":321,"output_tokens":12}}""";

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String reply = OPENAI_OK;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(Map.of("path", ex.getRequestURI().getPath(), "body", body,
                    "authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")),
                    "x-api-key", String.valueOf(ex.getRequestHeaders().getFirst("x-api-key"))));
            byte[] out = (status == 200 ? reply : "{\"error\":{\"message\":\"scripted " + status + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private LlmClient client(LlmSettings.Provider provider, String baseUrl, int retries) {
        LlmSettings s = new LlmSettings(provider, baseUrl, "m", 0.2, Duration.ofSeconds(10), 100, null,
                provider == LlmSettings.Provider.OPENAI ? Map.of("grammar", "root ::= \"x\"") : Map.of());
        return new LlmClient(ChatBackends.create(s, Map.of("OPENAI_API_KEY", KEY, "ANTHROPIC_API_KEY", KEY)), s.name(),
                new Backoff(retries, Duration.ZERO, 1, Duration.ZERO), d -> { });
    }

    private static List<ChatMessage> chat() {
        return List.of(SystemMessage.from("You write answer set programs."), UserMessage.from("Define filter_color."));
    }

    @ParameterizedTest(name = "HTTP {0}: retriable {1}")
    @CsvSource({"400, false", "401, false", "404, false", "429, true", "500, true", "503, true"})
    void should_map_each_status_to_retriable_or_not(int code, boolean retriable) {
        // given a server that answers every call with the status
        status = code;

        // when the client (2 retries) asks
        LlmException e = assertThrows(LlmException.class,
                () -> client(LlmSettings.Provider.OPENAI, base() + "/v1", 2).chat(chat()));

        // then it is retried 2 more times only when retriable
        assertEquals(retriable, e.retriable(), e.getMessage());
        assertEquals(retriable ? 3 : 1, requests.size());
    }

    @Test
    void should_send_the_chat_with_the_key_in_its_header_and_custom_parameters_in_the_body() throws Exception {
        // given a server that answers
        // when the OpenAI adapter asks
        LlmReply p = client(LlmSettings.Provider.OPENAI, base() + "/v1", 0).chat(chat());

        // then the request went to /v1/chat/completions with the key as a bearer token, the model, the system and
        // user messages and the grammar; the reply and the token counts were read
        Map<String, String> r = requests.get(0);
        assertEquals("/v1/chat/completions", r.get("path"));
        assertEquals("Bearer " + KEY, r.get("authorization"));
        JsonNode body = new ObjectMapper().readTree(r.get("body"));
        assertEquals("m", body.get("model").asText());
        assertEquals("system", body.get("messages").get(0).get("role").asText());
        assertEquals("user", body.get("messages").get(1).get("role").asText());
        assertEquals("root ::= \"x\"", body.get("grammar").asText());
        assertTrue(p.text().contains("filter_color(S,O) :- input(S,O)."));
        assertEquals(321, p.tokensIn());
        assertEquals(12, p.tokensOut());
    }

    @Test
    void should_speak_the_anthropic_messages_api() throws Exception {
        // given a server that answers in Anthropic's format
        reply = ANTHROPIC_OK;

        // when the Anthropic adapter asks
        LlmReply p = client(LlmSettings.Provider.ANTHROPIC, base() + "/v1/", 0).chat(chat());

        // then it posted to /v1/messages with the key in x-api-key and the system prompt apart, and read the reply
        Map<String, String> r = requests.get(0);
        assertEquals("/v1/messages", r.get("path"));
        assertEquals(KEY, r.get("x-api-key"));
        JsonNode body = new ObjectMapper().readTree(r.get("body"));
        assertTrue(body.get("system").toString().contains("answer set programs"), body.get("system").toString());
        assertEquals("user", body.get("messages").get(0).get("role").asText());
        assertTrue(p.text().contains("filter_color(S,O) :- input(S,O)."));
        assertEquals(321, p.tokensIn());
    }
}
