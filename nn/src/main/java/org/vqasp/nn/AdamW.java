package org.vqasp.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019),
 * whose moments can be saved and restored, so that a resumed run continues exactly where it stopped.
 *
 * <p>Each {@link #step} reads the gradient of every trainable parameter, updates the parameter in place and
 * clears the gradient. Decay applies to weights with two or more axes other than the position embedding. Not
 * thread-safe.
 */
public final class AdamW implements AutoCloseable {

    private final NDManager manager;
    private final List<Parameter> params = new ArrayList<>();
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private final List<Boolean> decay = new ArrayList<>();
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private long steps;

    /**
     * Creates the optimiser over the trainable parameters of a block.
     *
     * @param parent manager the moments are created under
     * @param parameters the block's parameters ({@code block.getParameters()})
     * @param weightDecay decoupled decay per unit learning rate
     */
    public AdamW(NDManager parent, PairList<String, Parameter> parameters, float weightDecay) {
        this.manager = parent.newSubManager();
        this.beta1 = 0.9f;
        this.beta2 = 0.999f;
        this.epsilon = 1e-8f;
        this.weightDecay = weightDecay;
        for (Pair<String, Parameter> e : parameters) {
            Parameter p = e.getValue();
            if (!p.requiresGradient()) {
                continue;
            }
            params.add(p);
            NDArray w = p.getArray();
            first.add(manager.zeros(w.getShape(), w.getDataType()));
            second.add(manager.zeros(w.getShape(), w.getDataType()));
            decay.add(w.getShape().dimension() >= 2 && !e.getKey().contains("position"));
        }
    }

    /** Returns the number of updates made so far. */
    public long steps() {
        return steps;
    }

    /**
     * Updates every parameter from its gradient and clears the gradient.
     *
     * @param learningRate the step size of this update
     */
    public void step(float learningRate) {
        steps++;
        float c1 = (float) (1 - Math.pow(beta1, steps));
        float c2 = (float) (1 - Math.pow(beta2, steps));
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            NDArray g = w.getGradient();
            try (NDManager scratch = manager.newSubManager()) {
                // every temporary must live in scratch: an op's result joins its first operand's manager
                g.attach(scratch);
                NDArray m = first.get(i);
                NDArray v = second.get(i);
                m.muli(beta1).addi(g.mul(1 - beta1));
                v.muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray mHat = m.duplicate();
                mHat.attach(scratch);
                NDArray vHat = v.duplicate();
                vHat.attach(scratch);
                NDArray update = mHat.divi(c1).divi(vHat.divi(c2).sqrt().addi(epsilon));
                if (decay.get(i)) {
                    NDArray decayed = w.duplicate();
                    decayed.attach(scratch);
                    update.addi(decayed.muli(weightDecay));
                }
                w.subi(update.muli(learningRate));
                g.subi(g); // gradients accumulate across backward passes: clear in place
            }
        }
    }

    /** Returns the moments, first then second per parameter, for {@link #restore}. */
    public NDList state() {
        NDList list = new NDList();
        list.addAll(first);
        list.addAll(second);
        return list;
    }

    /**
     * Restores moments and step count saved by {@link #state()} and {@link #steps()}.
     *
     * @param state the moments
     * @param savedSteps the step count
     */
    public void restore(NDList state, long savedSteps) {
        if (state.size() != 2 * params.size()) {
            throw new IllegalArgumentException("optimiser state has " + state.size() + " arrays, expected "
                    + 2 * params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            first.get(i).set(state.get(i).toFloatArray());
            second.get(i).set(state.get(params.size() + i).toFloatArray());
        }
        steps = savedSteps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
