package org.vqasp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.core.Progress;
import org.vqasp.world.ClevrProperties;
import org.vqasp.world.CogentCondition;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.TemplateLibrary;
import org.vqasp.world.render.ClevrWorldGenerator;
import org.vqasp.world.render.GivenScenes;
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
            "threads; re-running the same command keeps the images already written. With --from-scenes, renders",
            "the scenes of a released scenes file under their own file names instead of sampling new ones."
        })
final class GenerateClevrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", paramLabel = "N",
            description = "Number of images (required unless --from-scenes; with it, render only the first N scenes).")
    Integer images;

    @Option(names = "--from-scenes", paramLabel = "SCENES.json",
            description = "Render the scenes of this released scenes file (same image names and indices) instead of sampling.")
    Path fromScenes;

    @Option(names = "--for-questions", paramLabel = "Q.json",
            description = "With --from-scenes: render only the scenes whose images these questions refer to.")
    Path forQuestions;

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
        if ((images != null && images < 0) || questionsPerImage < 0) {
            throw new ParameterException(spec.commandLine(), "--images and --questions-per-image must not be negative");
        }
        var parsed = spec.commandLine().getParseResult();
        if (fromScenes == null && (images == null || forQuestions != null)) {
            throw new ParameterException(spec.commandLine(), images == null ? "--images N is required without --from-scenes"
                    : "--for-questions needs --from-scenes");
        }
        if (fromScenes != null && (parsed.hasMatchedOption("--split") || cogent != null)) {
            throw new ParameterException(spec.commandLine(), "--split and --cogent do not apply to --from-scenes");
        }
        if (fromScenes != null && !parsed.hasMatchedOption("--questions-per-image")) {
            questionsPerImage = 0;
        }
        if (spark.enabled()) {
            if (fromScenes != null) {
                throw new ParameterException(spec.commandLine(), "--from-scenes runs locally, not with --spark");
            }
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
        var parsed = spec.commandLine().getParseResult();
        long s = seed.required(spec.commandLine());
        List<String> cmd = new ArrayList<>(List.of("vqa"));
        cmd.addAll(parsed.originalArgs());
        ClevrWorldGenerator.Builder b = ClevrWorldGenerator.builder().setOutput(out).setSeed(s)
                .optSplit(split).optThreads(threads.get(spec.commandLine())).optCommandLine(cmd)
                .optQuestionsPerImage(questionsPerImage);
        if (fromScenes == null) {
            b.setImages(images);
        } else {
            b.optGivenScenes(GivenScenes.load(fromScenes, forQuestions == null ? null : GivenScenes.imagesOf(forQuestions),
                    images == null ? -1 : images, ClevrProperties.bundled()));
        }
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
