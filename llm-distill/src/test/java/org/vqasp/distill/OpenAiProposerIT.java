package org.vqasp.distill;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.LlmSettings;

/**
 * The contract suite against OpenAI's hosted API. Runs only with {@code OPENAI_API_KEY} set;
 * {@code VQA_OPENAI_MODEL} picks the model.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiProposerIT extends AbstractRuleProposerTest {

    @Override
    protected RuleProposer proposer() {
        LlmSettings s = new LlmSettings(LlmSettings.Provider.OPENAI, null, System.getenv("VQA_OPENAI_MODEL"), 0.2,
                Duration.ofSeconds(120), 1024, 1, Map.of());
        return new LlmProposer(LlmClient.of(s, System.getenv()));
    }
}
