package org.vqasp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vqa demo}: the main job on the bundled sample, offline: the 3,200 questions of
 * {@code samples/clevr/gen-dev} answered by the ASP reasoner over their scenes, with per-family accuracy.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the pipeline on the bundled sample (samples/clevr/gen-dev): scenes -> ASP -> answers, "
                + "with accuracy per question family.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        Path questions = Home.sample("clevr/gen-dev/questions.json");
        Path scenes = Home.sample("clevr/gen-dev/scenes.json");
        var w = spec.commandLine().getOut();
        if (!run.json) {
            w.println("vqa demo: CLEVR questions made by the original generator (" + questions + "),");
            w.println("answered by clingo over their gold scenes with the bundled theory asp-rules/clevr/theory.lp");
            w.flush();
        }
        run.reportEval(spec.commandLine(), run.execute(spec.commandLine(), "demo",
                (options, progress) -> ClevrEvaluation.evaluate(questions, ClevrEvaluation.goldScenes(scenes),
                        ClevrEvaluation.Programs.GOLD, new ClevrReasoner(), false, options, progress)));
        return 0;
    }
}
