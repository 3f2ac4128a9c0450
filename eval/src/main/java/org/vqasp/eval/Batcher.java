package org.vqasp.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups items, in file order, into the batches a run answers: a batch closes at {@code batchSize} items unless the
 * next item is about the same image as the last one, and at four times that in any case, so an image's consecutive
 * questions stay together. A local run and a Spark job form the same batches from the same items.
 *
 * @param <T> the item payload type
 */
public final class Batcher<T> {

    private final int batchSize;
    private List<EvalItem<T>> batch = new ArrayList<>();

    /**
     * Creates a batcher.
     *
     * @param batchSize items per batch (at least 1)
     */
    public Batcher(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Adds the next item.
     *
     * @return the batch that this item closed (the items before it), or null
     */
    public List<EvalItem<T>> add(EvalItem<T> item) {
        List<EvalItem<T>> closed = null;
        boolean sameImage = !batch.isEmpty() && batch.get(batch.size() - 1).image().equals(item.image());
        if (batch.size() >= batchSize && !sameImage || batch.size() >= 4 * batchSize) {
            closed = batch;
            batch = new ArrayList<>();
        }
        batch.add(item);
        return closed;
    }

    /** Returns the last, unfinished batch, or null when there is none; the batcher is empty afterwards. */
    public List<EvalItem<T>> finish() {
        List<EvalItem<T>> last = batch.isEmpty() ? null : batch;
        batch = new ArrayList<>();
        return last;
    }
}
