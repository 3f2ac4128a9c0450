package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vqasp.llm.LlmSettings;

class DistillConfigTest {

    private static DistillConfig.Builder base() {
        return DistillConfig.builder().setData(DistillConfig.Dataset.CLEVR, Path.of("q.json"), Path.of("s.json"))
                .setOut(Path.of("run")).optTrain(12);
    }

    @Test
    void should_give_the_enumerator_every_training_example_and_a_language_model_one() {
        // given no batch size, then the enumerator takes all 12 training examples in one proposal
        assertEquals(12, base().build().loop().batch());
        // and a language model one example per proposal
        LlmSettings llm = new LlmSettings(LlmSettings.Provider.OPENAI, "http://127.0.0.1:9/v1", "m", 0.2,
                Duration.ofSeconds(5), 10, null, Map.of());
        assertEquals(1, base().optProposer(DistillConfig.ProposerKind.LLM, llm).build().loop().batch());
        // and a batch size given is kept
        assertEquals(3, base().optLoop(new Distiller.Options(3, 2, 2, 150)).build().loop().batch());
    }
}
