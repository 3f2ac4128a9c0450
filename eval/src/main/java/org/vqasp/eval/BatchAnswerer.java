package org.vqasp.eval;

import java.util.List;

/**
 * Answers a batch of items (an image's questions are in one batch when they are consecutive in the file).
 * Called from several threads at once.
 *
 * @param <T> the item payload type
 */
@FunctionalInterface
public interface BatchAnswerer<T> {

    /**
     * Answers every item of a batch; never throws for one bad item, which gets an error outcome instead.
     *
     * @param batch readable items, in file order
     * @return one outcome per item, in the same order
     */
    List<Outcome> answer(List<EvalItem<T>> batch);
}
