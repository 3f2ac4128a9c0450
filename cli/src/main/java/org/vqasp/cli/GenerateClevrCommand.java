package org.vqasp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.core.Progress;
import org.vqasp.world.CogentCondition;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.TemplateLibrary;
import org.vqasp.world.render.ClevrWorldGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vqa generate clevr}: a synthetic CLEVR split (rendered images, scenes, template questions) in the
 * released v1.0 layout; re-running the same command resumes.
 */
@Command(
        name = "clevr",
        mixinStandardHelpOptions = true,
        description = {
            "Render a synthetic CLEVR split with scenes and template questions, in the released layout:",
            "DIR/images/<split>/CLEVR_<split>_NNNNNN.png, DIR/scenes/CLEVR_<split>_scenes.json,",
            "DIR/questions/CLEVR_<split>_questions.json. The same seed gives the same files on any number of",
            "threads; re-running the same command keeps the images already written."
        })
final class GenerateClevrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "N", description = "Number of images.")
    int images;

    @Mixin
    SeedOption seed = new SeedOption(1L);

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory.")
    Path out;

    @Option(names = "--questions-per-image", paramLabel = "K", defaultValue = "10",
            description = "Questions per image, each from another template; 0 for none (default: ${DEFAULT-VALUE}).")
    int questionsPerImage;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "train", description = "Split name (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--cogent", paramLabel = "A|B",
            description = "CLEVR-CoGenT condition: restrict cube and cylinder colours as condition A or B.")
    String cogent;

    @Mixin
    ThreadsOption threads;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() {
        if (images < 0 || questionsPerImage < 0) {
            throw new ParameterException(spec.commandLine(), "--images and --questions-per-image must not be negative");
        }
        if (spark.enabled()) {
            return callOnSpark();
        }
        ClevrWorldGenerator.Builder b = builder();
        Progress progress = TerminalProgress.forTerminal("generate clevr");
        ClevrWorldGenerator.Summary done;
        try {
            done = b.optProgress(progress).build().run();
        } finally {
            TerminalProgress.finish(progress);
        }
        report(done);
        return 0;
    }

    /** Returns the generator as the flags configure it, questions and provenance included. */
    private ClevrWorldGenerator.Builder builder() {
        long s = seed.required(spec.commandLine());
        List<String> cmd = new ArrayList<>(List.of("vqa"));
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        ClevrWorldGenerator.Builder b = ClevrWorldGenerator.builder().setOutput(out).setImages(images).setSeed(s)
                .optSplit(split).optThreads(threads.get(spec.commandLine())).optCommandLine(cmd)
                .optQuestionsPerImage(questionsPerImage);
        if (cogent != null) {
            b.optCogent(CogentCondition.parse(cogent));
        }
        if (questionsPerImage > 0) {
            QuestionGenerator questions = new QuestionGenerator(TemplateLibrary.load(), s);
            b.optQuestions(scene -> questions.generate(scene, questionsPerImage));
        }
        return b;
    }

    /** The same split rendered on Spark: the same files, the same report. */
    private Integer callOnSpark() {
        ClusterRunner.Cluster cluster = spark.cluster(spec.commandLine());
        ClevrWorldGenerator.Builder b = builder(); // a bad --cogent or --split fails here, before Spark starts
        b.build();
        ClusterRunner.Generate job = new ClusterRunner.Generate(out, images, seed.required(spec.commandLine()),
                questionsPerImage, split, cogent);
        ClusterRunner runner = ClusterRunner.load();
        Progress progress = TerminalProgress.forTerminal("generate clevr");
        ClevrWorldGenerator.Summary done;
        try {
            done = runner.generateClevr(cluster, job, b, progress);
        } finally {
            TerminalProgress.finish(progress);
        }
        report(done);
        return 0;
    }

    private void report(ClevrWorldGenerator.Summary s) {
        spec.commandLine().getOut().printf("%d images in %s (%d rendered, %d kept), %d questions, %.1f s%n",
                s.images(), out, s.rendered(), s.reused(), s.questions(), s.seconds());
    }
}
