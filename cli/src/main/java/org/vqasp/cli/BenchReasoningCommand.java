package org.vqasp.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.eval.bench.ClevrWorkload;
import org.vqasp.eval.bench.GqaWorkload;
import org.vqasp.eval.bench.ReasoningBenchmark;
import org.vqasp.eval.bench.ReasoningWorkload;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.reasoning.gqa.GqaReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vqa bench reasoning}: questions per second of the in-process reasoner against spawning the clingo
 * binary per question, on the same questions, on one thread and on all.
 */
@Command(
        name = "reasoning",
        mixinStandardHelpOptions = true,
        description = {
            "Questions per second in-process (clingo through JNA) against spawning clingo per question.",
            "In-process, one clingo call answers --batch questions (several images'); the baseline spawns the",
            "clingo binary for each of the same questions. One thread and all threads; the median of --runs",
            "repetitions; the ratio of the two."
        })
final class BenchReasoningCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", paramLabel = "Q.json",
            description = "CLEVR questions (default: the bundled samples/clevr/gen-dev).")
    Path questions;

    @Option(names = "--scenes", paramLabel = "S.json", description = "CLEVR scenes (default: the bundled sample's).")
    Path scenes;

    @Option(names = "--gqa-questions", paramLabel = "Q.json",
            description = "GQA questions (default: the bundled samples/gqa/sample/written_questions.json).")
    Path gqaQuestions;

    @Option(names = "--gqa-scene-graphs", paramLabel = "SG.json",
            description = "GQA scene graphs (default: the bundled samples/gqa/sample/sceneGraphs.json).")
    Path gqaSceneGraphs;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "400",
            description = "Questions per pass (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Questions per in-process clingo call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    ThreadCountsOption threads;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Repetitions per measurement; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--clingo", paramLabel = "PATH", defaultValue = "clingo",
            description = "The clingo binary for the spawn baseline (default: ${DEFAULT-VALUE}).")
    String clingo;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        List<Integer> counts = threads.counts();
        Path q = questions != null ? questions : Samples.path("clevr/gen-dev/questions.json");
        Path s = scenes != null ? scenes : Samples.path("clevr/gen-dev/scenes.json");
        List<ReasoningWorkload> workloads = new ArrayList<>();
        workloads.add(ClevrWorkload.of(q, s, limit, batch, new ClevrReasoner()));
        workloads.add(GqaWorkload.of(
                gqaQuestions != null ? gqaQuestions : Samples.path("gqa/sample/written_questions.json"),
                gqaSceneGraphs != null ? gqaSceneGraphs : Samples.path("gqa/sample/sceneGraphs.json"),
                limit, batch, new GqaReasoner()));
        PrintWriter out = spec.commandLine().getOut();
        boolean table = !json.stdout();
        ReasoningBenchmark bench = new ReasoningBenchmark(clingo, runs);
        if (table) {
            out.printf("%-8s %7s %9s %14s %14s %7s%n", "dataset", "threads", "questions", "in-process q/s",
                    "spawn q/s", "ratio");
            out.flush();
        }
        List<ReasoningBenchmark.Row> rows = new ArrayList<>();
        for (ReasoningWorkload w : workloads) {
            Progress p = table ? TerminalProgress.forTerminal("bench " + w.dataset()) : Progress.NONE;
            List<ReasoningBenchmark.Row> got;
            try {
                got = bench.run(w, counts, p);
            } finally {
                TerminalProgress.finish(p);
            }
            for (ReasoningBenchmark.Row r : got) {
                if (!table) {
                    continue;
                }
                out.printf("%-8s %7d %9d %14.0f %14.1f %6.1fx%n", r.dataset(), r.threads(), r.questions(),
                        r.questionsPerSecond(), r.spawnQuestionsPerSecond(), r.ratio());
                out.flush();
            }
            rows.addAll(got);
        }
        json.emit(out, toJson(rows));
        return 0;
    }

    private static ObjectNode toJson(List<ReasoningBenchmark.Row> rows) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode a = root.putArray("rows");
        for (ReasoningBenchmark.Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("dataset", r.dataset());
            o.put("threads", r.threads());
            o.put("questions", r.questions());
            o.put("questions_per_second", Math.round(r.questionsPerSecond() * 10) / 10.0);
            o.put("spawn_questions_per_second", Math.round(r.spawnQuestionsPerSecond() * 10) / 10.0);
            o.put("ratio", Math.round(r.ratio() * 100) / 100.0);
        }
        return root;
    }
}
