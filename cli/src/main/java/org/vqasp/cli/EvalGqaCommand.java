package org.vqasp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.Progress;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.EvalSummary;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.reasoning.gqa.GqaReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa eval gqa}: answers every question of a released GQA questions file over the gold scene graphs. */
@Command(
        name = "gqa",
        mixinStandardHelpOptions = true,
        description = {
            "Answer every question of a GQA questions file ({qid: {...}}) with the ASP reasoner over the gold "
                    + "scene graphs ({imageId: {...}}).",
            "Writes predictions.jsonl as it goes (re-run with the same --out to resume) and summary.json "
                    + "with accuracy per structural and semantic type."
        })
final class EvalGqaCommand implements Callable<Integer> {

    /** Where programs come from. */
    enum ProgramsName { gold }

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file.")
    Path questions;

    @Option(names = "--scene-graphs", required = true, paramLabel = "SG.json", description = "Scene-graphs file.")
    Path sceneGraphs;

    @Option(names = "--programs", paramLabel = "SOURCE",
            description = "gold (the file's semantic programs, or its semanticStr; the default and only choice).")
    ProgramsName programs = ProgramsName.gold;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        run.validate(spec.commandLine());
        Path out = run.outOrDefault("eval-gqa");
        Progress progress = TerminalProgress.forTerminal("eval gqa");
        EvalRunner.Run r;
        try {
            r = GqaEvaluation.evaluate(questions, sceneGraphs, new GqaReasoner(),
                    new EvalRunner.Options(out, run.threads, run.limit, 64), progress);
        } finally {
            TerminalProgress.finish(progress);
        }
        EvalSummary s = r.evalSummary();
        if (r.resumed() > 0 && !run.json) {
            spec.commandLine().getOut().println("resumed: " + r.resumed() + " questions were already answered in " + out);
        }
        SummaryPrinter.print(spec.commandLine().getOut(), s, out, run.json);
        return 0;
    }
}
