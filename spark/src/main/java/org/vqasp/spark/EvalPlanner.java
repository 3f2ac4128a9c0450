package org.vqasp.spark;

import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.core.json.JsonItemStream;
import org.vqasp.eval.Batcher;
import org.vqasp.eval.EvalItem;

/**
 * Cuts a questions file into slices on the driver: it reads the items as the local run does (the first
 * {@code --limit}, skipping those an earlier run answered), groups them into the local run's batches with the same
 * {@link Batcher}, and closes a slice after the batch that brings it to the partition size. Each executor thus forms
 * exactly the batches a local run forms, so the clingo calls, and the rows, are the same.
 */
final class EvalPlanner {

    private EvalPlanner() {
    }

    /**
     * A slice as cut, with the images its items ask about.
     *
     * @param slice the slice (no scene-graph marks yet)
     * @param images the images of its items, in file order
     */
    record Cut(Slice slice, Set<String> images) {
    }

    /**
     * The slices of a run.
     *
     * @param slices every slice, in file order
     * @param questions the questions they answer
     * @param resumed the questions an earlier local run had answered (skipped)
     */
    record Plan(List<Slice> slices, long questions, long resumed) {
    }

    /**
     * Cuts the questions file of a job.
     *
     * @param job the job
     * @param limit the first N items, or 0 for all
     * @param batchSize items per batch, as in the local run
     * @param partitionSize questions per slice (a slice ends at the first batch boundary at or past it)
     * @param done whether an earlier run answered a question
     */
    static <T> Plan plan(EvalJob<T> job, long limit, int batchSize, int partitionSize, Predicate<String> done) {
        Cutter cutter = new Cutter(partitionSize);
        long resumed = 0;
        try (DatasetReader<T> reader = job.open()) {
            Iterator<EvalItem<T>> items = job.items(reader);
            Batcher<T> batcher = new Batcher<>(batchSize);
            long read = 0;
            while (items.hasNext() && (limit == 0 || read < limit)) {
                EvalItem<T> item = items.next();
                read++;
                JsonItemStream.Mark mark = reader.mark();
                if (done.test(item.id())) {
                    cutter.done.add(new AbstractMap.SimpleImmutableEntry<>(mark.position(), item.id()));
                    resumed++;
                    continue;
                }
                cutter.fed.add(mark);
                List<EvalItem<T>> full = batcher.add(item);
                if (full != null) {
                    cutter.batch(full);
                }
            }
            List<EvalItem<T>> last = batcher.finish();
            if (last != null) {
                cutter.batch(last);
            }
            cutter.close();
        }
        List<Slice> slices = job.complete(cutter.cuts);
        return new Plan(slices, slices.stream().mapToLong(Slice::questions).sum(), resumed);
    }

    /** Turns batches into slices. */
    private static final class Cutter {
        final int partitionSize;
        final Deque<JsonItemStream.Mark> fed = new ArrayDeque<>(); // marks of items given to the batcher
        final Deque<Map.Entry<Long, String>> done = new ArrayDeque<>(); // position and id of skipped items
        final List<Cut> cuts = new ArrayList<>();
        JsonItemStream.Mark first;
        long last;
        long questions;
        Set<String> images = new LinkedHashSet<>();

        Cutter(int partitionSize) {
            this.partitionSize = partitionSize;
        }

        <T> void batch(List<EvalItem<T>> batch) {
            for (EvalItem<T> item : batch) {
                JsonItemStream.Mark m = fed.removeFirst();
                if (first == null) {
                    first = m;
                }
                last = m.position();
                questions++;
                images.add(item.image());
            }
            if (questions >= partitionSize) {
                close();
            }
        }

        void close() {
            if (first == null) {
                return;
            }
            List<String> skip = new ArrayList<>();
            while (!done.isEmpty() && done.peekFirst().getKey() <= last) {
                Map.Entry<Long, String> d = done.removeFirst();
                if (d.getKey() > first.position()) {
                    skip.add(d.getValue());
                }
            }
            cuts.add(new Cut(new Slice(cuts.size(), first, last - first.position() + 1, skip, questions, Map.of()),
                    images));
            first = null;
            questions = 0;
            images = new LinkedHashSet<>();
        }
    }
}
