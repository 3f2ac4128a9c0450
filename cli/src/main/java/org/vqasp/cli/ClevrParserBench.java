package org.vqasp.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.Program;
import org.vqasp.eval.bench.ClevrParserBenchmark;
import org.vqasp.language.ParserChain;
import org.vqasp.language.clevr.ClevrParsers;
import org.vqasp.language.clevr.learned.LearnedStage;

/**
 * {@code vqa bench parser --dataset clevr}: each stage of the CLEVR parser chain and the whole chain, on template
 * questions and on questions people wrote, one thread, against the template stage in the same run.
 */
final class ClevrParserBench {

    private final Path questions;
    private final Path humanQuestions;
    private final int runs;
    private final int warmup;
    private final LearnedStage learned;

    /**
     * Creates the benchmark.
     *
     * @param questions template questions, or null for the bundled gen-dev sample
     * @param humanQuestions questions people wrote, or null for the bundled CLEVR-Humans sample
     * @param runs measured passes
     * @param warmup passes before measuring
     * @param learned the chain's learned stage, or null for none
     */
    ClevrParserBench(Path questions, Path humanQuestions, int runs, int warmup, LearnedStage learned) {
        this.questions = questions != null ? questions : Samples.path("clevr/gen-dev/questions.json");
        this.humanQuestions = humanQuestions != null ? humanQuestions : Samples.path("clevr/humans/questions.json");
        this.runs = runs;
        this.warmup = warmup;
        this.learned = learned;
    }

    /** Measures, prints the table (unless the JSON goes to standard output) and emits the JSON. */
    int run(PrintWriter out, JsonOption json) throws Exception {
        ParserChain<Program> chain = ClevrParsers.chain(learned, null, null);
        ClevrParserBenchmark bench = new ClevrParserBenchmark(runs, warmup);
        boolean table = !json.stdout();
        if (table) {
            out.printf("%-10s %-10s %9s %8s %12s %7s%n", "set", "stage", "questions", "parsed", "questions/s",
                    "ratio");
            out.flush();
        }
        List<ClevrParserBenchmark.Row> rows = new ArrayList<>();
        for (Object[] set : new Object[][] {{"template", questions}, {"human", humanQuestions}}) {
            List<String> texts = new ArrayList<>();
            for (ClevrQuestion q : ClevrDataset.loadQuestions((Path) set[1])) {
                texts.add(q.question());
            }
            Progress p = table ? TerminalProgress.forTerminal("bench parser " + set[0]) : Progress.NONE;
            List<ClevrParserBenchmark.Row> got;
            try {
                got = bench.run((String) set[0], texts, chain, p);
            } finally {
                TerminalProgress.finish(p);
            }
            for (ClevrParserBenchmark.Row r : got) {
                if (table) {
                    out.printf("%-10s %-10s %9d %8d %12.0f %6.2fx%n", r.set(), r.stage(), r.questions(), r.parsed(),
                            r.questionsPerSecond(), r.ratio());
                    out.flush();
                }
            }
            rows.addAll(got);
        }
        json.emit(out, toJson(rows));
        return 0;
    }

    private static ObjectNode toJson(List<ClevrParserBenchmark.Row> rows) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode a = root.putArray("rows");
        for (ClevrParserBenchmark.Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("dataset", "clevr");
            o.put("threads", 1);
            o.put("set", r.set());
            o.put("stage", r.stage());
            o.put("questions", r.questions());
            o.put("parsed", r.parsed());
            o.put("questions_per_second", Math.round(r.questionsPerSecond() * 10) / 10.0);
            o.put("baseline", "template");
            o.put("ratio", Math.round(r.ratio() * 100) / 100.0);
        }
        return root;
    }
}
