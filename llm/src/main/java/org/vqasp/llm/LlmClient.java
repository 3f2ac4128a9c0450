package org.vqasp.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a language model, the one way every part of vqasp does: the distillation proposer and the question
 * translator alike. {@link #chat(ChatRequest)} sends the request through a {@link ChatBackend}, retries the
 * failures {@link LlmErrors} calls retriable with exponential {@link Backoff}, and raises an {@link LlmException}
 * (retriable or not) when it gives up. Nothing is logged but sizes and times: never a key, a prompt or a reply.
 * Thread-safe when its backend is.
 */
public final class LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);

    private final ChatBackend backend;
    private final String name;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;

    /**
     * Creates a client.
     *
     * @param backend the backend (with no retries of its own)
     * @param name a name for logs and messages, such as {@code openai:gpt-4o-mini}
     * @param backoff when to retry
     * @param sleeper how to wait between retries
     */
    public LlmClient(ChatBackend backend, String name, Backoff backoff, Backoff.Sleeper sleeper) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.name = Objects.requireNonNull(name, "name");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Creates a client for the model the settings name, retrying with {@link Backoff#DEFAULT}.
     *
     * @param settings the provider, server, model and sampling settings
     * @param env the environment, where the key is read
     * @throws org.vqasp.core.InputException when the key is missing
     */
    public static LlmClient of(LlmSettings settings, Map<String, String> env) {
        return new LlmClient(ChatBackends.create(settings, env), settings.name(), Backoff.DEFAULT,
                Backoff.Sleeper.SYSTEM);
    }

    /** Returns the name for logs, such as {@code openai:gpt-4o-mini}. */
    public String name() {
        return name;
    }

    /**
     * Sends one user message.
     *
     * @param prompt the message
     * @return the reply
     * @throws LlmException when the model cannot answer
     */
    public LlmReply chat(String prompt) {
        return chat(List.of(UserMessage.from(prompt)));
    }

    /**
     * Sends a chat.
     *
     * @param messages the messages, in order
     * @return the reply
     * @throws LlmException when the model cannot answer
     */
    public LlmReply chat(List<ChatMessage> messages) {
        return chat(ChatRequest.builder().messages(messages).build());
    }

    /**
     * Sends a request, retrying retriable failures.
     *
     * @param request the request
     * @return the reply
     * @throws LlmException when the model refuses, or still fails after the retries
     */
    public LlmReply chat(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        for (int retry = 0; ; retry++) {
            long t0 = System.nanoTime();
            try {
                ChatResponse r = backend.chat(request);
                String text = r.aiMessage() == null || r.aiMessage().text() == null ? "" : r.aiMessage().text();
                TokenUsage u = r.tokenUsage();
                long in = u == null || u.inputTokenCount() == null ? 0 : u.inputTokenCount();
                long out = u == null || u.outputTokenCount() == null ? 0 : u.outputTokenCount();
                String note = name + ": " + (System.nanoTime() - t0) / 1_000_000 + " ms"
                        + (r.finishReason() == null ? "" : ", finish " + r.finishReason().name().toLowerCase());
                return new LlmReply(text, retry + 1, in, out, note);
            } catch (RuntimeException e) {
                if (!LlmErrors.retriable(e)) {
                    throw new LlmException(false, name + " refused the request: " + LlmErrors.describe(e), e);
                }
                if (retry >= backoff.maxRetries()) {
                    throw new LlmException(true, name + " failed after " + (retry + 1) + " calls: "
                            + LlmErrors.describe(e), e);
                }
                waitToRetry(retry + 1, e);
            }
        }
    }

    private void waitToRetry(int retry, RuntimeException e) {
        Duration d = backoff.delay(retry);
        LOG.warn("{}: {}; retry {} of {} in {} ms", name, LlmErrors.describe(e), retry, backoff.maxRetries(),
                d.toMillis());
        try {
            sleeper.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new LlmException(true, name + ": interrupted while waiting to retry", ie);
        }
    }
}
