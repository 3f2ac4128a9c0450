package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.llm.Backoff;
import org.vqasp.llm.ChatBackends;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.LlmException;
import org.vqasp.llm.LlmSettings;
import org.vqasp.reasoning.clingo.GuardedClingo;

/**
 * The real LangChain4j OpenAI adapter against a real OpenAI-compatible server on loopback: llama.cpp's
 * {@code llama-server}, built by {@code src/test/scripts/llama-server.sh} (which {@code .ci/run} calls), serving a
 * tiny random-weight model written here ({@link TinyGguf}), with a GBNF grammar, passed through the adapter's
 * custom parameters, that forces rule-shaped replies. It checks the plumbing: requests, replies, token counts,
 * errors and time-outs, and a distillation run through the server; not the quality of the rules.
 *
 * <p>Without the server binary the tests are skipped, except on CI ({@code CI=true}), where they fail.
 */
@Tag("slow") // a real llama-server (built by .ci/run), a model call per test
class LlamaServerTest extends AbstractRuleProposerTest {

    /** Replies: one fenced rule for filter_color with one to four body atoms over the theory's predicates. */
    static final String GRAMMAR = """
            root ::= "```asp\\n" rule "\\n```"
            rule ::= "filter_color(S,O) :- " atom (", " atom){0,3} "."
            atom ::= name "(" term ("," term){0,2} ")"
            name ::= "step" | "input" | "arg" | "has" | "set"
            term ::= "S" | "O" | "V" | "P" | "0" | "color" | "filter_color"
            """;
    private static final Pattern RULE = Pattern.compile(
            "```asp\\nfilter_color\\(S,O\\) :- [a-z]+\\([A-Za-z0-9_,]+\\)(, [a-z]+\\([A-Za-z0-9_,]+\\)){0,3}\\.\\n```");

