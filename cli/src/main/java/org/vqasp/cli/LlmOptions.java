package org.vqasp.cli;

import java.time.Duration;
import java.util.Map;
import org.vqasp.llm.LlmSettings;
import picocli.CommandLine.Option;

/** The language-model flags shared by {@code vqa distill} and {@code vqa ask}. */
final class LlmOptions {

    @Option(names = "--llm", paramLabel = "PROVIDER", description = "openai (default; also any OpenAI-compatible "
            + "server with --llm-base-url) or anthropic.")
    LlmSettings.Provider llm;

    @Option(names = "--llm-base-url", paramLabel = "URL", description = "Base URL of an OpenAI-compatible server, "
            + "such as http://127.0.0.1:8080/v1.")
    String llmBaseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name (default: "
            + LlmSettings.DEFAULT_OPENAI_MODEL + " or " + LlmSettings.DEFAULT_ANTHROPIC_MODEL + ").")
    String llmModel;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS", description = "Time-out of one model call (default: 120).")
    int llmTimeout = 120;

    @Option(names = "--llm-temperature", paramLabel = "T", description = "Sampling temperature (default: 0.2).")
    double llmTemperature = 0.2;

    @Option(names = "--llm-max-tokens", paramLabel = "N", description = "Longest reply in tokens (default: 1024).")
    int llmMaxTokens = 1024;

    /** Returns true when the user named a model provider or server. */
    boolean configured() {
        return llm != null || llmBaseUrl != null;
    }

    /**
     * Returns the settings the flags describe.
     *
     * @throws IllegalArgumentException naming a bad value
     */
    LlmSettings settings() {
        LlmSettings.Provider provider = llm == null ? LlmSettings.Provider.OPENAI : llm;
        return new LlmSettings(provider, llmBaseUrl, llmModel, llmTemperature, Duration.ofSeconds(llmTimeout),
                llmMaxTokens, null, Map.of());
    }
}
