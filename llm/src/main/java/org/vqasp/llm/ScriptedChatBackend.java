package org.vqasp.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A backend that plays a script instead of asking a model: each request gets the next scripted reply, or throws the
 * next scripted exception; the last step repeats when the script runs out. It records the requests and counts 1,000
 * input and 25 output tokens per reply. For tests and offline runs of everything around a model.
 */
public final class ScriptedChatBackend implements ChatBackend {

    private final Deque<Object> script;
    private Object last;
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    /**
     * Creates a backend.
     *
     * @param steps replies ({@link String}) and failures ({@link RuntimeException}), in order
     */
    public ScriptedChatBackend(Object... steps) {
        for (Object s : steps) {
            if (!(s instanceof String) && !(s instanceof RuntimeException)) {
                throw new IllegalArgumentException("a step is a String or a RuntimeException, not " + s);
            }
        }
        this.script = new ArrayDeque<>(List.of(steps));
    }

    /** Returns the requests received so far, in order. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request) {
        requests.add(request);
        Object next = script.isEmpty() ? last : script.poll();
        last = next;
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return ChatResponse.builder().aiMessage(AiMessage.from((String) next)).tokenUsage(new TokenUsage(1000, 25))
                .build();
    }
}