    private static Process server;
    private static String baseUrl;
    private static Path dir;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        Path bin = binary();
        dir = Files.createTempDirectory("vqasp-llama");
        Path model = dir.resolve("tiny.gguf");
        TinyGguf.write(model, 7);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder(bin.toString(), "-m", model.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "-c", Integer.toString(TinyGguf.CONTEXT), "-t", "1", "-np", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                fail("llama-server did not start: " + Files.readString(dir.resolve("server.log")));
            }
            Thread.sleep(100);
        }
        baseUrl = "http://127.0.0.1:" + port + "/v1";
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Returns llama-server: {@code VQA_LLAMA_SERVER}, else where the build script caches it. */
    static Path binary() {
        String env = System.getenv("VQA_LLAMA_SERVER");
        String cache = System.getenv("VQASP_CACHE");
        Path bin = env != null && !env.isBlank() ? Path.of(env)
                : (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache",
                        "vqasp")).resolve("llama-server/node-llama-cpp-3.21.1/llama-server");
        if (!Files.isExecutable(bin)) {
            String why = "llama-server is not built (" + bin + "): run llm-distill/src/test/scripts/llama-server.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return bin;
    }

    private static LlmSettings settings(Duration timeout, int maxTokens, String grammar) {
        return new LlmSettings(LlmSettings.Provider.OPENAI, baseUrl, "tiny", 0.8, timeout, maxTokens, 7,
                Map.of("grammar", grammar));
    }

    private static LlmProposer proposer(LlmSettings s, int retries, Map<String, String> env) {
        return new LlmProposer(new LlmClient(ChatBackends.create(s, env), s.name(),
                new Backoff(retries, Duration.ZERO, 1, Duration.ZERO), d -> { }));
    }

    @Override
    protected RuleProposer proposer() {
        return proposer(settings(Duration.ofSeconds(60), 200, GRAMMAR), 0, Map.of());
    }

    @Test
    void should_send_the_task_and_read_a_grammar_shaped_reply_with_token_counts() {
        // given the task prompt (the theory, the question's facts)
        // when the real server answers through the OpenAI adapter
        Proposal p = proposer().propose(Dialogue.start(task(), 0));

        // then the reply has the grammar's shape, and the server counted the prompt's and the reply's tokens
        assertTrue(RULE.matcher(p.reply()).matches(), p.reply());
        assertTrue(p.tokensIn() > 5_000, "prompt tokens " + p.tokensIn());
        assertTrue(p.tokensOut() > 10, "reply tokens " + p.tokensOut());
        assertEquals(1, p.calls());
        assertTrue(p.note().contains("finish stop"), p.note());
    }

    @Test
    void should_time_out_as_a_retriable_failure_and_retry() {
        // given a time-out far shorter than the server needs for a long reply
        LlmProposer slow = proposer(settings(Duration.ofMillis(300), 8_000,
                "root ::= a a a a a a a a a a\na ::= b b b b b b b b b b\nb ::= [a-z ] [a-z ] [a-z ] [a-z ] [a-z ]"),
                1, Map.of());

        // when asked, then the call times out, is retried once, and fails as retriable
        LlmException e = assertThrows(LlmException.class, () -> slow.propose(Dialogue.start(task(), 0)));
        assertTrue(e.retriable(), e.getMessage());
        assertTrue(e.getMessage().contains("after 2 calls"), e.getMessage());
    }

    @Test
    void should_refuse_a_bad_request_without_retrying() {
        // given a grammar the server cannot parse (it answers 400)
        LlmProposer bad = proposer(settings(Duration.ofSeconds(30), 50, "root ::= ("), 3, Map.of());

        // then the adapter's invalid-request error is not retried
        LlmException e = assertThrows(LlmException.class, () -> bad.propose(Dialogue.start(task(), 0)));
        assertFalse(e.retriable(), e.getMessage());
        assertTrue(e.getMessage().contains("InvalidRequestException"), e.getMessage());
    }

    @Test
    void should_run_a_distillation_through_the_server() throws Exception {
        // given a short experiment whose proposer is the real server, with a key in the environment
        String key = "sk-local-0123456789abcdef";
        Path out = tmp.resolve("run");
        DistillConfig c = DistillConfig.builder()
                .setData(DistillConfig.Dataset.CLEVR, Samples.path("clevr/gen-dev/questions.json"),
                        Samples.path("clevr/gen-dev/scenes.json"))
                .setOut(out)
                .optDeletePredicate(PredicateSelector.parse("filter_color"))
                .optSeed(3)
                .optTrain(4)
                .optTest(10)
                .optLoop(new Distiller.Options(2, 1, 1, 50))
                .optProposer(DistillConfig.ProposerKind.LLM, settings(Duration.ofSeconds(60), 200, GRAMMAR))
                .optLimits(new GuardedClingo.Limits(Duration.ofSeconds(10), 1L << 30, 64L << 20))
                .build();

        // when it runs
        DistillSummary s = Distillation.of(c, Map.of("OPENAI_API_KEY", key)).run(Progress.NONE);

        // then every call went to the server and is in the log with its prompt and reply, the replies were judged,
        // and the key is nowhere in the run directory
        assertTrue(s.counters().llmCalls() >= 1);
        assertTrue(s.counters().tokensIn() > 5_000);
        List<JsonNode> proposals = RunLog.read(out.resolve(Distillation.RUN_LOG)).stream()
                .filter(e -> e.path("event").asText().equals("proposal")).toList();
        assertEquals(s.counters().llmCalls(), proposals.size());
        for (JsonNode p : proposals) {
            assertTrue(RULE.matcher(p.path("reply").asText()).matches(), p.path("reply").asText());
            assertFalse(p.path("prompt").asText().isEmpty());
        }
        int judged = s.counters().acceptedRules() + s.counters().syntax() + s.counters().semantic()
                + s.counters().regression() + s.counters().unsafe();
        assertTrue(judged >= 1, "every attempt ends accepted or rejected");
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertFalse(Files.readString(f).contains(key), f.toString());
            }
        }
    }
}
