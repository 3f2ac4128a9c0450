package org.vqasp.nn;

import java.util.Arrays;

/**
 * How the Hq query heads of a {@link GroupedQueryAttention} are shared out among its G key/value heads.
 *
 * <p>Query heads are always taken in order: with counts (a_0, ..., a_{G-1}), the first a_0 query heads read key/value
 * head 0, the next a_1 read head 1, and so on. The counts sum to Hq; a key/value head may get none.
 *
 * <ul>
 *   <li>{@link Uniform}: a_g = Hq / G, grouped-query attention (Ainslie et al., EMNLP 2023).
 *   <li>{@link KeyNorm}: KDGQA (Khan et al., "Beyond Uniform Query Distribution: Key-Driven Grouped Query
 *       Attention", arXiv:2408.08454, 2024): at every forward pass, each sample's key heads are weighed by their
 *       L2 norms (over tokens and channels), min-max scaled, and the query heads shared out in proportion.
 *   <li>{@link EmaKeyNorm}: DGQA (same paper): the key-head norms are tracked through training as an exponential
 *       moving average, and the counts are recomputed from that average every {@code window} training steps; between
 *       updates and at inference the counts are fixed (they are part of the saved model).
 *   <li>{@link Perturbed}: PGQA (same paper): uniform, static groups; each query head's attention output is
 *       centred, and in training perturbed by Gaussian noise of its own standard deviation times {@code noise}.
 * </ul>
 *
 * <p>Rounding and ties ({@code docs/attention.md}): quotas {@code Hq * w_g / sum(w)} are rounded by largest
 * remainder (floors first, then one more head to the largest fractional parts, lower index first on ties), so the
 * counts always sum to Hq. The reference code divides 0 by 0 when all key norms are equal (min-max scaling with
 * max = min); here equal, all-zero or non-finite weights give the uniform counts.
 */
public sealed interface HeadAllocation
        permits HeadAllocation.Uniform, HeadAllocation.KeyNorm, HeadAllocation.EmaKeyNorm, HeadAllocation.Perturbed {

    /** Grouped-query attention's static, equal groups. */
    record Uniform() implements HeadAllocation {
    }

    /** KDGQA: counts from each sample's min-max scaled key-head norms, at every forward pass. */
    record KeyNorm() implements HeadAllocation {
    }

    /**
     * DGQA: counts from a moving average of key-head norms kept through training.
     *
     * @param decay weight of the old average at each training step, in [0, 1)
     * @param window training steps between recomputations of the counts, at least 1
     */
    record EmaKeyNorm(double decay, int window) implements HeadAllocation {

        /** Checks the values. */
        public EmaKeyNorm {
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("EMA decay " + decay + " must be in [0, 1)");
            }
            if (window < 1) {
                throw new IllegalArgumentException("allocation window " + window + " must be at least 1");
            }
        }
    }

    /**
     * PGQA: static groups whose head outputs are centred and, in training, perturbed.
     *
     * @param noise standard deviation of the noise relative to each head output's own, at least 0
     */
    record Perturbed(double noise) implements HeadAllocation {

        /** Checks the value. */
        public Perturbed {
            if (!(noise >= 0) || Double.isInfinite(noise)) {
                throw new IllegalArgumentException("PGQA noise " + noise + " must be finite and >= 0");
            }
        }
    }

    /** Returns the equal counts Hq / G for every key/value head. */
    static int[] uniform(int queryHeads, int kvHeads) {
        int[] counts = new int[kvHeads];
        Arrays.fill(counts, queryHeads / kvHeads);
        return counts;
    }

    /**
     * Shares {@code queryHeads} out in proportion to non-negative weights, by largest remainder.
     *
     * @param weights one per key/value head
     * @param queryHeads Hq, divisible by the number of weights
     * @return counts summing to Hq; the uniform counts when the weights sum to 0 or any is not finite
     */
    static int[] proportional(double[] weights, int queryHeads) {
        int g = weights.length;
        double sum = 0;
        for (double w : weights) {
            if (!Double.isFinite(w) || w < 0) {
                return uniform(queryHeads, g);
            }
            sum += w;
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            return uniform(queryHeads, g);
        }
        int[] counts = new int[g];
        double[] remainder = new double[g];
        int assigned = 0;
        for (int i = 0; i < g; i++) {
            double quota = queryHeads * weights[i] / sum;
            counts[i] = (int) Math.floor(quota);
            remainder[i] = quota - counts[i];
            assigned += counts[i];
        }
        for (int left = queryHeads - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < g; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainder[best] = -1;
        }
        return counts;
    }

    /**
     * KDGQA's counts: key-head norms min-max scaled to [0, 1], then shared out by {@link #proportional}.
     *
     * <p>Tie rule: when the largest and smallest norms are equal (including all zero) or any norm is not finite,
     * min-max scaling is undefined (0 / 0); the counts are then uniform, never NaN.
     *
     * @param norms one per key/value head
     * @param queryHeads Hq
     * @return counts summing to Hq
     */
    static int[] minMaxProportional(double[] norms, int queryHeads) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double n : norms) {
            if (!Double.isFinite(n)) {
                return uniform(queryHeads, norms.length);
            }
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        if (!(max > min)) {
            return uniform(queryHeads, norms.length);
        }
        double[] scaled = new double[norms.length];
        for (int i = 0; i < norms.length; i++) {
            scaled[i] = (norms[i] - min) / (max - min);
        }
        return proportional(scaled, queryHeads);
    }

    /** Returns, for every query head in order, the key/value head it reads under {@code counts}. */
    static int[] kvHeadOfQueryHead(int[] counts) {
        int total = Arrays.stream(counts).sum();
        int[] map = new int[total];
        int h = 0;
        for (int g = 0; g < counts.length; g++) {
            for (int i = 0; i < counts[g]; i++) {
                map[h++] = g;
            }
        }
        return map;
    }
}
