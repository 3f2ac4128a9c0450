package org.vqasp.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * mixSGA's token-wise mixture of key/value group sizes (Song et al., "Mixture of Weight-shared Heterogeneous Group
 * Attention Experts for Dynamic Token-wise KV Optimization", arXiv:2506.13541, EMNLP 2025), as a
 * {@link GroupedQueryAttention} option.
 *
 * <p>Each expert e has G_e key/value heads. The experts share one key and one value projection with G_0 = max G_e
 * heads; expert e's heads are the means of G_0 / G_e adjacent shared heads (weight sharing). A router (a linear
 * layer D -> E with a softmax, learned) scores every key token for every expert; experts then choose tokens in the
 * order listed (expert choice): expert e takes the {@link #capacities capacity} C_e tokens it scores highest among
 * those not yet taken, and the last expert takes the rest, so every token has exactly one expert and none is
 * dropped. A token's keys and values are its expert's heads, each read by the Hq / G_e query heads of its group;
 * its values are multiplied by the gate {@code p / stop_gradient(p)}, p the router probability of its expert: one in
 * the forward pass, so the routing is hard (one-hot) in training and at inference alike and an up-trained model
 * starts from its source's function, while in backward the router gets the gradient a soft gate {@code p} would
 * give. The auxiliary loss is {@code lossWeight} times the mean over tokens of {@code -log(gate)}: the
 * cross-entropy of the router against the experts' choice, zero exactly when the routing is one-hot and the
 * router's own arg-max agrees with the choice (the paper's training-inference consistency; its exact form is not
 * given there: {@code docs/attention.md}).
 *
 * @param expertKvHeads G_e per expert, in choosing order (finest first gives the most important tokens the most
 *     heads); each divides max G_e
 * @param capacities share of the tokens each expert takes, positive, summing to 1
 * @param lossWeight weight of the auxiliary routing loss, at least 0
 */
public record GroupMixture(List<Integer> expertKvHeads, List<Double> capacities, double lossWeight) {

    /** Checks the values. */
    public GroupMixture {
        expertKvHeads = List.copyOf(expertKvHeads);
        capacities = List.copyOf(capacities);
        if (expertKvHeads.isEmpty() || expertKvHeads.size() != capacities.size()) {
            throw new IllegalArgumentException("mixture needs one capacity per expert, got experts " + expertKvHeads
                    + " and capacities " + capacities);
        }
        int max = expertKvHeads.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int g : expertKvHeads) {
            if (g <= 0 || max % g != 0) {
                throw new IllegalArgumentException("expert key/value heads " + expertKvHeads
                        + " must be positive and divide the largest, " + max);
            }
        }
        double sum = 0;
        for (double c : capacities) {
            if (!(c > 0) || c > 1) {
                throw new IllegalArgumentException("capacities " + capacities + " must be in (0, 1]");
            }
            sum += c;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("capacities " + capacities + " must sum to 1, sum " + sum);
        }
        if (!(lossWeight >= 0) || Double.isInfinite(lossWeight)) {
            throw new IllegalArgumentException("router loss weight " + lossWeight + " must be finite and >= 0");
        }
    }

    /** Returns E, the number of experts. */
    public int experts() {
        return expertKvHeads.size();
    }

    /** Returns G_0, the heads of the shared key/value projections: the largest G_e. */
    public int sharedKvHeads() {
        return expertKvHeads.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /**
     * Returns how many of {@code tokens} tokens each expert takes: {@code round(c_e * S)} for all but the last
     * (never more than are left), and the rest for the last.
     */
    public int[] capacities(int tokens) {
        int e = experts();
        int[] caps = new int[e];
        int left = tokens;
        for (int i = 0; i < e - 1; i++) {
            caps[i] = (int) Math.min(left, Math.round(capacities.get(i) * tokens));
            left -= caps[i];
        }
        caps[e - 1] = left;
        return caps;
    }

    /**
     * Expert-choice routing of one batch.
     *
     * @param probs router probabilities, (B, S, E) in row-major order
     * @param batch B
     * @param tokens S
     * @param capacities tokens per expert, summing to S ({@link #capacities(int)})
     * @return the expert of every token, (B, S) in row-major order
     */
    public static int[] route(float[] probs, int batch, int tokens, int[] capacities) {
        int e = capacities.length;
        int[] expert = new int[batch * tokens];
        for (int b = 0; b < batch; b++) {
            boolean[] taken = new boolean[tokens];
            for (int i = 0; i < e; i++) {
                List<Integer> free = new ArrayList<>();
                for (int t = 0; t < tokens; t++) {
                    if (!taken[t]) {
                        free.add(t);
                    }
                }
                final int base = b * tokens * e;
                final int ex = i;
                // highest probability first; equal probabilities: lower token index first (stable sort)
                free.sort((x, y) -> Float.compare(probs[base + y * e + ex], probs[base + x * e + ex]));
                int take = i == e - 1 ? free.size() : Math.min(capacities[i], free.size());
                for (int k = 0; k < take; k++) {
                    int t = free.get(k);
                    taken[t] = true;
                    expert[b * tokens + t] = i;
                }
            }
        }
        return expert;
    }

    /** Returns a label such as {@code 4/1@0.33/0.67}. */
    public String label() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < experts(); i++) {
            s.append(i == 0 ? "" : "/").append(expertKvHeads.get(i));
        }
        s.append('@');
        for (int i = 0; i < experts(); i++) {
            s.append(i == 0 ? "" : "/").append(String.format(java.util.Locale.ROOT, "%.2f", capacities.get(i)));
        }
        return s.toString();
    }
}
