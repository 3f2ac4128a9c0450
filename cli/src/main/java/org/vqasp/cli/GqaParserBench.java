package org.vqasp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.vqasp.core.Samples;
import org.vqasp.eval.bench.ParserBenchmark;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * {@code vqa bench parser --dataset gqa}: the GQA question parser on one thread, against checking the same
 * questions' gold programs with the reasoner (ASP translation and grounding) in the same run.
 */
final class GqaParserBench {

    private final Path questions;
    private final int limit;
    private final int runs;
    private final double seconds;

    /**
     * Creates the benchmark.
     *
     * @param questions GQA questions with programs, or null for the bundled GQA-OOD development sample
     * @param limit questions per pass, 0 for all
     * @param runs measurements; the median is reported
     * @param seconds the least time of one measurement
     */
    GqaParserBench(Path questions, int limit, int runs, double seconds) {
        this.questions = questions != null ? questions : Samples.path("gqa/ood-dev/questions.json");
        this.limit = limit;
        this.runs = runs;
        this.seconds = seconds;
    }

    /** Measures, prints the table (unless the JSON goes to standard output) and emits the JSON. */
    int run(PrintWriter out, JsonOption json) throws Exception {
        ParserBenchmark.Row r = new ParserBenchmark(runs, seconds).gqa(questions, limit, GqaQuestionParser.load(),
                new GqaReasoner());
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
