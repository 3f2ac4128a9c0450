package org.vqasp.distill;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.vqasp.core.InputException;

/**
 * Which language model to ask and how: the provider, an OpenAI-compatible server's address, the model, its
 * temperature, the time-out of one call and the longest reply. Keys come only from the environment
 * ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}); they are never logged or written.
 *
 * @param provider the provider
 * @param baseUrl the server's base URL (such as {@code http://127.0.0.1:8080/v1}), or null for the provider's own
 * @param model the model name, or null for the provider's default here
 * @param temperature the sampling temperature
 * @param timeout the time-out of one call
 * @param maxTokens the longest reply, in tokens
 * @param seed a sampling seed for servers that take one, or null
 * @param customParameters extra request fields for OpenAI-compatible servers (such as llama.cpp's {@code grammar})
 */
public record LlmSettings(Provider provider, String baseUrl, String model, double temperature, Duration timeout,
        int maxTokens, Integer seed, Map<String, Object> customParameters) {

    /** The OpenAI default model. */
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    /** The Anthropic default model. */
    public static final String DEFAULT_ANTHROPIC_MODEL = "claude-3-5-sonnet-latest";

    /** Providers. */
    public enum Provider { OPENAI, ANTHROPIC }

    /** Checks the values and resolves the model's default. */
    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(timeout, "timeout");
        if (model == null || model.isBlank()) {
            model = provider == Provider.OPENAI ? DEFAULT_OPENAI_MODEL : DEFAULT_ANTHROPIC_MODEL;
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        customParameters = customParameters == null ? Map.of() : Map.copyOf(customParameters);
    }

    /** Returns a short name for logs: {@code openai:gpt-4o-mini}. */
    public String name() {
        return provider.name().toLowerCase() + ":" + model;
    }

    /**
     * Builds the chat model, with its own retries off (the proposer retries with backoff).
     *
     * @param env the environment, where the key is read
     * @return the model
     * @throws InputException when the key is missing (an OpenAI-compatible server at a base URL needs none)
     */
    public ChatModel chatModel(Map<String, String> env) {
        if (provider == Provider.OPENAI) {
            String key = env.get("OPENAI_API_KEY");
            if (key == null || key.isBlank()) {
                if (baseUrl == null) {
                    throw new InputException("missing_key", "--llm openai needs the environment variable OPENAI_API_KEY "
                            + "(or --llm-base-url for an OpenAI-compatible server that needs no key)");
                }
                key = "none";
            }
            OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder().apiKey(key).modelName(model)
                    .temperature(temperature).timeout(timeout).maxTokens(maxTokens).maxRetries(0)
                    .logRequests(false).logResponses(false);
            if (baseUrl != null) {
                b.baseUrl(baseUrl);
            }
            if (seed != null) {
                b.seed(seed);
            }
            if (!customParameters.isEmpty()) {
                b.customParameters(customParameters);
            }
            return b.build();
        }
        String key = env.get("ANTHROPIC_API_KEY");
        if (key == null || key.isBlank()) {
            throw new InputException("missing_key", "--llm anthropic needs the environment variable ANTHROPIC_API_KEY");
        }
        AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder().apiKey(key).modelName(model)
                .temperature(temperature).timeout(timeout).maxTokens(maxTokens).maxRetries(0)
                .logRequests(false).logResponses(false);
        if (baseUrl != null) {
            b.baseUrl(baseUrl);
        }
        return b.build();
    }
}
