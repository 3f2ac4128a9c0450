package org.vqasp.vision.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.vision.model.SceneNetConfig;

/** Tiny datasets and a tiny network for tests in other packages. */
public final class TrainerFixtures {

    /** A small network on 128 x 80 inputs, so that a few steps take seconds. */
    public static final SceneNetConfig TINY = SceneNetConfig.builder().optInput(128, 80)
            .optStemChannels(List.of(8, 16, 32)).optEmbedDim(32).optLayers(1)
            .optAttention(AttentionSpec.builder().setHeads(4).optKvHeads(2).build()).optMlpDim(64).optHeadDim(32)
            .build();

    private TrainerFixtures() {
    }

    /** Writes a train and a val split of flat synthetic CLEVR scenes. */
    public static void writeData(Path dir, int train, int val) throws IOException {
        SyntheticClevr.write(dir, "train", train, 1);
        SyntheticClevr.write(dir, "val", val, 2);
    }

    /** A short training configuration of {@link #TINY}. */
    public static TrainConfig.Builder tiny(Path data, Path out) {
        return TrainConfig.builder().setData(data).setOut(out).optModel(TINY).optEpochs(2).optBatchSize(4)
                .optWarmupSteps(2).optLearningRate(3e-3).optCheckpointEvery(4).optSeed(5)
                .optCommandLine(List.of("vqa", "train", "vision", "--test"));
    }
}
