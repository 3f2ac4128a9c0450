package org.vqasp.language.clevr.learned;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.QuestionParser;

/**
 * The learned parser ({@link LearnedParser}) as a stage of the CLEVR parser chain, after the template and grammar
 * parsers: it reads what they cannot. A reading at or above the model's threshold is a {@link Parse.Parsed} with
 * the model's probability as its confidence; below it the stage declines, naming its confidence and what it would
 * have read. Its programs need no check: the beam search writes only well-typed programs of the functions the
 * reference executor runs.
 *
 * <p>The model is loaded on the first question the stage is asked, so a chain that never reaches it (template
 * questions) does not start the deep-learning engine. Thread-safe.
 */
public final class LearnedStage implements QuestionParser<Program> {

    private final Supplier<LearnedParser> loader;
    private final String source;
    private volatile LearnedParser parser;

    private LearnedStage(Supplier<LearnedParser> loader, String source) {
        this.loader = loader;
        this.source = source;
    }

    /** Returns the stage over the model bundled with vqasp, or null when the build bundles none. */
    public static LearnedStage bundledOrNull() {
        return ParserModel.hasBundled() ? new LearnedStage(LearnedParser::bundled, "bundled") : null;
    }

    /** Returns the stage over a model directory written by {@code vqa train parser}, read on first use. */
    public static LearnedStage of(Path modelDir) {
        Objects.requireNonNull(modelDir, "modelDir");
        return new LearnedStage(() -> LearnedParser.load(modelDir), modelDir.toString());
    }

    /** Returns the stage over a parser already loaded. */
    public static LearnedStage of(LearnedParser parser) {
        Objects.requireNonNull(parser, "parser");
        LearnedStage s = new LearnedStage(() -> parser, "given");
        s.parser = parser;
        return s;
    }

    /** Returns where the model comes from: {@code bundled}, the model directory, or {@code given}. */
    public String source() {
        return source;
    }

    /**
     * Returns the parser, loading the model on first use.
     *
     * @throws org.vqasp.core.InputException when the model cannot be read
     */
    public LearnedParser parser() {
        LearnedParser p = parser;
        if (p == null) {
            synchronized (this) {
                p = parser;
                if (p == null) {
                    p = loader.get();
                    parser = p;
                }
            }
        }
        return p;
    }

    @Override
    public String name() {
        return LearnedParser.NAME;
    }

    @Override
    public Parse<Program> parse(String question) {
        LearnedParser.Result r = parser().parse(question);
        if (r.program() == null || !r.accepted()) {
            return new Parse.NotUnderstood<>(LearnedParser.NAME, r.declineReason());
        }
        String note = r.unknownWords().isEmpty() ? ""
                : "read without the unknown words " + String.join(", ", r.unknownWords());
        double confidence = Math.max(0, Math.min(1, r.confidence()));
        return new Parse.Parsed<>(r.program(), LearnedParser.NAME, confidence, note);
    }
}
