package org.vqasp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.cli.ask.AskOutput;
import org.vqasp.cli.ask.AskPrinter;
import org.vqasp.cli.ask.AskResult;
import org.vqasp.cli.ask.AskSession;
import org.vqasp.cli.ask.AskShell;
import org.vqasp.cli.ask.GqaAskPrinter;
import org.vqasp.cli.ask.GqaAskSession;
import org.vqasp.language.clevr.ClevrQuestionParser;
import org.vqasp.language.clevr.LlmQuestionTranslator;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.llm.LlmClient;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.reasoning.gqa.GqaReasoner;
import org.vqasp.vision.SceneExtractor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vqa ask}: answers one question about an image (or a scene file), or opens an interactive prompt
 * when the question is left out.
 */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Answer a question about an image or a scene file, or open an interactive prompt.",
            "With --scene-graphs SG.json [--image-id ID], GQA questions are answered over a GQA scene graph.",
            "The answer comes with the program the question was read as and why; without a question, an",
            "interactive prompt opens (history, Tab completion, :scene, :program, :why, :help, :quit).",
            "With --llm or --llm-base-url, a question the parser does not",
            "understand is translated by the language model and its program checked against the theory first."
        })
final class AskCommand implements Callable<Integer> {

    /** Exactly one of an image or a scene file. */
    static final class Input {
        @Option(names = "--image", paramLabel = "IMG", description = "An image (PNG, JPEG).")
        Path image;

        @Option(names = "--scene", paramLabel = "S.json",
                description = "A scenes file in the released CLEVR layout; its first scene is used (no vision).")
        Path scene;

        @Option(names = "--scene-graphs", paramLabel = "SG.json",
                description = "A GQA scene-graphs file ({imageId: {...}}): GQA questions about one of its images.")
        Path sceneGraphs;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (quotes optional).")
    List<String> question;

    @Mixin
    JsonOption json;

    @Option(names = "--annotate", paramLabel = "OUT.png",
            description = "Draw the detected objects, and those the answer used, on the image.")
    Path annotate;

    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "Scene-graph model (default: the bundled one).")
    Path model;

    @Option(names = "--weighted", description = "Answer over the model's probabilities as weighted choices.")
    boolean weighted;

    @Mixin
    LlmOptions llm;

    @Mixin
    LearnedParserOption learned;

    @Option(names = "--history", paramLabel = "FILE", description = "Prompt history file (default: ~/.vqa_history).")
    Path history = Path.of(System.getProperty("user.home"), ".vqa_history");

    @Option(names = "--image-id", paramLabel = "ID",
            description = "With --scene-graphs: the image to ask about (default: the first image id in order).")
    String imageId;

    @Override
    public Integer call() throws Exception {
        if (question != null && !question.isEmpty() && question.get(0).startsWith(":")) {
            throw new ParameterException(spec.commandLine(), "\"" + question.get(0)
                    + "\" is a command of the interactive prompt: leave the question out to open the prompt");
        }
        if (input.sceneGraphs != null) {
            return gqa();
        }
        if (imageId != null) {
            throw new ParameterException(spec.commandLine(), "--image-id needs --scene-graphs");
        }
        if (annotate != null && input.image == null) {
            throw new ParameterException(spec.commandLine(), "--annotate needs --image");
        }
        AskSession.ModelLoader loader = () -> model == null ? SceneExtractor.loadDefault() : SceneExtractor.load(model);
        ClevrReasoner reasoner = new ClevrReasoner();
        AskSession.ProgramTranslator translator = null;
        if (llm.configured()) {
            LlmQuestionTranslator t;
            try {
                t = new LlmQuestionTranslator(LlmClient.of(llm.settings(), System.getenv()), reasoner::check);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            translator = t::translate;
        }
        try (AskSession session = new AskSession(ClevrQuestionParser.load(), learned.stage(), reasoner, loader, translator,
                weighted)) {
            if (input.image != null) {
                session.openImage(input.image);
            } else {
                session.openScene(input.scene);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (question == null || question.isEmpty()) {
                new AskShell(session, history).run();
                return 0;
            }
            AskResult r = session.ask(String.join(" ", question));
            String answer = AskPrinter.json(r, session.scene());
            if (json.stdout()) {
                out.println(answer);
            } else {
                AskPrinter.objects(out, session.scene(), session.sceneName());
                AskPrinter.text(out, r, true);
                json.emit(out, new ObjectMapper().readTree(answer));
            }
            if (annotate != null) {
                Path written = AskOutput.annotate(session, annotate);
                if (!json.stdout()) {
                    out.println("annotated: " + written);
                }
            }
            out.flush();
            return 0;
        }
    }

    /** GQA questions over a scene graph: the GQA parser and reasoner, no vision, no language model. */
    private int gqa() throws Exception {
        if (annotate != null || model != null || weighted || llm.configured()) {
            throw new ParameterException(spec.commandLine(),
                    "--scene-graphs takes no --annotate, --model, --weighted or language model flags");
        }
        GqaAskSession session = new GqaAskSession(GqaQuestionParser.load(), new GqaReasoner());
        session.open(input.sceneGraphs, imageId);
        PrintWriter out = spec.commandLine().getOut();
        if (question == null || question.isEmpty()) {
            new AskShell(session, history).run();
            return 0;
        }
        GqaAskSession.GqaAskResult r = session.ask(String.join(" ", question));
        String answer = GqaAskPrinter.json(r, session.graph());
        if (json.stdout()) {
            out.println(answer);
        } else {
            GqaAskPrinter.objects(out, session.graph(), session.sceneName());
            GqaAskPrinter.text(out, r, true);
            json.emit(out, new ObjectMapper().readTree(answer));
        }
        out.flush();
        return 0;
    }
}
