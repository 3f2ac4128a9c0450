package org.vqasp.eval.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.InputException;
import org.vqasp.core.Medians;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.language.gqa.GqaParse;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * {@code vqa bench parser}: questions per second of a question parser on one thread, against a baseline measured
 * in the same run on the same questions: checking the questions' gold programs with the reasoner (translating
 * them to ASP and grounding them with the theory, in batches of 64), the least work the programs need downstream.
 * Each measurement passes over the questions until at least {@code minSeconds} have gone by; the median of
 * {@code runs} measurements is reported, after one pass to warm up.
 */
public final class ParserBenchmark {

    /**
     * One row of the table.
     *
     * @param dataset {@code gqa}
     * @param questions the questions of one pass
     * @param parsed how many of them the parser understood
     * @param questionsPerSecond parsed questions per second (median)
     * @param baselineQuestionsPerSecond gold programs checked per second (median)
     */
    public record Row(String dataset, int questions, int parsed, double questionsPerSecond,
            double baselineQuestionsPerSecond) {

        /** Returns how many times faster parsing is than the baseline. */
        public double ratio() {
            return baselineQuestionsPerSecond <= 0 ? 0 : questionsPerSecond / baselineQuestionsPerSecond;
        }
    }

    private final int runs;
    private final double minSeconds;

    /**
     * Creates a benchmark.
     *
     * @param runs measurements per figure (the median is reported)
     * @param minSeconds the least time one measurement takes
     */
    public ParserBenchmark(int runs, double minSeconds) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        this.runs = runs;
        this.minSeconds = minSeconds;
    }

    /**
     * Measures the GQA question parser on a questions file (the first {@code limit} readable questions).
     *
     * @throws InputException when the file is missing, malformed or holds no readable question
     */
    public Row gqa(Path questionsFile, int limit, GqaQuestionParser parser, GqaReasoner reasoner) {
        List<GqaQuestion> questions = new ArrayList<>();
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(questionsFile)) {
            while (r.hasNext() && (limit <= 0 || questions.size() < limit)) {
                DatasetItem<GqaQuestion> item = r.next();
                if (item.ok()) {
                    questions.add(item.value());
                }
            }
        }
        if (questions.isEmpty()) {
            throw new InputException("empty_input", questionsFile + ": holds no readable question");
        }
        List<String> texts = questions.stream().map(GqaQuestion::question).toList();
        List<List<GqaOperation>> gold = questions.stream().map(GqaQuestion::semantic).filter(p -> !p.isEmpty())
                .toList();
        int parsed = 0;
        for (String t : texts) {
            parsed += parser.parse(t) instanceof GqaParse.Parsed ? 1 : 0;
        }
        double parse = measure(texts.size(), () -> {
            int n = 0;
            for (String t : texts) {
                n += parser.parse(t) instanceof GqaParse.Parsed ? 1 : 0;
            }
            return n;
        });
        double check = gold.isEmpty() ? 0 : measure(gold.size(), () -> {
            int n = 0;
            for (int i = 0; i < gold.size(); i += 64) {
                n += reasoner.checkAll(gold.subList(i, Math.min(gold.size(), i + 64))).size();
            }
            return n;
        });
        return new Row("gqa", texts.size(), parsed, parse, check);
    }

    /** A pass over the questions; returns a count so the work cannot be skipped. */
    @FunctionalInterface
    private interface Pass {
        int run();
    }

    private double measure(int perPass, Pass pass) {
        pass.run();
        double[] rates = new double[runs];
        int sink = 0;
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            long done = 0;
            double seconds;
            do {
                sink += pass.run();
                done += perPass;
                seconds = (System.nanoTime() - t0) / 1e9;
            } while (seconds < minSeconds);
            rates[k] = done / seconds;
        }
        return sink == Integer.MIN_VALUE ? 0 : Medians.of(rates);
    }
}
