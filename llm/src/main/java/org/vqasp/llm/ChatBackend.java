package org.vqasp.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Sends one chat request to a model and returns its reply, with no retries: the only thing a provider implements
 * ({@link ChatBackends} makes the OpenAI-compatible and Anthropic ones from LangChain4j's adapters); {@link LlmClient}
 * adds retries, error mapping and logging. A LangChain4j {@link ChatModel} is one through {@code model::chat}.
 */
@FunctionalInterface
public interface ChatBackend {

    /**
     * Sends a request.
     *
     * @param request the messages and parameters
     * @return the reply
     * @throws RuntimeException as the provider fails ({@link LlmErrors} tells retriable from not)
     */
    ChatResponse chat(ChatRequest request);

    /** Returns a LangChain4j chat model as a backend. */
    static ChatBackend of(ChatModel model) {
        return model::chat;
    }
}
