package org.vqasp.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.Progress;
import org.vqasp.core.VqaspException;

/**
 * Runs a batch evaluation: streams the items, groups consecutive items into batches (an image's questions
 * stay together when they are consecutive; {@link Batcher}), answers batches on a pool of threads, appends every prediction
 * to {@code predictions.jsonl} as it is
 * answered, and writes {@code summary.json} at the end. Re-running with the same output directory resumes:
 * questions already in the predictions file are skipped.
 *
 * <p>One bad item never stops the run: unreadable items and answerer failures become error rows.
 */
public final class EvalRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EvalRunner.class);

    private EvalRunner() {
    }

    /**
     * How to run.
     *
     * @param out the run directory
     * @param threads worker threads (at least 1)
     * @param limit the first N items of the file, or 0 for all
     * @param batchSize items per batch; a batch grows past it (up to four times) to keep an image's
     *     consecutive questions together
     */
    public record Options(Path out, int threads, long limit, int batchSize) {

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(out, "out");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative, was " + limit);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
            }
        }
    }

    /**
     * Runs the evaluation.
     *
     * @param items the items in file order
     * @param total the number of items expected (for progress), or -1
     * @param answerer answers a batch of items about one image
     * @param matches whether a predicted answer matches the gold one
     * @param options where and how to run
     * @param progress receives progress
     * @param <T> the payload type
     * @return how long this run took and how many questions it answered
     */
    public static <T> Run run(Iterator<EvalItem<T>> items, long total, BatchAnswerer<T> answerer,
            BiPredicate<String, String> matches, Options options, Progress progress) {
        long start = System.nanoTime();
        long expected = options.limit() > 0 && (total < 0 || options.limit() < total) ? options.limit() : total;
        AtomicLong processed = new AtomicLong();
        AtomicLong correct = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        try (PredictionLog log = PredictionLog.open(options.out())) {
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "eval-worker");
                t.setDaemon(true);
                return t;
            });
            Semaphore inFlight = new Semaphore(options.threads() * 2);
            try {
                Batcher<T> batcher = new Batcher<>(options.batchSize());
                long read = 0;
                while (items.hasNext() && (options.limit() == 0 || read < options.limit())) {
                    EvalItem<T> item = items.next();
                    read++;
                    if (log.done(item.id())) {
                        seen.incrementAndGet();
                        continue;
                    }
                    List<EvalItem<T>> full = batcher.add(item);
                    if (full != null) {
                        submit(pool, inFlight, full, answerer, matches, log, processed, correct, seen, expected,
                                progress);
                    }
                }
                List<EvalItem<T>> last = batcher.finish();
                if (last != null) {
                    submit(pool, inFlight, last, answerer, matches, log, processed, correct, seen, expected,
                            progress);
                }
                pool.shutdown();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    LOG.debug("waiting for {} batches", options.threads() * 2 - inFlight.availablePermits());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VqaspException(ErrorKind.INTERRUPTED, "evaluation interrupted");
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(options.out().resolve("predictions.jsonl"), seconds, processed.get(), seen.get());
    }

    /**
     * What one run did.
     *
     * @param predictions the predictions file (with the rows of earlier runs)
     * @param seconds wall-clock seconds of this run
     * @param processed questions this run answered
     * @param resumed questions skipped because an earlier run answered them
     */
    public record Run(Path predictions, double seconds, long processed, long resumed) {

        /** Computes and writes the evaluation summary of the whole predictions file. */
        public EvalSummary evalSummary() {
            EvalSummary s = EvalSummary.of(predictions, seconds, processed);
            s.write(predictions.getParent());
            return s;
        }

        /** Computes and writes the check summary of the whole predictions file. */
        public CheckSummary checkSummary() {
            CheckSummary s = CheckSummary.of(predictions);
            s.write(predictions.getParent());
            return s;
        }
    }

    private static <T> void submit(ExecutorService pool, Semaphore inFlight, List<EvalItem<T>> batch,
            BatchAnswerer<T> answerer, BiPredicate<String, String> matches, PredictionLog log, AtomicLong processed,
            AtomicLong correct, AtomicLong seen, long expected, Progress progress) throws InterruptedException {
        inFlight.acquire();
        pool.execute(() -> {
            try {
                List<Prediction> rows = answer(batch, answerer, matches);
                log.append(rows);
                long ok = rows.stream().filter(p -> Boolean.TRUE.equals(p.correct())).count();
                long done = processed.addAndGet(rows.size());
                long good = correct.addAndGet(ok);
                progress.update(seen.get() + done, expected,
                        String.format("acc %.1f%%", 100.0 * good / Math.max(1, done)));
            } finally {
                inFlight.release();
            }
        });
    }

    private static <T> List<Prediction> answer(List<EvalItem<T>> batch, BatchAnswerer<T> answerer,
            BiPredicate<String, String> matches) {
        List<EvalItem<T>> readable = new ArrayList<>();
        for (EvalItem<T> item : batch) {
            if (item.error() == null) {
                readable.add(item);
            }
        }
        List<Outcome> outcomes;
        try {
            outcomes = readable.isEmpty() ? List.of() : answerer.answer(readable);
            if (outcomes.size() != readable.size()) {
                throw new IllegalStateException("answerer returned " + outcomes.size() + " outcomes for "
                        + readable.size() + " items");
            }
        } catch (VqaspException e) {
            outcomes = readable.stream().map(i -> Outcome.failed(e, 0)).toList();
        } catch (RuntimeException e) {
            LOG.warn("batch about {} failed", batch.get(0).image(), e);
            VqaspException wrapped = new VqaspException(ErrorKind.INTERNAL, e.toString(), e);
            outcomes = readable.stream().map(i -> Outcome.failed(wrapped, 0)).toList();
        }
        List<Prediction> rows = new ArrayList<>(batch.size());
        int k = 0;
        for (EvalItem<T> item : batch) {
            Outcome o = item.error() == null ? outcomes.get(k++) : Outcome.failed(item.error(), 0);
            Boolean ok = item.gold() == null ? null : o.predicted() != null && matches.test(o.predicted(), item.gold());
            rows.add(new Prediction(item.id(), item.image(), item.question(), item.gold(), o.predicted(), ok,
                    o.error() == null ? null : o.error().kind(), o.error() == null ? null : o.error().getMessage(),
                    o.ms(), item.families(), o.origin(), o.extras()));
        }
        return rows;
    }
}
