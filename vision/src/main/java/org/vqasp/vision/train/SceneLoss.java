package org.vqasp.vision.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.vqasp.vision.model.SceneNet;

/**
 * The training loss of a {@link SceneNet}, against targets made by {@link TargetEncoder}.
 *
 * <p>With P the output (B, S, 21), T the targets (B, S, 27), N the number of objects in the batch (at least 1):
 *
 * <ul>
 *   <li>presence: the penalty-reduced focal loss of CenterNet (Zhou et al. 2019, after Lin et al. 2017),
 *       {@code -[c (1-p)^2 log p + (1-c) (1-h)^4 p^2 log(1-p)] / N} with c the centre indicator and h the heat;
 *   <li>attributes: cross-entropy of each of the four soft-maxed groups at centre cells, summed, / N;
 *   <li>positions: L1 of the five regressions, weighted ({@link #REGRESSION_WEIGHTS}), / N.
 * </ul>
 */
public final class SceneLoss {

    /** Weights of the regressions: offset x, y; ground-plane x, y; depth. */
    static final float[] REGRESSION_WEIGHTS = {1f, 1f, 5f, 5f, 1f};

    private SceneLoss() {
    }

    /**
     * The three terms and their sum.
     *
     * @param total presence + attributes + positions, a scalar to differentiate
     * @param presence the focal term
     * @param attributes the cross-entropy term
     * @param positions the regression term
     */
    public record Terms(NDArray total, NDArray presence, NDArray attributes, NDArray positions) {
    }

    /**
     * Computes the loss.
     *
     * @param output (B, S, 21)
     * @param targets (B, S, 27)
     * @return the terms
     */
    public static Terms compute(NDArray output, NDArray targets) {
        NDArray logit = output.get(":, :, " + SceneNet.Outputs.PRESENCE); // (B, S)
        NDArray heat = targets.get(":, :, " + TargetEncoder.HEAT); // (B, S)
        NDArray centre = targets.get(":, :, " + TargetEncoder.CENTRE); // (B, S)
        NDArray n = centre.sum().maximum(1f); // scalar
        NDArray logP = Activation.softPlus(logit.neg()).neg(); // log sigmoid(x)
        NDArray log1mP = Activation.softPlus(logit).neg(); // log (1 - sigmoid(x))
        NDArray p = Activation.sigmoid(logit);
        NDArray pos = centre.mul(p.neg().add(1f).square()).mul(logP);
        NDArray neg = centre.neg().add(1f).mul(heat.neg().add(1f).pow(4)).mul(p.square()).mul(log1mP);
        NDArray presence = pos.add(neg).sum().neg().div(n);

        NDArray attributes = null;
        int targetStart = TargetEncoder.ONE_HOT;
        int[] sizes = {3, 8, 2, 2};
        for (int a = 0; a < 4; a++) {
            int s = SceneNet.Outputs.ATTRIBUTE_START[a];
            NDArray logSoft = output.get(":, :, " + s + ":" + (s + sizes[a])).logSoftmax(-1); // (B, S, k)
            NDArray oneHot = targets.get(":, :, " + targetStart + ":" + (targetStart + sizes[a])); // (B, S, k)
            NDArray ce = logSoft.mul(oneHot).sum().neg();
            attributes = attributes == null ? ce : attributes.add(ce);
            targetStart += sizes[a];
        }
        attributes = attributes.div(n);

        int r = SceneNet.Outputs.OFFSET;
        NDArray pred = output.get(":, :, " + r + ":" + (r + 5)); // (B, S, 5)
        NDArray goal = targets.get(":, :, " + TargetEncoder.REGRESSION + ":" + (TargetEncoder.REGRESSION + 5));
        NDArray weight = targets.get(":, :, " + TargetEncoder.WEIGHT + ":" + (TargetEncoder.WEIGHT + 5))
                .mul(output.getManager().create(REGRESSION_WEIGHTS)); // (B, S, 5)
        NDArray positions = pred.sub(goal).abs().mul(weight).sum().div(n);

        return new Terms(presence.add(attributes).add(positions), presence, attributes, positions);
    }
}
