package org.vqasp.distill;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract suite against OpenAI's hosted API. Runs only with {@code OPENAI_API_KEY} set (and is an {@code IT},
 * which the default test run leaves out); {@code VQA_OPENAI_MODEL} picks the model.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiProposerIT extends AbstractRuleProposerTest {

    @Override
    protected RuleProposer proposer() {
        LlmSettings s = new LlmSettings(LlmSettings.Provider.OPENAI, null, System.getenv("VQA_OPENAI_MODEL"), 0.2,
                Duration.ofSeconds(120), 1024, 1, Map.of());
        return new LlmProposer(s.chatModel(System.getenv()), s.name(), Backoff.DEFAULT, Backoff.Sleeper.SYSTEM);
    }
}
