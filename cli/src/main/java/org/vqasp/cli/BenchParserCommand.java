package org.vqasp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.Samples;
import org.vqasp.eval.bench.ParserBenchmark;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.gqa.GqaReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa bench parser}: questions per second of the question parser on one thread. */
@Command(
        name = "parser",
        mixinStandardHelpOptions = true,
        description = {
            "Questions per second of the question parser on one thread, against checking the questions' gold",
            "programs with the reasoner (ASP translation and grounding) in the same run; the median of --runs."
        })
final class BenchParserCommand implements Callable<Integer> {

    /** Which parser. */
    enum Dataset { GQA }

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "gqa",
            description = "gqa: the GQA question parser (default: ${DEFAULT-VALUE}).")
    Dataset dataset;

    @Option(names = "--questions", paramLabel = "Q.json",
            description = "GQA questions with programs (default: the bundled samples/gqa/ood-dev/questions.json).")
    Path questions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Questions per pass, 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Measurements; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1",
            description = "The least time of one measurement (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        Path q = questions != null ? questions : Samples.path("gqa/ood-dev/questions.json");
        ParserBenchmark.Row r = new ParserBenchmark(runs, seconds).gqa(q, limit, GqaQuestionParser.load(),
                new GqaReasoner());
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode o = root.putArray("rows").addObject();
        o.put("dataset", r.dataset());
        o.put("threads", 1);
        o.put("questions", r.questions());
        o.put("parsed", r.parsed());
        o.put("questions_per_second", Math.round(r.questionsPerSecond() * 10) / 10.0);
        o.put("baseline", "gold programs checked by the reasoner");
        o.put("baseline_questions_per_second", Math.round(r.baselineQuestionsPerSecond() * 10) / 10.0);
        o.put("ratio", Math.round(r.ratio() * 100) / 100.0);
        json.emit(out, root);
        if (!json.stdout()) {
            out.printf("%-8s %7s %9s %7s %14s %17s %8s%n", "dataset", "threads", "questions", "parsed", "parsed q/s",
                    "gold checked q/s", "ratio");
            out.printf("%-8s %7d %9d %7d %14.0f %17.0f %7.1fx%n", r.dataset(), 1, r.questions(), r.parsed(),
                    r.questionsPerSecond(), r.baselineQuestionsPerSecond(), r.ratio());
            out.flush();
        }
        return 0;
    }
}
