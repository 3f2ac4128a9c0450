package org.vqasp.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.vqasp.core.Medians;

/**
 * Times several blocks in turns on the same input: a forward pass, and a forward and backward pass, repeated; the
 * median of each. The blocks take turns within every round, and each round starts with the next block, so that
 * load from other processes falls on all alike and no block always runs first (on this machine the first block of
 * a round measured up to 30% slower). Used by {@code vqa bench attention} and {@code vqa study attention}.
 */
public final class TurnTimer {

    private TurnTimer() {
    }

    /**
     * The median seconds of each block.
     *
     * @param forward a forward pass (inference)
     * @param forwardBackward a forward pass in training mode and the backward pass of its loss
     */
    public record Times(double forward, double forwardBackward) {
    }

    /**
     * Times the blocks, which must be initialised (the backward pass computes the gradients of the parameters that
     * require them).
     *
     * @param manager the manager whose sub-managers hold each pass's arrays
     * @param blocks the blocks, each taking {@code input} alone
     * @param input the input (copied for every pass)
     * @param inputGradient whether the input requires a gradient (a layer inside a network) or not (images)
     * @param loss the scalar loss of a block's training-mode outputs
     * @param warmup untimed rounds
     * @param runs timed rounds (at least 1)
     * @return the median times, one per block in order
     */
    public static List<Times> time(NDManager manager, List<? extends Block> blocks, NDArray input,
            boolean inputGradient, Function<NDList, NDArray> loss, int warmup, int runs) {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("runs must be at least 1 and warmup at least 0: " + runs + ", "
                    + warmup);
        }
        int n = blocks.size();
        ParameterStore ps = new ParameterStore(manager, false);
        double[][] fwd = new double[n][runs];
        double[][] train = new double[n][runs];
        for (int run = -warmup; run < runs; run++) {
            for (int turn = 0; turn < n; turn++) {
                int k = Math.floorMod(turn + run, n);
                Block block = blocks.get(k);
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = input.duplicate();
                    x.attach(step);
                    long t0 = System.nanoTime();
                    block.forward(ps, new NDList(x), false).attach(step);
                    long t1 = System.nanoTime();
                    if (run >= 0) {
                        fwd[k][run] = (t1 - t0) / 1e9;
                    }
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = input.duplicate();
                    x.attach(step);
                    x.setRequiresGradient(inputGradient);
                    long t0 = System.nanoTime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(loss.apply(block.forward(ps, new NDList(x), true)));
                        gc.zeroGradients();
                    }
                    long t1 = System.nanoTime();
                    if (run >= 0) {
                        train[k][run] = (t1 - t0) / 1e9;
                    }
                }
            }
        }
        return IntStream.range(0, n).mapToObj(k -> new Times(median(fwd[k]), median(train[k])))
                .toList();
    }

    /** Returns the median of the values (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        return Medians.of(values);
    }
}
