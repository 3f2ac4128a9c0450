package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.Provenance;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.gqa.GqaReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vqa eval gqa}: answers every question of a released GQA questions file over the gold scene graphs, with
 * the file's programs or parsed ones; with parsed programs and no scene graphs, scores the parse alone.
 */
@Command(
        name = "gqa",
        mixinStandardHelpOptions = true,
        description = {
            "Answer every question of a GQA questions file ({qid: {...}}) with the ASP reasoner over the gold "
                    + "scene graphs ({imageId: {...}}).",
            "With --programs parsed the programs are read from the question text and also scored against the "
                    + "file's (program_accuracy); without --scene-graphs only the programs are scored.",
            "Writes predictions.jsonl as it goes (re-run with the same --out to resume) and summary.json "
                    + "with accuracy per structural and semantic type."
        })
final class EvalGqaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file.")
    Path questions;

    @Option(names = "--scene-graphs", paramLabel = "SG.json",
            description = "Scene-graphs file (required with --programs gold).")
    Path sceneGraphs;

    @Option(names = "--programs", paramLabel = "SOURCE",
            description = "gold (the file's semantic programs, or its semanticStr; the default) or parsed (read "
                    + "from the question text by the GQA question parser).")
    GqaEvaluation.Programs programs = GqaEvaluation.Programs.GOLD;

    @Mixin
    RunOptions run;

    @Mixin
    SparkOptions spark;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() throws Exception {
        boolean parsed = programs == GqaEvaluation.Programs.PARSED;
        if (sceneGraphs == null && !parsed) {
            throw new ParameterException(spec.commandLine(),
                    "--scene-graphs is required with --programs gold (without it, --programs parsed scores the parse)");
        }
        if (sceneGraphs == null && spark.enabled()) {
            throw new ParameterException(spec.commandLine(), "--spark needs --scene-graphs (scoring the parse alone "
                    + "runs locally)");
        }
        Provenance provenance = run.provenance(spec.commandLine(), questions, programs);
        EvalRunner.Run r;
        if (sceneGraphs == null) {
            GqaQuestionParser parser = GqaQuestionParser.load();
            r = run.execute(spec.commandLine(), "eval gqa", provenance,
                    (options, progress) -> GqaEvaluation.parse(questions, parser, options, progress));
        } else {
            provenance.input("scene_graphs", sceneGraphs);
            RunOptions.Job job;
            if (spark.enabled()) {
                ClusterRunner.Cluster cluster = spark.cluster(spec.commandLine());
                ClusterRunner runner = ClusterRunner.load();
                job = (options, progress) -> runner.evalGqa(cluster, questions, sceneGraphs, programs, options,
                        progress);
            } else {
                job = (options, progress) -> GqaEvaluation.evaluate(questions, sceneGraphs, programs,
                        new GqaReasoner(), options, progress);
            }
            r = run.execute(spec.commandLine(), "eval gqa", provenance, job);
        }
        GqaEvaluation.Report summary = GqaEvaluation.report(r, sceneGraphs != null, parsed);
        PrintWriter out = spec.commandLine().getOut();
        Path dir = r.predictions().getParent();
        run.json.emit(out, summary.json());
        if (!run.json.stdout()) {
            if (r.resumed() > 0) {
                out.println("resumed: " + r.resumed() + " questions were already done in " + dir);
            }
            if (summary.answers() != null) {
                SummaryPrinter.printTable(out, summary.answers(), dir);
            }
            if (summary.programs() != null) {
                if (summary.answers() != null) {
                    out.println();
                }
                ProgramSummaryPrinter.print(out, summary.programs());
                if (summary.answers() == null) {
                    out.printf("%.1f s, %.0f questions/s%n", summary.json().path("seconds").asDouble(),
                            summary.json().path("questions_per_second").asDouble());
                    ProgramSummaryPrinter.files(out, dir);
                }
            }
        }
        report.finish(out, dir, run.json.stdout());
        return 0;
    }
}
