package org.vqasp.eval.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.Medians;
import org.vqasp.core.Progress;
import org.vqasp.core.VqaspException;

/**
 * {@code vqa bench reasoning}: questions per second of the in-process reasoner (JNA, batches per image) and,
 * in the same run, of spawning the {@code clingo} binary per question on the same questions, on one thread
 * and on several; the median of several repetitions; the ratio of the two.
 */
public final class ReasoningBenchmark {

    private final String clingoBinary;
    private final int repetitions;

    /**
     * Creates a benchmark.
     *
     * @param clingoBinary the clingo executable for the spawn baseline
     * @param repetitions repetitions per measurement (the median is reported)
     */
    public ReasoningBenchmark(String clingoBinary, int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
        }
        this.clingoBinary = clingoBinary;
        this.repetitions = repetitions;
    }

    /**
     * One line of the report.
     *
     * @param dataset the dataset
     * @param threads threads used by both sides
     * @param questions questions answered per pass
     * @param questionsPerSecond in-process throughput (median)
     * @param spawnQuestionsPerSecond throughput spawning clingo per question (median)
     */
    public record Row(String dataset, int threads, int questions, double questionsPerSecond,
            double spawnQuestionsPerSecond) {

        /** Returns in-process throughput over spawn throughput. */
        public double ratio() {
            return spawnQuestionsPerSecond == 0 ? 0 : questionsPerSecond / spawnQuestionsPerSecond;
        }
    }

    /**
     * Measures a workload at each thread count.
     *
     * @param w the workload
     * @param threadCounts thread counts, such as 1 and all cores
     * @param progress receives one unit per measurement
     */
    public List<Row> run(ReasoningWorkload w, List<Integer> threadCounts, Progress progress) {
        Path theoryFile = writeTheory(w);
        try {
            List<Row> rows = new ArrayList<>();
            int steps = threadCounts.size() * 2 * repetitions;
            int[] done = {0};
            inProcessPass(w, 1);
            for (int threads : threadCounts) {
                double[] inProc = new double[repetitions];
                double[] spawn = new double[repetitions];
                for (int r = 0; r < repetitions; r++) {
                    inProc[r] = inProcessQps(w, threads);
                    progress.update(++done[0], steps, w.dataset() + " in-process, " + threads + " threads");
                    spawn[r] = spawnQps(w, threads, theoryFile);
                    progress.update(++done[0], steps, w.dataset() + " spawn, " + threads + " threads");
                }
                rows.add(new Row(w.dataset(), threads, w.questions(), Medians.of(inProc), Medians.of(spawn)));
            }
            return rows;
        } finally {
            try {
                Files.deleteIfExists(theoryFile);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** Runs the in-process pass repeatedly for at least a second and returns questions per second. */
    private double inProcessQps(ReasoningWorkload w, int threads) {
        long start = System.nanoTime();
        long questions = 0;
        do {
            questions += inProcessPass(w, threads);
        } while (System.nanoTime() - start < 1_000_000_000L);
        return questions / ((System.nanoTime() - start) / 1e9);
    }

    private int inProcessPass(ReasoningWorkload w, int threads) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        parallel(threads, () -> {
            int i;
            while ((i = next.getAndIncrement()) < w.batches().size()) {
                answered.addAndGet(w.batches().get(i).inProcess().run());
            }
        });
        if (answered.get() == 0 && w.questions() > 0) {
            throw new VqaspException(ErrorKind.BENCH, "the in-process reasoner answered none of the " + w.questions()
                    + " questions");
        }
        return w.questions();
    }

    /** Spawns clingo for every question, pass after pass for at least a second, and returns questions per second. */
    private double spawnQps(ReasoningWorkload w, int threads, Path theoryFile) {
        List<String> all = new ArrayList<>();
        w.batches().forEach(b -> all.addAll(b.spawnFacts()));
        long start = System.nanoTime();
        long questions = 0;
        do {
            AtomicInteger next = new AtomicInteger();
            parallel(threads, () -> {
                int i;
                while ((i = next.getAndIncrement()) < all.size()) {
                    spawnOne(theoryFile, all.get(i));
                }
            });
            questions += all.size();
        } while (System.nanoTime() - start < 1_000_000_000L);
        return questions / ((System.nanoTime() - start) / 1e9);
    }

    private void spawnOne(Path theoryFile, String facts) {
        try {
            Process p = new ProcessBuilder(clingoBinary, "--outf=2", "--models=8", theoryFile.toString(), "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(facts.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            int code = p.waitFor();
            if (code != 10 && code != 30 && code != 20) {
                throw new VqaspException(ErrorKind.BENCH, clingoBinary + " exited with " + code + ": "
                        + new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            }
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.BENCH, "cannot run " + clingoBinary + " (" + e.getMessage()
                    + "); is the gringo package installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VqaspException(ErrorKind.INTERRUPTED, "benchmark interrupted");
        }
    }

    private static void parallel(int threads, Runnable work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(work));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VqaspException(ErrorKind.INTERRUPTED, "benchmark interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new VqaspException(ErrorKind.BENCH, e.getCause().toString(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path writeTheory(ReasoningWorkload w) {
        try {
            Path f = Files.createTempFile("vqasp-" + w.dataset() + "-", ".lp");
            Files.writeString(f, w.theory().text());
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary theory file", e);
        }
    }
}
