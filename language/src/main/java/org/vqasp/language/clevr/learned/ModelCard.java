package org.vqasp.language.clevr.learned;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/** Writes the model card ({@code README.md}) of a trained parser model. */
final class ModelCard {

    private ModelCard() {
    }

    static void write(ParserTrainConfig c, ParserTrainingData data, String dataHash, long steps, double seconds,
            long parameters, ParserTrainer.Validation v, ParserTrainer.Run.Sweep sweep, List<ObjectNode> rounds)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Learned CLEVR question parser\n\n");
        b.append("A sequence-to-program model (transformer encoder on vqasp's grouped-query attention, LSTM decoder ")
                .append("with cross-attention, grammar-constrained beam search) that reads CLEVR questions of any ")
                .append("wording into CLEVR programs. It is the `learned` stage of the parser chain. Method: ")
                .append("`docs/learned-parser.md`.\n\n");
        b.append("## Command\n\n```\n").append(String.join(" ", c.commandLine())).append("\n```\n\n");
        b.append(String.format(Locale.ROOT, "Seed %d; %d steps of at most %d questions; %.0f s of training on %d "
                + "cores; %,d parameters (%.1f MB).%n%n", c.seed(), steps, c.batchSize(), seconds,
                Runtime.getRuntime().availableProcessors(), parameters, parameters * 4 / 1e6));
        b.append("## Data\n\n");
        b.append(String.format(Locale.ROOT, "- %,d questions of the CLEVR generator over %,d sampled scenes (%d per "
                + "scene, no rendering) with their programs, each paraphrased afresh when drawn (%.0f%%).%n",
                data.generated.size(), c.generatedScenes(), c.questionsPerScene(), 100 * c.paraphrase()));
        if (c.humanQuestions() != null) {
            b.append(String.format(Locale.ROOT, "- %d human questions with answers over gold scenes, labelled by "
                    + "answer search in %d rounds (%s of each pool).%n", data.humanTrain.size(), c.labelRounds(),
                    c.humanFraction()));
            for (ObjectNode r : rounds) {
                b.append(String.format(Locale.ROOT, "  - round %d (step %d): %d labelled%n",
                        r.path("round").asInt(), r.path("step").asLong(), r.path("human_labelled").asInt()));
            }
        }
        if (c.wording() != null) {
            b.append(String.format(Locale.ROOT, "- %,d unlabelled human questions: vocabulary%s.%n",
                    data.wording.size(), c.selfTrain() > 0 ? "; " + data.teacherLabels.size() + " of the first " + c.selfTrain()
                            + " read by the teacher parsers with the answer's type are self-training labels ("
                            + c.selfTrainFraction() + " of each pool)" : ""));
        }
        b.append(String.format(Locale.ROOT, "- Vocabulary: %,d words (seen at least %d times).%n",
                data.vocabulary.size(), c.minWordCount()));
        b.append("- Data hash (sha256 over the files and generated data): `").append(dataHash).append("`\n\n");
        b.append("## Measured on data it never trained on\n\n");
        b.append(String.format(Locale.ROOT, "- Generated validation questions (%d scenes sampled apart): %.2f%% read "
                + "as exactly their program (%d questions).%n", ParserTrainingData.VALIDATION_SCENES,
                100 * v.generatedExact(), v.generatedQuestions()));
        if (v.humanQuestions() > 0) {
            b.append(String.format(Locale.ROOT, "- Human validation questions (images with index %% 5 == 1, never "
                    + "labelled or trained on): %.2f%% answered right over their gold scenes by the best program "
                    + "(%d questions).%n", 100 * v.humanAccuracy(), v.humanQuestions()));
            b.append(String.format(Locale.ROOT, "- Confidence threshold %.2f (the highest that keeps the best "
                    + "accuracy; declined questions count as wrong): accuracy %.2f%%, coverage %.2f%%, precision "
                    + "%.2f%%. The sweep is in `metrics.json`.%n", sweep.threshold(), 100 * sweep.accuracy(),
                    100 * sweep.coverage(), 100 * sweep.precision()));
        }
        b.append("\n## Files\n\n`config.json`, `words.json`, `parser-net.params` (the model), `metrics.json`, ")
                .append("`loss.jsonl` (the loss of every step), `provenance.json`, `labels-N.jsonl` (the labels of ")
                .append("each round).\n");
        Files.writeString(c.out().resolve("README.md"), b.toString(), StandardCharsets.UTF_8);
    }
}
