package org.vqasp.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;

/**
 * Starts one attention block from the trained weights of another of the same width and head size: up-training in
 * the manner of Ainslie et al. (GQA) and Khan et al. (KDGQA/DGQA/PGQA), and TransMLA's GQA-to-MLA conversion.
 *
 * <ul>
 *   <li>Same parameters (names and shapes): copied, state included (GQA to KDGQA, DGQA or PGQA of the same G).
 *   <li>Key/value heads G_s to G_t: mean-pooled over G_s / G_t adjacent heads when G_t divides G_s (MHA to GQA or
 *       MQA, as Khan et al. and Ainslie et al. do), each head repeated G_t / G_s times when G_s divides G_t (exact:
 *       GQA to MHA computes the same function).
 *   <li>Query heads Hq_s to Hq_t (sparse-query targets): query rows mean-pooled and output columns summed over
 *       adjacent heads, or repeated with the output columns divided (exact).
 *   <li>GQA to MLA (TransMLA, Meng et al., arXiv:2502.07864): the latent is the stacked key and value projections,
 *       {@code W_c = [W_k; W_v]}, {@code b_c = [b_k; b_v]} (rank 2 G dh, further rows zero), and the up-projections
 *       select each query head's key/value head, so the MLA layer computes exactly the GQA layer's function with the
 *       same cache; fine-tuning then frees the up-projections. It reads the source's groups as inference uses them:
 *       equal groups, or DGQA's current counts; so it is exact from GQA, MHA, MQA, SQA and DGQA (not from KDGQA, whose
 *       groups change with every input, nor from PGQA, which centres its head outputs).
 *   <li>Router weights of a mixture target and DGQA state keep their fresh values unless the source has the same.
 * </ul>
 */
public final class AttentionConversion {

    private AttentionConversion() {
    }

    /**
     * Sets the weights of {@code target} from {@code source}; both must be initialised.
     *
     * @param target the block to set
     * @param source the trained block
     * @throws IllegalArgumentException when no mapping exists, naming the two blocks and why
     */
    public static void initialize(GroupedQueryAttention target, GroupedQueryAttention source) {
        if (target.embedDim() != source.embedDim() || target.headDim() != source.headDim()
                || target.hasBias() != source.hasBias()) {
            throw new IllegalArgumentException("cannot start " + target + " from " + source
                    + ": width, head size and biases must match");
        }
        ParameterList to = target.getParameters();
        ParameterList from = source.getParameters();
        boolean same = to.size() == from.size();
        for (var p : to) {
            Parameter q = from.get(p.getKey());
            same &= q != null && q.getArray().getShape().equals(p.getValue().getArray().getShape());
        }
        if (same) {
            for (var p : to) {
                p.getValue().getArray().set(from.get(p.getKey()).getArray().toFloatArray());
            }
            return;
        }
        if (source.latentRank() > 0) {
            throw new IllegalArgumentException("cannot start " + target + " from the latent layer " + source
                    + ": only a latent layer of the same rank and head counts can");
        }
        int dh = target.headDim();
        int d = target.embedDim();
        int hqs = source.numQueryHeads();
        int hqt = target.numQueryHeads();
        int gs = source.numKvHeads();
        set(to, "queryWeight", rows(get(from, "queryWeight"), hqs, hqt, dh, d, false));
        set(to, "outputWeight", columns(get(from, "outputWeight"), d, hqs, hqt, dh));
        if (target.hasBias()) {
            set(to, "queryBias", rows(get(from, "queryBias"), hqs, hqt, dh, 1, false));
            set(to, "outputBias", get(from, "outputBias"));
        }
        if (target.latentRank() > 0) {
            int r = target.latentRank();
            if (r < 2 * gs * dh) {
                throw new IllegalArgumentException("cannot start " + target + " from " + source + ": a latent of rank "
                        + r + " cannot hold its keys and values exactly; use rank >= 2 G dh = " + 2 * gs * dh);
            }
            float[] latent = new float[r * d];
            float[] wk = get(from, "keyWeight");
            float[] wv = get(from, "valueWeight");
            System.arraycopy(wk, 0, latent, 0, wk.length);
            System.arraycopy(wv, 0, latent, wk.length, wv.length);
            set(to, "latentWeight", latent);
            if (target.hasBias()) {
                float[] lb = new float[r];
                float[] bk = get(from, "keyBias");
                float[] bv = get(from, "valueBias");
                System.arraycopy(bk, 0, lb, 0, bk.length);
                System.arraycopy(bv, 0, lb, bk.length, bv.length);
                set(to, "latentBias", lb);
            }
            float[] keyUp = new float[hqt * dh * r];
            float[] valueUp = new float[hqt * dh * r];
            // each source query head's key/value head: DGQA's counts as they stand (fixed at inference), else equal
            int[] kvOf = HeadAllocation.kvHeadOfQueryHead(source.currentAllocation());
            for (int h = 0; h < hqt; h++) {
                int g = kvOf[(int) ((long) h * hqs / hqt)]; // the source key/value head of target head h
                for (int j = 0; j < dh; j++) {
                    keyUp[(h * dh + j) * r + g * dh + j] = 1;
                    valueUp[(h * dh + j) * r + gs * dh + g * dh + j] = 1;
                }
            }
            set(to, "keyUpWeight", keyUp);
            set(to, "valueUpWeight", valueUp);
            return;
        }
        int gt = target.numKvHeads();
        set(to, "keyWeight", rows(get(from, "keyWeight"), gs, gt, dh, d, true));
        set(to, "valueWeight", rows(get(from, "valueWeight"), gs, gt, dh, d, true));
        if (target.hasBias()) {
            set(to, "keyBias", rows(get(from, "keyBias"), gs, gt, dh, 1, true));
            set(to, "valueBias", rows(get(from, "valueBias"), gs, gt, dh, 1, true));
        }
        for (String name : new String[] {"routerWeight", "routerBias"}) {
            Parameter t = to.get(name);
            Parameter s = from.get(name);
            if (t != null && s != null && t.getArray().getShape().equals(s.getArray().getShape())) {
                t.getArray().set(s.getArray().toFloatArray());
            }
        }
    }

