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
import org.vqasp.language.clevr.ClevrQuestionParser;
import org.vqasp.language.clevr.LlmQuestionTranslator;
import org.vqasp.llm.LlmClient;
import org.vqasp.reasoning.clevr.ClevrReasoner;
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

    @Option(names = "--history", paramLabel = "FILE", description = "Prompt history file (default: ~/.vqa_history).")
    Path history = Path.of(System.getProperty("user.home"), ".vqa_history");

    @Override
    public Integer call() throws Exception {
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
        try (AskSession session = new AskSession(ClevrQuestionParser.load(), reasoner, loader, translator,
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
}
