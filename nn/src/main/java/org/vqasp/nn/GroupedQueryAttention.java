package org.vqasp.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Scaled dot-product attention with separate counts of query heads and key/value heads, so that multi-head,
 * grouped-query, multi-query and sparse-query attention are one block with different settings.
 *
 * <p>Notation used in every shape below:
 *
 * <ul>
 *   <li>B: batch size; Sq: query length; Sk: key/value length (Sk = Sq for self-attention);
 *   <li>D: embedding size of the query input and of the output ({@code embedDim});
 *   <li>Dkv: embedding size of the key/value input (D for self-attention, inferred for cross-attention);
 *   <li>H: the model's head count ({@code numHeads}); every head has dh = D / H channels;
 *   <li>Hq: query heads ({@code numQueryHeads}, at most H); G: key/value heads ({@code numKvHeads}, dividing Hq);
 *   <li>r = Hq / G: query heads sharing one key/value head.
 * </ul>
 *
 * <p>Settings:
 *
 * <ul>
 *   <li>multi-head attention (Vaswani et al., "Attention Is All You Need", NeurIPS 2017): Hq = G = H;
 *   <li>grouped-query attention (Ainslie et al., "GQA: Training Generalized Multi-Query Transformer Models from
 *       Multi-Head Checkpoints", EMNLP 2023): Hq = H and 1 &lt; G &lt; H; query head h uses key/value head h / r;
 *   <li>multi-query attention (Shazeer, "Fast Transformer Decoding: One Write-Head is All You Need",
 *       arXiv:1911.02150, 2019): G = 1;
 *   <li>sparse query attention (Filipek, "Sparse Query Attention (SQA): A Computationally Efficient Attention
 *       Mechanism with Query Heads Reduction", arXiv:2510.01817, 2025): Hq &lt; H while the head size stays
 *       dh = D / H, so the query and output projections shrink to Hq * dh channels and the score and value
 *       products cost Hq / H of multi-head attention. Its symmetric variant (sSQA) is Hq = G = H / 2, its extreme
 *       variant (xSQA) Hq = G = H / 4; any G dividing Hq is allowed.
 * </ul>
 *
 * <p>Inputs, in this order (the configuration fixes which are present):
 *
 * <ol>
 *   <li>x: (B, Sq, D), the queries, and for self-attention also the keys and values;
 *   <li>memory: (B, Sk, Dkv), the keys and values, only with {@link Builder#optCrossAttention(boolean)};
 *   <li>keyMask: (B, Sk), non-zero for real keys and zero for padding, only with
 *       {@link Builder#optKeyPaddingMask(boolean)}.
 * </ol>
 *
 * <p>Output: (B, Sq, D).
 *
 * <p>Parameters: {@code queryWeight} (Hq * dh, D), {@code keyWeight} and {@code valueWeight} (G * dh, Dkv),
 * {@code outputWeight} (D, Hq * dh), and a bias for each unless {@link Builder#optBias(boolean)} is false.
 *
 * <p>DJL has no fused attention operator, so {@link #attention} computes attention from {@code matMul} and
 * {@code softmax}. It never repeats keys or values: the r query heads of each group are folded into rows,
 * {@code (B, Hq, Sq, dh) -> (B, G, r * Sq, dh)}, and multiplied by the group's keys {@code (B, G, dh, Sk)}.
 * Those rows are processed in blocks whose score tensor holds at most {@link Builder#optMaxScoreElements(long)}
 * elements, so that a long sequence never materialises its whole (B, G, r * Sq, Sk) score tensor at once: each
 * block's scores are released as soon as its output is computed (autograd keeps what backward needs).
 */
public class GroupedQueryAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    /**
     * Default bound on the elements of one block of attention scores: 4 Mi floats, 16 MiB, small enough for the
     * allocator to reuse memory between blocks instead of mapping fresh pages for each.
     */
    public static final long DEFAULT_MAX_SCORE_ELEMENTS = 1L << 22;

    private final int embedDim;
    private final int numHeads;
    private final int numQueryHeads;
    private final int numKvHeads;
    private final boolean crossAttention;
    private final boolean keyPaddingMask;
    private final boolean bias;
    private final long maxScoreElements;

    private final Parameter queryWeight;
    private final Parameter keyWeight;
    private final Parameter valueWeight;
    private final Parameter outputWeight;
    private final Parameter queryBias;
    private final Parameter keyBias;
    private final Parameter valueBias;
    private final Parameter outputBias;

    /** Creates the block from a checked builder; use {@link #builder()}. */
    protected GroupedQueryAttention(Builder builder) {
        super(VERSION);
        embedDim = builder.embedDim;
        numHeads = builder.numHeads;
        numQueryHeads = builder.numQueryHeads;
        numKvHeads = builder.numKvHeads;
        crossAttention = builder.crossAttention;
        keyPaddingMask = builder.keyPaddingMask;
        bias = builder.bias;
        maxScoreElements = builder.maxScoreElements;
        queryWeight = addParameter(weight("queryWeight"));
        keyWeight = addParameter(weight("keyWeight"));
        valueWeight = addParameter(weight("valueWeight"));
        outputWeight = addParameter(weight("outputWeight"));
        queryBias = bias ? addParameter(bias("queryBias")) : null;
        keyBias = bias ? addParameter(bias("keyBias")) : null;
        valueBias = bias ? addParameter(bias("valueBias")) : null;
        outputBias = bias ? addParameter(bias("outputBias")) : null;
    }

    private static Parameter weight(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    }

    private static Parameter bias(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BIAS).build();
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns D, the size of the query input and of the output. */
    public int embedDim() {
        return embedDim;
    }

    /** Returns H, the model's head count that fixes the head size D / H. */
    public int numHeads() {
        return numHeads;
    }

    /** Returns Hq, the number of query heads. */
    public int numQueryHeads() {
        return numQueryHeads;
    }

    /** Returns G, the number of key/value heads. */
    public int numKvHeads() {
        return numKvHeads;
    }

    /** Returns dh = D / H. */
    public int headDim() {
        return embedDim / numHeads;
    }

    /** Returns whether keys and values come from a second input. */
    public boolean isCrossAttention() {
        return crossAttention;
    }

    /** Returns whether the last input is a key padding mask. */
    public boolean hasKeyPaddingMask() {
        return keyPaddingMask;
    }

    /** Returns the number of inputs that {@code forward} expects: 1, 2 or 3. */
    public int inputCount() {
        return 1 + (crossAttention ? 1 : 0) + (keyPaddingMask ? 1 : 0);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != inputCount()) {
            throw new IllegalArgumentException("GroupedQueryAttention expects " + inputCount() + " inputs (x"
                    + (crossAttention ? ", memory" : "") + (keyPaddingMask ? ", keyMask" : "") + "), got "
                    + inputs.size());
        }
        NDArray x = inputs.get(0); // (B, Sq, D)
        NDArray memory = crossAttention ? inputs.get(1) : x; // (B, Sk, Dkv)
        NDArray keyMask = keyPaddingMask ? inputs.get(inputs.size() - 1) : null; // (B, Sk)
        var device = x.getDevice();
        NDArray out = selfOrCross(x, memory, keyMask,
                ps.getValue(queryWeight, device, training), value(ps, queryBias, device, training),
                ps.getValue(keyWeight, device, training), value(ps, keyBias, device, training),
                ps.getValue(valueWeight, device, training), value(ps, valueBias, device, training),
                ps.getValue(outputWeight, device, training), value(ps, outputBias, device, training),
                numQueryHeads, numKvHeads, maxScoreElements);
        return new NDList(out);
    }

    private static NDArray value(ParameterStore ps, Parameter p, ai.djl.Device device, boolean training) {
        return p == null ? null : ps.getValue(p, device, training);
    }

    /**
     * Projects, attends and projects back: the whole block as a function of its weights.
     *
     * @param x queries, (B, Sq, D)
     * @param memory keys and values, (B, Sk, Dkv); pass {@code x} for self-attention
     * @param keyMask (B, Sk), non-zero for real keys, or null
     * @param wq (Hq * dh, D); {@code bq} (Hq * dh) or null
     * @param wk (G * dh, Dkv); {@code bk} (G * dh) or null
     * @param wv (G * dh, Dkv); {@code bv} (G * dh) or null
     * @param wo (D, Hq * dh); {@code bo} (D) or null
     * @param numQueryHeads Hq
     * @param numKvHeads G, dividing Hq
     * @param maxScoreElements bound on the elements of one block of scores, see {@link #attention}
     * @return (B, Sq, D)
     */
    public static NDArray selfOrCross(NDArray x, NDArray memory, NDArray keyMask,
            NDArray wq, NDArray bq, NDArray wk, NDArray bk, NDArray wv, NDArray bv, NDArray wo, NDArray bo,
            int numQueryHeads, int numKvHeads, long maxScoreElements) {
        long b = x.getShape().get(0);
        long sq = x.getShape().get(1);
        long sk = memory.getShape().get(1);
        long dh = wq.getShape().get(0) / numQueryHeads;
        NDArray q = linear(x, wq, bq) // (B, Sq, Hq * dh)
                .reshape(b, sq, numQueryHeads, dh) // (B, Sq, Hq, dh)
                .transpose(0, 2, 1, 3); // (B, Hq, Sq, dh)
        NDArray k = linear(memory, wk, bk) // (B, Sk, G * dh)
                .reshape(b, sk, numKvHeads, dh) // (B, Sk, G, dh)
                .transpose(0, 2, 1, 3); // (B, G, Sk, dh)
        NDArray v = linear(memory, wv, bv)
                .reshape(b, sk, numKvHeads, dh)
                .transpose(0, 2, 1, 3); // (B, G, Sk, dh)
        NDArray heads = attention(q, k, v, keyMask, maxScoreElements) // (B, Hq, Sq, dh)
                .transpose(0, 2, 1, 3) // (B, Sq, Hq, dh)
                .reshape(b, sq, numQueryHeads * dh); // (B, Sq, Hq * dh)
        return linear(heads, wo, bo); // (B, Sq, D)
    }

    private static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return b == null ? Linear.linear(x, w).head() : Linear.linear(x, w, b).head();
    }

    /**
     * Grouped scaled dot-product attention with the default block bound, see
     * {@link #attention(NDArray, NDArray, NDArray, NDArray, long)}.
     */
    public static NDArray attention(NDArray query, NDArray key, NDArray value, NDArray keyMask) {
        return attention(query, key, value, keyMask, DEFAULT_MAX_SCORE_ELEMENTS);
    }

    /**
     * Grouped scaled dot-product attention, {@code softmax(q k^T / sqrt(dh)) v} per query head, where query head
     * {@code h} reads key/value head {@code h / r}; keys and values are never repeated.
     *
     * <p>The r query heads of a group are folded into the row axis: q (B, Hq, Sq, dh) becomes (B, G, r * Sq, dh)
     * (a free reshape, because the heads of a group are adjacent), is multiplied by k^T (B, G, dh, Sk), soft-maxed
     * over Sk and multiplied by v (B, G, Sk, dh), then unfolded. A key whose mask entry is zero gets weight 0;
     * a query whose keys are all masked gets the mean of all values.
     *
     * <p>The folded rows are split into blocks of {@code n} rows with {@code B * G * n * Sk <= maxScoreElements}
     * (at least one row); each block's scores and weights are closed once its output exists, and the block outputs
     * are concatenated. Rows are independent, so the result does not depend on the block size.
     *
     * @param query (B, Hq, Sq, dh)
     * @param key (B, G, Sk, dh), with Hq divisible by G
     * @param value (B, G, Sk, dh)
     * @param keyMask (B, Sk), non-zero for real keys, or null for no padding
     * @param maxScoreElements bound on the elements of one block of scores, positive
     * @return (B, Hq, Sq, dh)
     */
    public static NDArray attention(NDArray query, NDArray key, NDArray value, NDArray keyMask,
            long maxScoreElements) {
        Shape qs = query.getShape();
        long b = qs.get(0);
        long hq = qs.get(1);
        long sq = qs.get(2);
        long dh = qs.get(3);
        long g = key.getShape().get(1);
        long sk = key.getShape().get(2);
        if (hq % g != 0) {
            throw new IllegalArgumentException("query heads " + hq + " not divisible by key/value heads " + g);
        }
        if (maxScoreElements < 1) {
            throw new IllegalArgumentException("maxScoreElements must be positive, got " + maxScoreElements);
        }
        long r = hq / g;
        long rows = r * sq;
        long blockRows = Math.max(1, Math.min(rows, maxScoreElements / Math.max(1, b * g * sk)));
        NDArray folded = query.mul((float) (1.0 / Math.sqrt(dh))) // (B, Hq, Sq, dh)
                .reshape(b, g, rows, dh); // (B, G, r * Sq, dh)
        NDArray keyT = key.transpose(0, 1, 3, 2); // (B, G, dh, Sk)
        NDArray penalty = keyMask == null ? null
                : keyMask.eq(0).toType(query.getDataType(), false).mul(-1e9f) // (B, Sk)
                        .reshape(b, 1, 1, sk); // (B, 1, 1, Sk)
        if (blockRows == rows) {
            return weighted(folded, keyT, value, penalty).reshape(b, hq, sq, dh);
        }
        long[] cuts = new long[(int) ((rows - 1) / blockRows)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * blockRows;
        }
        NDList blocks = folded.split(cuts, 2); // each (B, G, n, dh)
        NDList outputs = new NDList(blocks.size());
        for (NDArray block : blocks) {
            outputs.add(weighted(block, keyT, value, penalty)); // (B, G, n, dh)
        }
        NDArray out = NDArrays.concat(outputs, 2); // (B, G, r * Sq, dh)
        outputs.close();
        blocks.close();
        return out.reshape(b, hq, sq, dh); // (B, Hq, Sq, dh)
    }

    /** softmax(rows k^T + penalty) v for one block of rows (B, G, n, dh); closes its scores and weights. */
    private static NDArray weighted(NDArray rows, NDArray keyT, NDArray value, NDArray penalty) {
        NDArray scores = rows.matMul(keyT); // (B, G, n, Sk)
        if (penalty != null) {
            NDArray masked = scores.add(penalty);
            scores.close();
            scores = masked;
        }
        NDArray weights = scores.softmax(-1); // (B, G, n, Sk)
        scores.close();
        NDArray out = weights.matMul(value); // (B, G, n, dh)
        weights.close();
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), embedDim)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        if (x.dimension() != 3 || x.get(2) != embedDim) {
            throw new IllegalArgumentException("x must be (B, Sq, " + embedDim + "), got " + x);
        }
        long dkv = crossAttention ? inputShapes[1].get(2) : embedDim;
        long dh = headDim();
        queryWeight.setShape(new Shape(numQueryHeads * dh, embedDim));
        keyWeight.setShape(new Shape(numKvHeads * dh, dkv));
        valueWeight.setShape(new Shape(numKvHeads * dh, dkv));
        outputWeight.setShape(new Shape(embedDim, numQueryHeads * dh));
        if (bias) {
            queryBias.setShape(new Shape(numQueryHeads * dh));
            keyBias.setShape(new Shape(numKvHeads * dh));
            valueBias.setShape(new Shape(numKvHeads * dh));
            outputBias.setShape(new Shape(embedDim));
        }
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeInt(embedDim);
        os.writeInt(numHeads);
        os.writeInt(numQueryHeads);
        os.writeInt(numKvHeads);
        os.writeBoolean(crossAttention);
        os.writeBoolean(keyPaddingMask);
        os.writeBoolean(bias);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("GroupedQueryAttention: unsupported version " + loadVersion);
        }
        readInputShapes(is);
        int[] saved = {is.readInt(), is.readInt(), is.readInt(), is.readInt()};
        boolean[] flags = {is.readBoolean(), is.readBoolean(), is.readBoolean()};
        int[] mine = {embedDim, numHeads, numQueryHeads, numKvHeads};
        boolean[] myFlags = {crossAttention, keyPaddingMask, bias};
        if (!java.util.Arrays.equals(saved, mine) || !java.util.Arrays.equals(flags, myFlags)) {
            throw new MalformedModelException("GroupedQueryAttention: saved (embedDim, numHeads, numQueryHeads, "
                    + "numKvHeads) = " + java.util.Arrays.toString(saved) + " with (cross, mask, bias) = "
                    + java.util.Arrays.toString(flags) + ", block has " + java.util.Arrays.toString(mine) + " / "
                    + java.util.Arrays.toString(myFlags));
        }
    }

    @Override
    public String toString() {
        return "GroupedQueryAttention(D=" + embedDim + ", H=" + numHeads + ", Hq=" + numQueryHeads + ", G="
                + numKvHeads + (crossAttention ? ", cross" : "") + (keyPaddingMask ? ", masked" : "") + ")";
    }

    /** Number of floating-point operations of one forward pass (multiply and add counted as two). */
    public long forwardFlops(long batch, long queryLength, long keyLength) {
        long dh = headDim();
        long dkv = embedDim; // cross-attention with another Dkv is not counted separately
        long proj = 2L * batch * queryLength * embedDim * numQueryHeads * dh // queries
                + 2L * 2L * batch * keyLength * dkv * numKvHeads * dh // keys and values
                + 2L * batch * queryLength * numQueryHeads * dh * embedDim; // output
        long attend = 2L * 2L * batch * numQueryHeads * queryLength * keyLength * dh; // q k^T and p v
        return proj + attend;
    }

    /**
     * Builds a {@link GroupedQueryAttention}: {@code setEmbedDim} and {@code setNumHeads} are required; the rest
     * default to multi-head self-attention with biases and no mask.
     */
    public static final class Builder {

        private int embedDim;
        private int numHeads;
        private int numQueryHeads = -1;
        private int numKvHeads = -1;
        private boolean crossAttention;
        private boolean keyPaddingMask;
        private boolean bias = true;
        private long maxScoreElements = DEFAULT_MAX_SCORE_ELEMENTS;

        Builder() {
        }

        /** Sets D, the size of the query input and of the output (required). */
        public Builder setEmbedDim(int embedDim) {
            this.embedDim = embedDim;
            return this;
        }

        /** Sets H, the model's head count; each head has D / H channels (required). */
        public Builder setNumHeads(int numHeads) {
            this.numHeads = numHeads;
            return this;
        }

        /** Sets Hq, the number of query heads; fewer than H is sparse-query attention (default H). */
        public Builder optNumQueryHeads(int numQueryHeads) {
            this.numQueryHeads = numQueryHeads;
            return this;
        }

        /** Sets G, the number of key/value heads, which must divide Hq (default Hq: no sharing). */
        public Builder optNumKvHeads(int numKvHeads) {
            this.numKvHeads = numKvHeads;
            return this;
        }

        /** Takes keys and values from a second input {@code memory} (default false: self-attention). */
        public Builder optCrossAttention(boolean crossAttention) {
            this.crossAttention = crossAttention;
            return this;
        }

        /** Takes a key padding mask (B, Sk) as the last input (default false). */
        public Builder optKeyPaddingMask(boolean keyPaddingMask) {
            this.keyPaddingMask = keyPaddingMask;
            return this;
        }

        /** Adds biases to the four projections (default true). */
        public Builder optBias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * Bounds the elements of one block of attention scores (default {@value #DEFAULT_MAX_SCORE_ELEMENTS}); it
         * changes memory use and speed, never the result, and is not saved with the parameters.
         */
        public Builder optMaxScoreElements(long maxScoreElements) {
            this.maxScoreElements = maxScoreElements;
            return this;
        }

        /**
         * Checks the settings and builds the block.
         *
         * @throws IllegalArgumentException naming the offending values
         */
        public GroupedQueryAttention build() {
            if (embedDim <= 0) {
                throw new IllegalArgumentException("embedDim must be positive, got " + embedDim);
            }
            if (numHeads <= 0) {
                throw new IllegalArgumentException("numHeads must be positive, got " + numHeads);
            }
            if (embedDim % numHeads != 0) {
                throw new IllegalArgumentException("embedDim " + embedDim + " not divisible by numHeads " + numHeads);
            }
            if (numQueryHeads == -1) {
                numQueryHeads = numHeads;
            }
            if (numKvHeads == -1) {
                numKvHeads = numQueryHeads;
            }
            if (numQueryHeads <= 0 || numQueryHeads > numHeads) {
                throw new IllegalArgumentException(
                        "numQueryHeads " + numQueryHeads + " must be in 1.." + numHeads + " (numHeads)");
            }
            if (maxScoreElements < 1) {
                throw new IllegalArgumentException("maxScoreElements must be positive, got " + maxScoreElements);
            }
            if (numKvHeads <= 0) {
                throw new IllegalArgumentException("numKvHeads must be positive, got " + numKvHeads);
            }
            if (numQueryHeads % numKvHeads != 0) {
                throw new IllegalArgumentException(
                        "numQueryHeads " + numQueryHeads + " not divisible by numKvHeads " + numKvHeads);
            }
            return new GroupedQueryAttention(this);
        }
    }
}
