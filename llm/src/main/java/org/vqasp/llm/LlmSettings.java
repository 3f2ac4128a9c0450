package org.vqasp.llm;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Which language model to ask and how: the provider, an OpenAI-compatible server's address, the model, its
 * temperature, the time-out of one call and the longest reply. Keys are not settings: they come only from the
 * environment ({@link ChatBackends}) and are never logged or written.
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
}