    private static float[] get(ParameterList params, String name) {
        return params.get(name).getArray().toFloatArray();
    }

    private static void set(ParameterList params, String name, float[] values) {
        NDArray a = params.get(name).getArray();
        if (a.size() != values.length) {
            throw new IllegalStateException(name + ": " + values.length + " values for " + a.getShape());
        }
        a.set(values);
    }

    /**
     * Regroups head-major rows, (fromHeads * dh, cols) to (toHeads * dh, cols): means of adjacent heads when
     * {@code toHeads} divides {@code fromHeads}, repeated heads when {@code fromHeads} divides {@code toHeads}.
     */
    static float[] rows(float[] w, int fromHeads, int toHeads, int dh, int cols, boolean keyValue) {
        if (fromHeads == toHeads) {
            return w;
        }
        float[] out = new float[toHeads * dh * cols];
        int block = dh * cols;
        if (fromHeads % toHeads == 0) {
            int f = fromHeads / toHeads;
            for (int t = 0; t < toHeads; t++) {
                for (int i = 0; i < block; i++) {
                    double sum = 0;
                    for (int k = 0; k < f; k++) {
                        sum += w[(t * f + k) * block + i];
                    }
                    out[t * block + i] = (float) (sum / f);
                }
            }
        } else if (toHeads % fromHeads == 0) {
            int f = toHeads / fromHeads;
            for (int t = 0; t < toHeads; t++) {
                System.arraycopy(w, (t / f) * block, out, t * block, block);
            }
        } else {
            throw new IllegalArgumentException((keyValue ? "key/value" : "query") + " heads " + fromHeads + " -> "
                    + toHeads + ": one count must divide the other");
        }
        return out;
    }

    /**
     * Regroups the head-major columns of the output projection, (rows, fromHeads * dh) to (rows, toHeads * dh):
     * sums over merged heads, or repeated heads sharing their column equally, so that equal head outputs give the
     * same result.
     */
    static float[] columns(float[] w, int rowCount, int fromHeads, int toHeads, int dh) {
        if (fromHeads == toHeads) {
            return w;
        }
        int inCols = fromHeads * dh;
        int outCols = toHeads * dh;
        float[] out = new float[rowCount * outCols];
        if (fromHeads % toHeads == 0) {
            int f = fromHeads / toHeads;
            for (int row = 0; row < rowCount; row++) {
                for (int t = 0; t < toHeads; t++) {
                    for (int j = 0; j < dh; j++) {
                        double sum = 0;
                        for (int k = 0; k < f; k++) {
                            sum += w[row * inCols + (t * f + k) * dh + j];
                        }
                        out[row * outCols + t * dh + j] = (float) sum;
                    }
                }
            }
        } else if (toHeads % fromHeads == 0) {
            int f = toHeads / fromHeads;
            for (int row = 0; row < rowCount; row++) {
                for (int t = 0; t < toHeads; t++) {
                    for (int j = 0; j < dh; j++) {
                        out[row * outCols + t * dh + j] = w[row * inCols + (t / f) * dh + j] / f;
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("query heads " + fromHeads + " -> " + toHeads
                    + ": one count must divide the other");
        }
        return out;
    }
}
