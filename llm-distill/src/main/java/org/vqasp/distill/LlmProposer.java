package org.vqasp.distill;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.LlmException;
import org.vqasp.llm.LlmReply;

/**
 * Proposes rules with a language model through an {@link LlmClient}: OpenAI or any OpenAI-compatible server
 * (Ollama, vLLM, llama.cpp's server), or Anthropic.
 *
 * <p>A dialogue becomes one chat: the conventions as the system message, the task as the first user message,
 * then each earlier reply and the feedback it got. The client retries what can be retried; when the model still
 * cannot answer, an {@link LlmException} stops the run (which can be resumed).
 */
public final class LlmProposer extends RuleProposer {

    private final LlmClient client;

    /**
     * Creates a proposer.
     *
     * @param client the language model
     */
    public LlmProposer(LlmClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String name() {
        return client.name();
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
        String prompt = dialogue.turns().isEmpty() ? Prompts.task(dialogue.task())
                : dialogue.turns().get(dialogue.turns().size() - 1).feedback().text();
        LlmReply r = client.chat(messages(dialogue));
        return new Proposal(prompt, r.text(), r.calls(), r.tokensIn(), r.tokensOut(), r.note());
    }
}
