package org.vqasp.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

/**
 * The chat backends: LangChain4j's OpenAI adapter (OpenAI, or any OpenAI-compatible server at a base URL: Ollama,
 * vLLM, LM Studio, llama.cpp's server) and its Anthropic adapter, configured from {@link LlmSettings} with their own
 * retries off ({@link LlmClient} retries) and request logging off (requests carry keys).
 */
public final class ChatBackends {

    /** The environment variable holding the OpenAI key. */
    public static final String OPENAI_KEY = "OPENAI_API_KEY";
    /** The environment variable holding the Anthropic key. */
    public static final String ANTHROPIC_KEY = "ANTHROPIC_API_KEY";

    private ChatBackends() {
    }

    /**
     * Builds the backend the settings name.
     *
     * @param settings the provider, server, model and sampling settings
     * @param env the environment, where the key is read
     * @return the backend
     * @throws InputException of kind {@link ErrorKind#MISSING_KEY} when the key is missing (an OpenAI-compatible
     *     server at a base URL needs none)
     */
    public static ChatBackend create(LlmSettings settings, Map<String, String> env) {
        if (settings.provider() == LlmSettings.Provider.OPENAI) {
            String key = env.get(OPENAI_KEY);
            if (key == null || key.isBlank()) {
                if (settings.baseUrl() == null) {
                    throw new InputException(ErrorKind.MISSING_KEY, "--llm openai needs the environment variable "
                            + OPENAI_KEY + " (or --llm-base-url for an OpenAI-compatible server that needs no key)");
                }
                key = "none";
            }
            OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder().apiKey(key)
                    .modelName(settings.model()).temperature(settings.temperature()).timeout(settings.timeout())
                    .maxTokens(settings.maxTokens()).maxRetries(0).logRequests(false).logResponses(false);
            if (settings.baseUrl() != null) {
                b.baseUrl(settings.baseUrl());
            }
            if (settings.seed() != null) {
                b.seed(settings.seed());
            }
            if (!settings.customParameters().isEmpty()) {
                b.customParameters(settings.customParameters());
            }
            return ChatBackend.of(b.build());
        }
        String key = env.get(ANTHROPIC_KEY);
        if (key == null || key.isBlank()) {
            throw new InputException(ErrorKind.MISSING_KEY, "--llm anthropic needs the environment variable "
                    + ANTHROPIC_KEY);
        }
        AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder().apiKey(key)
                .modelName(settings.model()).temperature(settings.temperature()).timeout(settings.timeout())
                .maxTokens(settings.maxTokens()).maxRetries(0).logRequests(false).logResponses(false);
        if (settings.baseUrl() != null) {
            b.baseUrl(settings.baseUrl());
        }
        return ChatBackend.of(b.build());
    }
}
