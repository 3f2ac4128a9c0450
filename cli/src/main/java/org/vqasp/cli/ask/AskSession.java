package org.vqasp.cli.ask;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.language.Parse;
import org.vqasp.language.ParserChain;
import org.vqasp.language.QuestionParser;
import org.vqasp.language.clevr.ClevrParsers;
import org.vqasp.language.clevr.ClevrQuestionParser;
import org.vqasp.language.clevr.ParseResult;
import org.vqasp.language.clevr.UniqueRelaxation;
import org.vqasp.language.clevr.learned.LearnedStage;
import org.vqasp.reasoning.ExplainedAnswer;
import org.vqasp.reasoning.clevr.ClevrExplanation;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.vision.SceneExtractor;

/**
 * One person asking questions about one image (or scene) at a time: the parser chain, the reasoner and the
 * vision model are loaded once; each question is read by the chain (template, grammar, then the optional
 * {@link ProgramTranslator} as its {@code llm} stage, whose programs are compiled against the theory first),
 * answered with an explanation (a program that fails with {@code unique} is answered again in its
 * {@link UniqueRelaxation} reading), and kept for {@code :why}.
 */
public final class AskSession implements AutoCloseable {

    private final ClevrQuestionParser parser;
    private final ParserChain<Program> chain;
    private final ClevrReasoner reasoner;
    private final ModelLoader models;
    private final ProgramTranslator translator;
    private final boolean weighted;
    private SceneExtractor extractor;
    private ClevrScene scene;
    private BufferedImage image;
    private String sceneName;
    private AskResult last;

    /** Loads the vision model when an image is first opened. */
    @FunctionalInterface
    public interface ModelLoader {
        /**
         * Loads the model.
         *
         * @return the extractor
         */
        SceneExtractor load();
    }

    /** Turns a question the parser did not understand into a program (a language model, say). */
    @FunctionalInterface
    public interface ProgramTranslator {
        /**
         * Translates a question.
         *
         * @param question the question
         * @return a program, already checked against the theory
         * @throws VqaspException naming why there is none, of kind {@link ErrorKind#LLM_PROGRAM_REFUSED} when the
         *     theory refused the program
         */
        Program translate(String question);
    }

    /**
     * Creates a session.
     *
     * @param parser the question parser
     * @param reasoner the reasoner
     * @param models loads the vision model when an image is opened
     * @param translator translates questions the parser does not understand, or null
     * @param weighted answer over the scene's probabilities as weighted choices
     */
    public AskSession(ClevrQuestionParser parser, ClevrReasoner reasoner, ModelLoader models,
            ProgramTranslator translator, boolean weighted) {
        this(parser, LearnedStage.bundledOrNull(), reasoner, models, translator, weighted);
    }

