package org.vqasp.distill;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract suite against Anthropic's hosted API. Runs only with {@code ANTHROPIC_API_KEY} set (and is an
 * {@code IT}, which the default test run leaves out); {@code VQA_ANTHROPIC_MODEL} picks the model.
 */
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicProposerIT extends AbstractRuleProposerTest {

    @Override
    protected RuleProposer proposer() {
        LlmSettings s = new LlmSettings(LlmSettings.Provider.ANTHROPIC, null, System.getenv("VQA_ANTHROPIC_MODEL"), 0.2,
                Duration.ofSeconds(120), 1024, null, Map.of());
        return new LlmProposer(s.chatModel(System.getenv()), s.name(), Backoff.DEFAULT, Backoff.Sleeper.SYSTEM);
    }
}
