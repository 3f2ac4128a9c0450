package org.vqasp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.language.clevr.learned.LearnedStage;
import picocli.CommandLine.Option;

/** The {@code --learned-parser} option: which learned model is the parser chain's third stage. */
final class LearnedParserOption {

    @Option(names = "--learned-parser", paramLabel = "MODEL_DIR|bundled|none", defaultValue = "bundled",
            description = "Learned stage of the parser chain, after template and grammar: the bundled model "
                    + "(default), a model directory written by vqa train parser, or none.")
    String learnedParser = "bundled";

    /**
     * Returns the learned stage, or null for {@code none} (and for {@code bundled} in a build without a model).
     *
     * @throws InputException when a model directory is named that does not exist
     */
    LearnedStage stage() {
        switch (learnedParser) {
            case "none":
                return null;
            case "bundled":
                return LearnedStage.bundledOrNull();
            default:
                Path dir = Path.of(learnedParser);
                if (!Files.isDirectory(dir)) {
                    throw new InputException(ErrorKind.MISSING_MODEL, "--learned-parser " + learnedParser
                            + ": no such model directory (or use bundled, none)");
                }
                return LearnedStage.of(dir);
        }
    }
}