    /**
     * Creates a session with a learned stage of the caller's choosing.
     *
     * @param parser the question parser
     * @param learned the chain's learned stage, or null for none
     * @param reasoner the reasoner
     * @param models loads the vision model when an image is opened
     * @param translator translates questions the parser does not understand, or null
     * @param weighted answer over the scene's probabilities as weighted choices
     */
    public AskSession(ClevrQuestionParser parser, LearnedStage learned, ClevrReasoner reasoner, ModelLoader models,
            ProgramTranslator translator, boolean weighted) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
        this.models = models;
        this.translator = translator;
        this.weighted = weighted;
        QuestionParser<Program> llm = translator == null ? null : new QuestionParser<>() {
            @Override
            public String name() {
                return "llm";
            }

            @Override
            public Parse<Program> parse(String question) {
                try {
                    return new Parse.Parsed<>(translator.translate(question), "llm", 0.5, "");
                } catch (VqaspException e) {
                    return new Parse.NotUnderstood<>("llm", ErrorKind.LLM_PROGRAM_REFUSED.equals(e.kind())
                            ? e.getMessage() : "the language model could not help: " + e.getMessage());
                }
            }
        };
        this.chain = ClevrParsers.chain(parser, learned, llm, p -> {
            return reasoner.check(p).map(VqaspException::getMessage).orElse(null);
        });
    }

    /**
     * Opens an image: the vision model reads its scene.
     *
     * @throws InputException when the file is missing or not an image
     */
    public void openImage(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(ErrorKind.MISSING_FILE, file + ": no such image");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new InputException(ErrorKind.BAD_IMAGE, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new InputException(ErrorKind.BAD_IMAGE, file + ": not an image (PNG, JPEG, GIF or BMP expected)");
        }
        if (extractor == null) {
            extractor = models.load();
        }
        ClevrScene s = extractor.extract(img);
        this.scene = s;
        this.image = img;
        this.sceneName = file.toString();
        this.last = null;
    }

    /**
     * Opens the first scene of a scenes file in the released CLEVR layout (no vision).
     *
     * @throws InputException when the file is missing, malformed or holds no readable scene
     */
    public void openScene(Path file) {
        try (DatasetReader<ClevrScene> r = ClevrDataset.scenes(file)) {
            while (r.hasNext()) {
                DatasetItem<ClevrScene> item = r.next();
                if (item.ok()) {
                    this.scene = item.value();
                    this.image = null;
                    this.sceneName = file.toString();
                    this.last = null;
                    return;
                }
                throw item.error();
            }
        }
        throw new InputException(ErrorKind.EMPTY_INPUT, file + ": holds no scene");
    }

    /** Returns the current scene, or null before one is opened. */
    public ClevrScene scene() {
        return scene;
    }

    /** Returns where the current scene came from. */
    public String sceneName() {
        return sceneName;
    }

    /** Returns the current image, or null when the scene came from a file. */
    public BufferedImage image() {
        return image;
    }

    /** Returns the last result, or null. */
    public AskResult last() {
        return last;
    }

    /** Returns the words the parser knows, for completion. */
    public Set<String> vocabulary() {
        return parser.vocabulary();
    }

    /**
     * Answers a question about the current scene.
     *
     * @param question the question text
     * @return the answer with its program and explanation, or why there is none
     */
    public AskResult ask(String question) {
        if (scene == null) {
            throw new IllegalStateException("no scene opened");
        }
        long t0 = System.nanoTime();
        Parse<Program> parsed = chain.parse(question);
        if (parsed instanceof Parse.NotUnderstood<Program> nu) {
            String closest = parser.parse(question) instanceof ParseResult.NotUnderstood t
                    ? t.closestTemplateText() : null;
            last = new AskResult(question, null, null, null, null, ErrorKind.NOT_UNDERSTOOD,
                    "not understood: \"" + question.strip() + "\": " + nu.reason(), nu.reason(), closest, ms(t0));
            return last;
        }
        Parse.Parsed<Program> p = (Parse.Parsed<Program>) parsed;
        Program program = p.program();
        String source = p.parser();
        try {
            ExplainedAnswer r;
            String note = null;
            try {
                r = answer(program);
            } catch (VqaspException e) {
                Program relaxed = UniqueRelaxation.relax(program);
                if (!e.kind().equals(ErrorKind.UNIQUE) || relaxed == program) {
                    throw e;
                }
                // "the ball behind the cube" when several are: the one nearest it (or nearest the viewer)
                try {
                    r = answer(relaxed);
                } catch (VqaspException second) {
                    throw e;
                }
                program = relaxed;
                note = e.getMessage()
                        + "; answered for the one nearest what it is related to (else nearest the viewer)";
            }
            ClevrExplanation e = ClevrExplanation.of(program, r.outcome());
            last = new AskResult(question, r.answer(), program, source, e, null, null, null, null, ms(t0), note);
        } catch (VqaspException e) {
            ClevrExplanation partial = null;
            last = new AskResult(question, null, program, source, partial, e.kind(), e.getMessage(), null, null,
                    ms(t0));
        }
        return last;
    }

    private ExplainedAnswer answer(Program program) {
        return weighted ? reasoner.answerLikely(scene, program, true) : reasoner.explain(scene, program, true);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    @Override
    public void close() {
        if (extractor != null) {
            extractor.close();
            extractor = null;
        }
    }
}
