package org.vqasp.llm;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract suite against Anthropic's hosted API. Runs only with {@code ANTHROPIC_API_KEY} set;
 * {@code VQA_ANTHROPIC_MODEL} picks the model.
 */
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicChatBackendIT extends AbstractChatBackendTest {

    @Override
    protected LlmClient client() {
        return LlmClient.of(new LlmSettings(LlmSettings.Provider.ANTHROPIC, null, System.getenv("VQA_ANTHROPIC_MODEL"),
                0.2, Duration.ofSeconds(120), 64, null, Map.of()), System.getenv());
    }
}
