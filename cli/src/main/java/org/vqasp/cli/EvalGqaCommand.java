package org.vqasp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.Provenance;
import org.vqasp.eval.EvalRunner;
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

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file.")
    Path questions;

    @Option(names = "--scene-graphs", required = true, paramLabel = "SG.json", description = "Scene-graphs file.")
    Path sceneGraphs;

    @Option(names = "--programs", paramLabel = "SOURCE",
            description = "gold (the file's semantic programs, or its semanticStr; the default and only choice).")
    GqaEvaluation.Programs programs = GqaEvaluation.Programs.GOLD;

    @Mixin
    RunOptions run;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() throws Exception {
        Provenance provenance = run.provenance(spec.commandLine(), questions, programs)
                .input("scene_graphs", sceneGraphs);
        EvalRunner.Run r = run.execute(spec.commandLine(), "eval gqa", provenance,
                (options, progress) -> GqaEvaluation.evaluate(questions, sceneGraphs, new GqaReasoner(), options,
                        progress));
        run.reportEval(spec.commandLine(), r);
        report.finish(spec.commandLine().getOut(), r.predictions().getParent(), run.json.stdout());
        return 0;
    }
}
