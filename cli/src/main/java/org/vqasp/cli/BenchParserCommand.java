package org.vqasp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vqa bench parser}: questions per second of a dataset's question parser on one thread, against a baseline
 * measured in the same run. Each dataset's measurement is its own class ({@link ClevrParserBench},
 * {@link GqaParserBench}).
 */
@Command(
        name = "parser",
        mixinStandardHelpOptions = true,
        description = {
            "Questions per second of the question parser on one thread; the median of --runs passes and its ratio",
            "to a baseline in the same run. clevr: each stage of the parser chain and the whole chain, on template",
            "questions (gen-dev) and on questions people wrote (CLEVR-Humans), against the template stage.",
            "gqa: the GQA question parser, against checking the questions' gold programs with the reasoner."
        })
final class BenchParserCommand implements Callable<Integer> {

    /** Which dataset's parser. */
    enum Dataset { clevr, gqa }

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "clevr",
            description = "clevr: the CLEVR parser chain; gqa: the GQA question parser (default: ${DEFAULT-VALUE}).")
    Dataset dataset;

    @Option(names = "--questions", paramLabel = "Q.json",
            description = "Questions (clevr default: the bundled samples/clevr/gen-dev template questions; gqa: "
                    + "GQA questions with programs, default: the bundled samples/gqa/ood-dev).")
    Path questions;

    @Option(names = "--human-questions", paramLabel = "Q.json",
            description = "clevr: questions people wrote (default: the bundled samples/clevr/humans).")
    Path humanQuestions;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Measured passes; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "clevr: passes before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "gqa: questions per pass, 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1",
            description = "gqa: the least time of one measurement (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        return switch (dataset) {
            case clevr -> new ClevrParserBench(questions, humanQuestions, runs, warmup)
                    .run(spec.commandLine().getOut(), json);
            case gqa -> new GqaParserBench(questions, limit, runs, seconds).run(spec.commandLine().getOut(), json);
        };
    }
}
