package org.vqasp.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.vqasp.core.Progress;
import org.vqasp.core.io.FileTrees;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.EvalRunner;

/**
 * What an executor does with one slice of an evaluation: the local run ({@link EvalRunner}, one thread, the local
 * batch size) over the slice's items into an attempt directory, then the commit of its {@code predictions.jsonl} as
 * the slice's part. Rows come out in file order, as a local run on one thread writes them.
 */
final class EvalTasks {

    private EvalTasks() {
    }

    /**
     * What a task did.
     *
     * @param index the slice
     * @param answered questions answered by this task (0 when an earlier attempt had committed the part)
     */
    record Done(int index, long answered) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Answers one slice and commits its part (a part already committed is kept as it is).
     *
     * @param job the job
     * @param work the work directory
     * @param batchSize the local run's batch size
     * @param slice the slice
     */
    static <T> Done run(EvalJob<T> job, String work, int batchSize, Slice slice) {
        Path part = WorkDir.part(work, slice.index(), "jsonl");
        if (Files.exists(part)) {
            return new Done(slice.index(), 0);
        }
        FaultInjection.maybeFail("eval", slice.index());
        Path attempt = WorkDir.attempt(work, slice.index());
        try {
            EvalRunner.Run run;
            try (DatasetReader<T> reader = job.openAt(slice.start())) {
                Iterator<EvalItem<T>> items = new SliceItems<>(job.items(reader), slice);
                run = EvalRunner.run(items, slice.questions(), job.answerer(slice, attempt), job.matches(),
                        new EvalRunner.Options(attempt, 1, 0, batchSize), Progress.NONE);
            }
            job.commitExtras(attempt, work, slice.index());
            WorkDir.commit(run.predictions(), part); // the part's commit point
            return new Done(slice.index(), run.processed());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit part " + slice.index() + " under " + work, e);
        } finally {
            job.release();
            try {
                FileTrees.delete(attempt);
            } catch (IOException ignored) {
                // the next run of the job clears attempts
            }
        }
    }

    /** The items of a slice: {@code span} items from its mark on, less those an earlier run answered. */
    private static final class SliceItems<T> implements Iterator<EvalItem<T>> {
        private final Iterator<EvalItem<T>> items;
        private final Set<String> skip;
        private long left;
        private EvalItem<T> next;

        SliceItems(Iterator<EvalItem<T>> items, Slice slice) {
            this.items = items;
            this.skip = new HashSet<>(slice.skip());
            this.left = slice.span();
        }

        @Override
        public boolean hasNext() {
            while (next == null && left > 0 && items.hasNext()) {
                EvalItem<T> item = items.next();
                left--;
                if (!skip.contains(item.id())) {
                    next = item;
                }
            }
            return next != null;
        }

        @Override
        public EvalItem<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            EvalItem<T> item = next;
            next = null;
            return item;
        }
    }
}
