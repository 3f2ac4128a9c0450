package org.vqasp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.core.Progress;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.Program;
import org.vqasp.eval.bench.ClevrParserBenchmark;
import org.vqasp.language.ParserChain;
import org.vqasp.language.clevr.ClevrParsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vqa bench parser}: questions per second, on one thread, of each stage of the CLEVR parser chain and of
 * the whole chain, on template questions and on questions people wrote.
 */
@Command(
        name = "parser",
        mixinStandardHelpOptions = true,
        description = {
            "Questions per second of each parser stage and of the whole chain, on one thread.",
            "Template questions (gen-dev) and human questions (CLEVR-Humans); each question read once per",
            "pass after --warmup passes; the median of --runs passes and its ratio to the template stage."
        })
final class BenchParserCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", paramLabel = "Q.json",
            description = "Template questions (default: the bundled samples/clevr/gen-dev).")
    Path questions;

    @Option(names = "--human-questions", paramLabel = "Q.json",
            description = "Questions people wrote (default: the bundled samples/clevr/humans).")
    Path humanQuestions;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Measured passes; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Passes before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the table as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        ParserChain<Program> chain = ClevrParsers.chain();
        ClevrParserBenchmark bench = new ClevrParserBenchmark(runs, warmup);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %-10s %9s %8s %12s %7s%n", "questions", "stage", "questions", "parsed", "questions/s",
                "ratio");
        out.flush();
        List<ClevrParserBenchmark.Row> rows = new ArrayList<>();
        String[][] sets = {
            {"template", (questions != null ? questions : Home.sample("clevr/gen-dev/questions.json")).toString()},
            {"human", (humanQuestions != null ? humanQuestions : Home.sample("clevr/humans/questions.json")).toString()}};
        for (String[] set : sets) {
            List<String> texts = new ArrayList<>();
            for (ClevrQuestion q : ClevrDataset.loadQuestions(Path.of(set[1]))) {
                texts.add(q.question());
            }
            Progress p = TerminalProgress.forTerminal("bench parser " + set[0]);
            List<ClevrParserBenchmark.Row> got;
            try {
                got = bench.run(set[0], texts, chain, p);
            } finally {
                TerminalProgress.finish(p);
            }
            for (ClevrParserBenchmark.Row r : got) {
                out.printf("%-10s %-10s %9d %8d %12.0f %6.2fx%n", r.set(), r.stage(), r.questions(), r.parsed(),
                        r.questionsPerSecond(), r.ratio());
                out.flush();
            }
            rows.addAll(got);
        }
        if (json != null) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            ArrayNode a = root.putArray("rows");
            for (ClevrParserBenchmark.Row r : rows) {
                ObjectNode o = a.addObject();
                o.put("questions", r.set());
                o.put("stage", r.stage());
                o.put("count", r.questions());
                o.put("parsed", r.parsed());
                o.put("questions_per_second", Math.round(r.questionsPerSecond() * 10) / 10.0);
                o.put("ratio", Math.round(r.ratio() * 100) / 100.0);
            }
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(json, m.writeValueAsString(root) + "\n");
        }
        return 0;
    }
}
