package org.vqasp.llm;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract suite against OpenAI's hosted API. Runs only with {@code OPENAI_API_KEY} set;
 * {@code VQA_OPENAI_MODEL} picks the model.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiChatBackendIT extends AbstractChatBackendTest {

    @Override
    protected LlmClient client() {
        return LlmClient.of(new LlmSettings(LlmSettings.Provider.OPENAI, null, System.getenv("VQA_OPENAI_MODEL"), 0.2,
                Duration.ofSeconds(120), 64, 1, Map.of()), System.getenv());
    }
}
