package org.vqasp.eval.bench;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.Medians;
import org.vqasp.core.Progress;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.ParserChain;
import org.vqasp.language.QuestionParser;

/**
 * Questions per second of each stage of a parser chain and of the whole chain, on one thread: every question of
 * a set read once per pass, after warm-up passes; the median pass of several is reported, with its ratio to the
 * first stage (the template parser, the baseline) in the same run and the share of questions each reads.
 */
public final class ClevrParserBenchmark {

    /**
     * One measurement.
     *
     * @param set the name of the question set
     * @param stage the stage's name, or {@code chain}
     * @param questions questions per pass
     * @param parsed questions the stage (or chain) read as a program
     * @param questionsPerSecond the median pass's rate
     * @param ratio the rate over the first stage's on the same set
     */
    public record Row(String set, String stage, int questions, int parsed, double questionsPerSecond, double ratio) {
    }

    private final int runs;
    private final int warmup;

    /**
     * Creates a benchmark.
     *
     * @param runs measured passes (the median is reported); at least 1
     * @param warmup passes before measuring (the JIT compiles the grammar)
     */
    public ClevrParserBenchmark(int runs, int warmup) {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("runs must be at least 1 and warmup at least 0, are " + runs + ", "
                    + warmup);
        }
        this.runs = runs;
        this.warmup = warmup;
    }

    /**
     * Measures each stage of the chain and the chain on a set of questions.
     *
     * @param set the set's name for the rows
     * @param questions the question texts
     * @param chain the chain
     * @param progress receives one unit per pass
     * @return one row per stage, then the chain's
     */
    public List<Row> run(String set, List<String> questions, ParserChain<Program> chain, Progress progress) {
        List<QuestionParser<Program>> parsers = new ArrayList<>();
        for (ParserChain.Stage<Program> s : chain.stages()) {
            parsers.add(s.parser());
        }
        parsers.add(chain);
        long total = (long) parsers.size() * (runs + warmup);
        long done = 0;
        List<Row> rows = new ArrayList<>();
        double baseline = 0;
        for (QuestionParser<Program> p : parsers) {
            int parsed = 0;
            double[] rates = new double[runs];
            for (int pass = 0; pass < warmup + runs; pass++) {
                int got = 0;
                long t0 = System.nanoTime();
                for (String q : questions) {
                    if (p.parse(q) instanceof Parse.Parsed<Program>) {
                        got++;
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (pass >= warmup) {
                    rates[pass - warmup] = questions.size() / Math.max(seconds, 1e-9);
                }
                parsed = got;
                progress.update(++done, total, p.name());
            }
            double median = Medians.of(rates);
            if (rows.isEmpty()) {
                baseline = median;
            }
            rows.add(new Row(set, p.name(), questions.size(), parsed, median, baseline == 0 ? 0 : median / baseline));
        }
        return rows;
    }
}
