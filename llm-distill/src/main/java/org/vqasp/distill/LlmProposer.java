package org.vqasp.distill;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes rules with a language model through LangChain4j's {@link ChatModel}: OpenAI or any OpenAI-compatible
 * server (Ollama, vLLM, llama.cpp's server), or Anthropic ({@link LlmSettings}).
 *
 * <p>A dialogue becomes one chat: the conventions as the system message, the task as the first user message,
 * then each earlier reply and the feedback it got. Failures keep LangChain4j's split: retriable ones (rate limits,
 * time-outs, server errors, a connection that fails) are retried with exponential {@link Backoff}; non-retriable
 * ones (authentication, an unknown model, a refused request) are not. Either, in the end, raises a
 * {@link ProposerException}. Nothing is logged but sizes: never a key.
 */
public final class LlmProposer extends RuleProposer {

    private static final Logger LOG = LoggerFactory.getLogger(LlmProposer.class);

    private final ChatModel model;
    private final String name;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;

    /**
     * Creates a proposer.
     *
     * @param model the chat model (its own retries should be off: this class retries)
     * @param name a name for logs, such as {@code openai:gpt-4o-mini}
     * @param backoff when to retry
     * @param sleeper how to wait between retries
     */
    public LlmProposer(ChatModel model, String name, Backoff backoff, Backoff.Sleeper sleeper) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the chat messages of a dialogue: conventions, task, then each reply and its feedback. */
    static List<ChatMessage> messages(Dialogue dialogue) {
        List<ChatMessage> out = new ArrayList<>();
        out.add(SystemMessage.from(Prompts.CONVENTIONS));
        out.add(UserMessage.from(Prompts.task(dialogue.task())));
        for (Dialogue.Turn t : dialogue.turns()) {
            out.add(AiMessage.from(t.reply().isEmpty() ? "(no reply)" : t.reply()));
            out.add(UserMessage.from(t.feedback().text()));
        }
        return out;
    }

    @Override
    protected Proposal doPropose(Dialogue dialogue) {
        List<ChatMessage> messages = messages(dialogue);
        String prompt = dialogue.turns().isEmpty() ? Prompts.task(dialogue.task())
                : dialogue.turns().get(dialogue.turns().size() - 1).feedback().text();
        ChatRequest request = ChatRequest.builder().messages(messages).build();
        int calls = 0;
        for (int retry = 0; ; retry++) {
            calls++;
            long t0 = System.nanoTime();
            try {
                ChatResponse r = model.chat(request);
                String text = r.aiMessage() == null || r.aiMessage().text() == null ? "" : r.aiMessage().text();
                TokenUsage u = r.tokenUsage();
                long in = u == null || u.inputTokenCount() == null ? 0 : u.inputTokenCount();
                long out = u == null || u.outputTokenCount() == null ? 0 : u.outputTokenCount();
                String note = name + ": " + (System.nanoTime() - t0) / 1_000_000 + " ms"
                        + (r.finishReason() == null ? "" : ", finish " + r.finishReason().name().toLowerCase());
                return new Proposal(prompt, text, calls, in, out, note);
            } catch (NonRetriableException e) {
                throw new ProposerException(false, name + " refused the request: " + describe(e), e);
            } catch (RetriableException | UncheckedIOException e) {
                retryOrThrow(retry, e);
            } catch (LangChain4jException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw new ProposerException(false, name + " failed: " + describe(e), e);
                }
                retryOrThrow(retry, e);
            }
        }
    }

    private void retryOrThrow(int retry, RuntimeException e) {
        if (retry >= backoff.maxRetries()) {
            throw new ProposerException(true, name + " failed after " + (retry + 1) + " calls: " + describe(e), e);
        }
        Duration d = backoff.delay(retry + 1);
        LOG.warn("{}: {}; retry {} of {} in {} ms", name, describe(e), retry + 1, backoff.maxRetries(), d.toMillis());
        try {
            sleeper.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ProposerException(true, name + ": interrupted while waiting to retry", ie);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
