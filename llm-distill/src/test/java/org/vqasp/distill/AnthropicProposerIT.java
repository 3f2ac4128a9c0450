package org.vqasp.distill;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.LlmSettings;

/**
 * The contract suite against Anthropic's hosted API. Runs only with {@code ANTHROPIC_API_KEY} set;
 * {@code VQA_ANTHROPIC_MODEL} picks the model.
 */
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicProposerIT extends AbstractRuleProposerTest {

    @Override
    protected RuleProposer proposer() {
        LlmSettings s = new LlmSettings(LlmSettings.Provider.ANTHROPIC, null, System.getenv("VQA_ANTHROPIC_MODEL"), 0.2,
                Duration.ofSeconds(120), 1024, null, Map.of());
        return new LlmProposer(LlmClient.of(s, System.getenv()));
    }
}
