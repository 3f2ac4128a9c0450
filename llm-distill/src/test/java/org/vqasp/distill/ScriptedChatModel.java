package org.vqasp.distill;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A test double for LangChain4j's {@link ChatModel}: answers each request with the next scripted reply, or throws
 * the next scripted exception, and records the requests. The last reply is repeated when the script runs out.
 */
final class ScriptedChatModel implements ChatModel {

    private final Deque<Object> script;
    private Object last;
    final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    /**
     * Creates a model.
     *
     * @param steps replies ({@link String}) and failures ({@link RuntimeException}), in order
     */
    ScriptedChatModel(Object... steps) {
        this.script = new ArrayDeque<>(List.of(steps));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
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
