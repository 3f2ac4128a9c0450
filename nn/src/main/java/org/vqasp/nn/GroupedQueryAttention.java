package org.vqasp.nn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Scaled dot-product attention with separate counts of query heads and key/value heads, so that multi-head,
 * grouped-query, multi-query and sparse-query attention are one block with different settings; options add the
 * variants of {@code docs/attention.md}: a {@link HeadAllocation} (KDGQA, DGQA, PGQA), a latent key/value path (MLA)
 * and a {@link GroupMixture} router (mixSGA).
 *
 * <p>Notation used in every shape below:
 *
 * <ul>
 *   <li>B: batch size; Sq: query length; Sk: key/value length (Sk = Sq for self-attention);
 *   <li>D: embedding size of the query input and of the output ({@code embedDim});
 *   <li>Dkv: embedding size of the key/value input (D for self-attention, inferred for cross-attention);
 *   <li>H: the model's head count ({@code numHeads}); every head has dh = D / H channels;
 *   <li>Hq: query heads ({@code numQueryHeads}, at most H); G: key/value heads ({@code numKvHeads}, dividing Hq);
 *   <li>r = Hq / G: query heads sharing one key/value head; R: the rank of the latent (MLA); E: experts (mixSGA).
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
 *       variant (xSQA) Hq = G = H / 4; any G dividing Hq is allowed;
 *   <li>key-driven allocations (Khan et al., "Beyond Uniform Query Distribution: Key-Driven Grouped Query
 *       Attention", arXiv:2408.08454, 2024), {@link Builder#optHeadAllocation}: KDGQA and DGQA share the query
 *       heads out among the key/value heads by key-head norms instead of equally; PGQA keeps equal groups and
 *       perturbs head outputs in training;
 *   <li>multi-head latent attention in the form TransMLA uses (Meng et al., "TransMLA: Multi-Head Latent Attention
 *       Is All You Need", arXiv:2502.07864, 2025), {@link Builder#optLatentRank}: keys and values of all Hq heads
 *       are up-projected from one latent c = x W_c + b_c of rank R, the only thing a decoder would cache. A GQA
 *       layer is exactly such a layer with R = 2 G dh ({@link AttentionConversion});
 *   <li>a token-wise mixture of group sizes (mixSGA), {@link Builder#optMixture}.
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
 * <p>Output: (B, Sq, D); in training, a mixture appends its weighted routing loss, a scalar ({@link AttentionBlock}).
 *
 * <p>Parameters: {@code queryWeight} (Hq * dh, D), {@code keyWeight} and {@code valueWeight} (G * dh, Dkv),
 * {@code outputWeight} (D, Hq * dh), and a bias for each unless {@link Builder#optBias(boolean)} is false. With a
 * latent, {@code latentWeight} (R, Dkv) and its bias, {@code keyUpWeight} and {@code valueUpWeight} (Hq * dh, R)
 * replace the key and value projections. A mixture adds {@code routerWeight} (E, Dkv) and {@code routerBias} (E);
 * its key and value projections have G_0 = max G_e heads. DGQA keeps its state in three parameters that no
 * optimiser touches: {@code keyNormAverage} (G), {@code allocation} (G, the counts) and {@code allocationSteps}.
 *
 * <p>DJL has no fused attention operator, so {@link #attention} computes attention from {@code matMul} and
 * {@code softmax}. It never repeats keys or values: the r query heads of each group are folded into rows,
 * {@code (B, Hq, Sq, dh) -> (B, G, r * Sq, dh)}, and multiplied by the group's keys {@code (B, G, dh, Sk)}.
 * Those rows are processed in blocks whose score tensor holds at most {@link Builder#optMaxScoreElements(long)}
 * elements, so that a long sequence never materialises its whole (B, G, r * Sq, Sk) score tensor at once: each
 * block's scores are released as soon as its output is computed (autograd keeps what backward needs). Unequal
 * allocations, latents and mixed group sizes give every query head its own keys and values (G = Hq in
 * {@link #attention}): a one-hot (Hq, G) product regroups the heads of an allocation, exactly.
 */
public class GroupedQueryAttention extends AbstractBlock implements AttentionBlock {

    /** Version of plain blocks (equal groups, no latent, no mixture): the layout of every file before variants. */
    private static final byte VERSION = 1;

    /** Version of blocks with a variant option: version 1's metadata, then the variant's. */
    private static final byte VARIANT_VERSION = 2;

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
    private final HeadAllocation allocation;
    private final int latentRank;
    private final GroupMixture mixture;

    private final Parameter queryWeight;
    private final Parameter keyWeight;
    private final Parameter valueWeight;
    private final Parameter outputWeight;
    private final Parameter queryBias;
    private final Parameter keyBias;
    private final Parameter valueBias;
    private final Parameter outputBias;
    private final Parameter latentWeight;
    private final Parameter latentBias;
    private final Parameter keyUpWeight;
    private final Parameter valueUpWeight;
    private final Parameter routerWeight;
    private final Parameter routerBias;
    private final Parameter keyNormAverage;
    private final Parameter allocationCounts;
    private final Parameter allocationSteps;

    /** Creates the block from a checked builder; use {@link #builder()}. */
    protected GroupedQueryAttention(Builder builder) {
        super(isPlain(builder) ? VERSION : VARIANT_VERSION);
        embedDim = builder.embedDim;
        numHeads = builder.numHeads;
        numQueryHeads = builder.numQueryHeads;
        numKvHeads = builder.numKvHeads;
        crossAttention = builder.crossAttention;
        keyPaddingMask = builder.keyPaddingMask;
        bias = builder.bias;
        maxScoreElements = builder.maxScoreElements;
        allocation = builder.allocation;
        latentRank = builder.latentRank;
        mixture = builder.mixture;
        boolean latent = latentRank > 0;
        queryWeight = addParameter(weight("queryWeight"));
        keyWeight = latent ? null : addParameter(weight("keyWeight"));
        valueWeight = latent ? null : addParameter(weight("valueWeight"));
        outputWeight = addParameter(weight("outputWeight"));
        queryBias = bias ? addParameter(bias("queryBias")) : null;
        keyBias = bias && !latent ? addParameter(bias("keyBias")) : null;
        valueBias = bias && !latent ? addParameter(bias("valueBias")) : null;
        outputBias = bias ? addParameter(bias("outputBias")) : null;
        latentWeight = latent ? addParameter(weight("latentWeight")) : null;
        latentBias = latent && bias ? addParameter(bias("latentBias")) : null;
        keyUpWeight = latent ? addParameter(weight("keyUpWeight")) : null;
        valueUpWeight = latent ? addParameter(weight("valueUpWeight")) : null;
        routerWeight = mixture != null ? addParameter(weight("routerWeight")) : null;
        routerBias = mixture != null ? addParameter(bias("routerBias")) : null;
        boolean ema = allocation instanceof HeadAllocation.EmaKeyNorm;
        keyNormAverage = ema ? addParameter(state("keyNormAverage", 0)) : null;
        allocationCounts = ema ? addParameter(state("allocation", (float) numQueryHeads / numKvHeads)) : null;
        allocationSteps = ema ? addParameter(state("allocationSteps", 0)) : null;
    }

    private static boolean isPlain(Builder b) {
        return b.allocation instanceof HeadAllocation.Uniform && b.latentRank == 0 && b.mixture == null;
    }

    private static Parameter weight(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    }

    private static Parameter bias(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BIAS).build();
    }

    /** A parameter no optimiser updates (AdamW skips those that need no gradient), filled with {@code value}. */
    private static Parameter state(String name, float value) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optInitializer((NDManager m, Shape shape, DataType type) -> m.full(shape, value, type)).build();
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns D, the size of the query input and of the output. */
    @Override
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

    /**
     * Returns G, the number of key/value heads: of the key/value projections (G_0 for a mixture), or Hq for a
     * latent, whose up-projections give every query head its own.
     */
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

    /** Returns the head allocation (uniform unless set). */
    public HeadAllocation headAllocation() {
        return allocation;
    }

    /** Returns R, the rank of the latent key/value path, or 0 without one. */
    public int latentRank() {
        return latentRank;
    }

    /** Returns the mixture of group sizes, or null. */
    public GroupMixture mixture() {
        return mixture;
    }

    /** Returns whether the block has projections of biases. */
    public boolean hasBias() {
        return bias;
    }

    /** Returns the number of inputs that {@code forward} expects: 1, 2 or 3. */
    @Override
    public int inputCount() {
        return 1 + (crossAttention ? 1 : 0) + (keyPaddingMask ? 1 : 0);
    }

    /**
     * Returns DGQA's current counts of query heads per key/value head (the uniform counts for every other
     * allocation), as the block would use them at inference.
     */
    public int[] currentAllocation() {
        if (allocationCounts == null || !allocationCounts.isInitialized()) {
            return HeadAllocation.uniform(numQueryHeads, numKvHeads);
        }
        float[] c = allocationCounts.getArray().toFloatArray();
        int[] counts = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            counts[i] = Math.round(c[i]);
        }
        return counts;
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
        Device device = x.getDevice();
        if (allocation instanceof HeadAllocation.Uniform && latentRank == 0 && mixture == null) {
            NDArray out = selfOrCross(x, memory, keyMask,
                    ps.getValue(queryWeight, device, training), value(ps, queryBias, device, training),
                    ps.getValue(keyWeight, device, training), value(ps, keyBias, device, training),
                    ps.getValue(valueWeight, device, training), value(ps, valueBias, device, training),
                    ps.getValue(outputWeight, device, training), value(ps, outputBias, device, training),
                    numQueryHeads, numKvHeads, maxScoreElements);
            return new NDList(out);
        }
        long b = x.getShape().get(0);
        long sq = x.getShape().get(1);
        long sk = memory.getShape().get(1);
        long dh = headDim();
        NDArray q = linear(x, ps.getValue(queryWeight, device, training), value(ps, queryBias, device, training))
                .reshape(b, sq, numQueryHeads, dh) // (B, Sq, Hq, dh)
                .transpose(0, 2, 1, 3); // (B, Hq, Sq, dh)
        NDArray heads; // (B, Hq, Sq, dh)
        NDArray aux = null;
        if (latentRank > 0) {
            NDArray c = linear(memory, ps.getValue(latentWeight, device, training),
                    value(ps, latentBias, device, training)); // (B, Sk, R)
            NDArray k = linear(c, ps.getValue(keyUpWeight, device, training), null) // (B, Sk, Hq * dh)
                    .reshape(b, sk, numQueryHeads, dh).transpose(0, 2, 1, 3); // (B, Hq, Sk, dh)
            NDArray v = linear(c, ps.getValue(valueUpWeight, device, training), null)
                    .reshape(b, sk, numQueryHeads, dh).transpose(0, 2, 1, 3); // (B, Hq, Sk, dh)
            heads = attention(q, k, v, keyMask, maxScoreElements);
        } else {
            NDArray k = linear(memory, ps.getValue(keyWeight, device, training), value(ps, keyBias, device, training))
                    .reshape(b, sk, numKvHeads, dh); // (B, Sk, G, dh)
            NDArray v = linear(memory, ps.getValue(valueWeight, device, training),
                    value(ps, valueBias, device, training)).reshape(b, sk, numKvHeads, dh); // (B, Sk, G, dh)
            if (mixture != null) {
                NDArray logits = linear(memory, ps.getValue(routerWeight, device, training),
                        ps.getValue(routerBias, device, training)); // (B, Sk, E)
                NDArray[] mixed = mix(q, k, v, logits, keyMask);
                heads = mixed[0];
                aux = mixed[1];
            } else {
                k = k.transpose(0, 2, 1, 3); // (B, G, Sk, dh)
                v = v.transpose(0, 2, 1, 3); // (B, G, Sk, dh)
                if (allocation instanceof HeadAllocation.Perturbed p) {
                    heads = perturb(attention(q, k, v, keyMask, maxScoreElements), p.noise(), training);
                } else {
                    NDArray assign = allocation instanceof HeadAllocation.KeyNorm ? keyNormAssignment(k)
                            : emaAssignment(k, training); // (B or 1, Hq, G), one-hot rows; null when uniform
                    heads = assign == null ? attention(q, k, v, keyMask, maxScoreElements)
                            : attention(q, regroup(assign, k), regroup(assign, v), keyMask, maxScoreElements);
                }
            }
        }
        NDArray out = linear(heads.transpose(0, 2, 1, 3) // (B, Sq, Hq, dh)
                .reshape(b, sq, numQueryHeads * dh), // (B, Sq, Hq * dh)
                ps.getValue(outputWeight, device, training), value(ps, outputBias, device, training)); // (B, Sq, D)
        NDList result = new NDList(out);
        if (training && aux != null) {
            result.add(aux);
        }
        return result;
    }

    private static NDArray value(ParameterStore ps, Parameter p, Device device, boolean training) {
        return p == null ? null : ps.getValue(p, device, training);
    }

    /** Per-sample L2 norms of the key heads over tokens and channels: k (B, G, Sk, dh) -> (B * G) values. */
    private static float[] keyHeadNorms(NDArray k) {
        try (NDArray n = k.square().sum(new int[] {2, 3}).sqrt()) { // (B, G)
            return n.toFloatArray();
        }
    }

    /**
     * KDGQA: one-hot (B, Hq, G) from each sample's min-max scaled key-head norms, or null when every sample's
     * counts are the uniform ones (grouped-query attention then computes the same function, bit for bit).
     */
    private NDArray keyNormAssignment(NDArray k) {
        int b = (int) k.getShape().get(0);
        float[] norms = keyHeadNorms(k);
        float[] onehot = new float[b * numQueryHeads * numKvHeads];
        int[] uniform = HeadAllocation.uniform(numQueryHeads, numKvHeads);
        boolean allUniform = true;
        for (int s = 0; s < b; s++) {
            double[] n = new double[numKvHeads];
            for (int g = 0; g < numKvHeads; g++) {
                n[g] = norms[s * numKvHeads + g];
            }
            int[] counts = HeadAllocation.minMaxProportional(n, numQueryHeads);
            allUniform &= Arrays.equals(counts, uniform);
            fillOneHot(onehot, s, counts);
        }
        return allUniform ? null : k.getManager().create(onehot, new Shape(b, numQueryHeads, numKvHeads));
    }

    /**
     * DGQA: in training, folds the batch-mean key-head norms into the moving average (the first step takes them
     * as they are) and, every {@code window} steps, recomputes the counts from it; returns one-hot (1, Hq, G) of
     * the current counts, or null when they are uniform.
     */
    private NDArray emaAssignment(NDArray k, boolean training) {
        HeadAllocation.EmaKeyNorm ema = (HeadAllocation.EmaKeyNorm) allocation;
        if (training) {
            int b = (int) k.getShape().get(0);
            float[] norms = keyHeadNorms(k);
            float[] average = keyNormAverage.getArray().toFloatArray();
            long step = Math.round(allocationSteps.getArray().toFloatArray()[0]);
            double[] weights = new double[numKvHeads];
            for (int g = 0; g < numKvHeads; g++) {
                double mean = 0;
                for (int s = 0; s < b; s++) {
                    mean += norms[s * numKvHeads + g] / b;
                }
                average[g] = (float) (step == 0 ? mean : ema.decay() * average[g] + (1 - ema.decay()) * mean);
                weights[g] = average[g];
            }
            keyNormAverage.getArray().set(average);
            if (step % ema.window() == 0) {
                int[] counts = HeadAllocation.proportional(weights, numQueryHeads);
                float[] c = new float[numKvHeads];
                for (int g = 0; g < numKvHeads; g++) {
                    c[g] = counts[g];
                }
                allocationCounts.getArray().set(c);
            }
            allocationSteps.getArray().set(new float[] {step + 1});
        }
        int[] counts = currentAllocation();
        if (Arrays.equals(counts, HeadAllocation.uniform(numQueryHeads, numKvHeads))) {
            return null;
        }
        float[] onehot = new float[numQueryHeads * numKvHeads];
        fillOneHot(onehot, 0, counts);
        return k.getManager().create(onehot, new Shape(1, numQueryHeads, numKvHeads));
    }

    private void fillOneHot(float[] onehot, int sample, int[] counts) {
        int[] map = HeadAllocation.kvHeadOfQueryHead(counts);
        for (int h = 0; h < numQueryHeads; h++) {
            onehot[(sample * numQueryHeads + h) * numKvHeads + map[h]] = 1;
        }
    }

    /** Gives every query head its key/value head: assign (B or 1, Hq, G) times x (B, G, Sk, dh) -> (B, Hq, Sk, dh). */
    private static NDArray regroup(NDArray assign, NDArray x) {
        Shape s = x.getShape();
        return assign.matMul(x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3))) // (B, Hq, Sk * dh)
                .reshape(s.get(0), assign.getShape().get(1), s.get(2), s.get(3));
    }

    /**
     * PGQA: centres each query head's output over its tokens and channels, and in training also subtracts Gaussian
     * noise of {@code noise} times the head output's standard deviation (drawn from the engine's generator).
     */
    private static NDArray perturb(NDArray heads, double noise, boolean training) {
        Shape s = heads.getShape();
        NDArray mean = heads.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2}, true)
                .reshape(s.get(0), s.get(1), 1, 1); // (B, Hq, 1, 1)
        NDArray centred = heads.sub(mean);
        if (!training || noise == 0) {
            return centred;
        }
        NDArray std = centred.square().reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2}, true)
                .sqrt().reshape(s.get(0), s.get(1), 1, 1); // (B, Hq, 1, 1)
        NDArray eps = heads.getManager().randomNormal(heads.getShape());
        return centred.sub(eps.mul(std).mul(Scalars.of(std, noise)));
    }

    /**
     * mixSGA: routes the key tokens, builds each token's keys and values from its expert's pooled heads, gates
     * the values by p / stop_gradient(p) of the chosen expert (one in the forward pass, so routing is hard at
     * training and inference alike, while the router receives the gradient of a soft gate), attends, and returns
     * {heads, weighted routing loss}.
     *
     * @param q (B, Hq, Sq, dh)
     * @param k shared key heads (B, Sk, G_0, dh)
     * @param v shared value heads (B, Sk, G_0, dh)
     * @param logits router logits (B, Sk, E)
     */
    private NDArray[] mix(NDArray q, NDArray k, NDArray v, NDArray logits, NDArray keyMask) {
        Shape ks = k.getShape();
        int b = (int) ks.get(0);
        int sk = (int) ks.get(1);
        int e = mixture.experts();
        NDArray probs = logits.softmax(-1); // (B, Sk, E)
        int[] expert = GroupMixture.route(probs.toFloatArray(), b, sk, mixture.capacities(sk));
        float[] onehot = new float[b * sk * e];
        boolean single = true;
        for (int i = 0; i < expert.length; i++) {
            onehot[i * e + expert[i]] = 1;
            single &= expert[i] == expert[0];
        }
        NDArray choice = probs.getManager().create(onehot, new Shape(b, sk, e)); // (B, Sk, E)
        NDArray chosen = probs.mul(choice).sum(new int[] {2}); // (B, Sk), router probability of the chosen expert
        NDArray gate = chosen.div(chosen.stopGradient()); // 1 in value; the router's gradient in backward
        NDArray heads;
        if (single) { // one expert for the whole batch: its own grouped heads, as plain GQA computes them
            int only = expert[0];
            NDArray ke = pool(k, mixture.expertKvHeads().get(only)).transpose(0, 2, 1, 3); // (B, Ge, Sk, dh)
            NDArray ve = pool(v, mixture.expertKvHeads().get(only))
                    .mul(gate.reshape(b, sk, 1, 1)).transpose(0, 2, 1, 3); // (B, Ge, Sk, dh)
            heads = attention(q, ke, ve, keyMask, maxScoreElements);
        } else {
            NDArray kFull = null;
            NDArray vFull = null;
            for (int i = 0; i < e; i++) {
                int ge = mixture.expertKvHeads().get(i);
                NDArray w = choice.get(":, :, " + i).reshape(b, sk, 1, 1); // (B, Sk, 1, 1)
                NDArray ki = pool(k, ge).repeat(2, numQueryHeads / ge).mul(w); // (B, Sk, Hq, dh)
                NDArray vi = pool(v, ge).repeat(2, numQueryHeads / ge).mul(w);
                kFull = kFull == null ? ki : kFull.add(ki);
                vFull = vFull == null ? vi : vFull.add(vi);
            }
            vFull = vFull.mul(gate.reshape(b, sk, 1, 1));
            heads = attention(q, kFull.transpose(0, 2, 1, 3), vFull.transpose(0, 2, 1, 3), keyMask,
                    maxScoreElements); // (B, Hq, Sq, dh)
        }
        NDArray loss = chosen.maximum(Scalars.of(chosen, 1e-9)).log().mean().neg()
                .mul(Scalars.of(chosen, mixture.lossWeight()));
        return new NDArray[] {heads, loss};
    }

    /** Means of adjacent shared heads: (B, Sk, G_0, dh) -> (B, Sk, Ge, dh). */
    private static NDArray pool(NDArray shared, int heads) {
        Shape s = shared.getShape();
        long factor = s.get(2) / heads;
        if (factor == 1) {
            return shared;
        }
        return shared.reshape(s.get(0), s.get(1), heads, factor, s.get(3)).mean(new int[] {3});
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
        NDArray folded = query.mul(Scalars.of(query, 1.0 / Math.sqrt(dh))) // (B, Hq, Sq, dh); see Scalars
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
        outputWeight.setShape(new Shape(embedDim, numQueryHeads * dh));
        if (latentRank > 0) {
            latentWeight.setShape(new Shape(latentRank, dkv));
            keyUpWeight.setShape(new Shape(numQueryHeads * dh, latentRank));
            valueUpWeight.setShape(new Shape(numQueryHeads * dh, latentRank));
        } else {
            keyWeight.setShape(new Shape(numKvHeads * dh, dkv));
            valueWeight.setShape(new Shape(numKvHeads * dh, dkv));
        }
        if (bias) {
            queryBias.setShape(new Shape(numQueryHeads * dh));
            outputBias.setShape(new Shape(embedDim));
            if (latentRank > 0) {
                latentBias.setShape(new Shape(latentRank));
            } else {
                keyBias.setShape(new Shape(numKvHeads * dh));
                valueBias.setShape(new Shape(numKvHeads * dh));
            }
        }
        if (mixture != null) {
            routerWeight.setShape(new Shape(mixture.experts(), dkv));
            routerBias.setShape(new Shape(mixture.experts()));
        }
        if (keyNormAverage != null) {
            keyNormAverage.setShape(new Shape(numKvHeads));
            allocationCounts.setShape(new Shape(numKvHeads));
            allocationSteps.setShape(new Shape(1));
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
        if (version == VARIANT_VERSION) {
            os.writeUTF(variantKey());
        }
    }

    /** The variant options as one string, saved with version 2 and compared on loading. */
    private String variantKey() {
        return "allocation=" + allocation + ";latent=" + latentRank + ";mixture=" + mixture;
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != version) {
            throw new MalformedModelException("GroupedQueryAttention: saved version " + loadVersion
                    + (loadVersion == VERSION ? " (plain grouped-query attention)" : "") + ", block " + this
                    + " has version " + version);
        }
        readInputShapes(is);
        int[] saved = {is.readInt(), is.readInt(), is.readInt(), is.readInt()};
        boolean[] flags = {is.readBoolean(), is.readBoolean(), is.readBoolean()};
        int[] mine = {embedDim, numHeads, numQueryHeads, numKvHeads};
        boolean[] myFlags = {crossAttention, keyPaddingMask, bias};
        if (!Arrays.equals(saved, mine) || !Arrays.equals(flags, myFlags)) {
            throw new MalformedModelException("GroupedQueryAttention: saved (embedDim, numHeads, numQueryHeads, "
                    + "numKvHeads) = " + Arrays.toString(saved) + " with (cross, mask, bias) = "
                    + Arrays.toString(flags) + ", block has " + Arrays.toString(mine) + " / "
                    + Arrays.toString(myFlags));
        }
        if (loadVersion == VARIANT_VERSION) {
            String key = is.readUTF();
            if (!key.equals(variantKey())) {
                throw new MalformedModelException("GroupedQueryAttention: saved variant " + key + ", block has "
                        + variantKey());
            }
        }
    }

    @Override
    public String toString() {
        return "GroupedQueryAttention(D=" + embedDim + ", H=" + numHeads + ", Hq=" + numQueryHeads + ", G="
                + numKvHeads + (crossAttention ? ", cross" : "") + (keyPaddingMask ? ", masked" : "")
                + (allocation instanceof HeadAllocation.Uniform ? "" : ", " + allocation)
                + (latentRank > 0 ? ", latent R=" + latentRank : "") + (mixture != null ? ", " + mixture : "") + ")";
    }

    /** Number of floating-point operations of one forward pass, as {@link AttentionCost} counts them. */
    public long forwardFlops(long batch, long queryLength, long keyLength) {
        return cost(batch, queryLength, keyLength).flops();
    }

    @Override
    public AttentionCost cost(long batch, long length) {
        return cost(batch, length, length);
    }

    /**
     * Returns the exact cost ({@link AttentionCost}) of one forward pass with Dkv = D (cross-attention with another
     * memory width is not counted separately).
     *
     * @param batch B
     * @param queryLength Sq
     * @param keyLength Sk
     * @return FLOPs of the pass, trainable parameters, and the key/value cache of one sequence of Sk tokens
     */
    public AttentionCost cost(long batch, long queryLength, long keyLength) {
        long d = embedDim;
        long dh = headDim();
        long hq = numQueryHeads;
        long g = numKvHeads;
        long queryAndOutput = 2L * batch * queryLength * d * hq * dh * 2;
        long attend = 2L * 2L * batch * hq * queryLength * keyLength * dh; // q k^T and p v
        long params = 2 * d * hq * dh + (bias ? hq * dh + d : 0);
        long flops = queryAndOutput + attend;
        long kv;
        if (latentRank > 0) {
            long r = latentRank;
            flops += 2L * batch * keyLength * d * r + 2L * 2L * batch * keyLength * r * hq * dh;
            params += d * r + (bias ? r : 0) + 2 * r * hq * dh;
            kv = r * keyLength;
        } else {
            flops += 2L * 2L * batch * keyLength * d * g * dh; // keys and values
            params += 2 * d * g * dh + (bias ? 2 * g * dh : 0);
            kv = 2 * g * dh * keyLength;
            boolean regroups = allocation instanceof HeadAllocation.KeyNorm
                    || allocation instanceof HeadAllocation.EmaKeyNorm
                    && !Arrays.equals(currentAllocation(), HeadAllocation.uniform(numQueryHeads, numKvHeads));
            if (regroups) {
                flops += 2L * 2L * batch * hq * g * keyLength * dh; // regrouping keys and values
            }
            if (mixture != null) {
                long e = mixture.experts();
                flops += 2L * batch * keyLength * d * e; // router
                params += d * e + e;
                int[] caps = mixture.capacities((int) keyLength);
                kv = 0;
                for (int i = 0; i < caps.length; i++) {
                    kv += 2L * mixture.expertKvHeads().get(i) * dh * caps[i];
                }
            }
        }
        return new AttentionCost(flops, params, kv);
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
        private HeadAllocation allocation = new HeadAllocation.Uniform();
        private int latentRank;
        private GroupMixture mixture;

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

        /**
         * Sets G, the number of key/value heads, which must divide Hq (default Hq: no sharing; with a latent, Hq;
         * with a mixture, the largest expert's).
         */
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

        /** Shares the query heads out among the key/value heads as {@code allocation} says (default uniform). */
        public Builder optHeadAllocation(HeadAllocation allocation) {
            this.allocation = Objects.requireNonNull(allocation, "allocation");
            return this;
        }

        /** Computes keys and values from a latent of rank {@code rank} (MLA; default 0: no latent). */
        public Builder optLatentRank(int rank) {
            this.latentRank = rank;
            return this;
        }

        /** Routes key tokens among experts with their own group sizes (mixSGA; default none). */
        public Builder optMixture(GroupMixture mixture) {
            this.mixture = mixture;
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
            if (numQueryHeads <= 0 || numQueryHeads > numHeads) {
                throw new IllegalArgumentException(
                        "numQueryHeads " + numQueryHeads + " must be in 1.." + numHeads + " (numHeads)");
            }
            if (latentRank < 0) {
                throw new IllegalArgumentException("latentRank must be >= 0, got " + latentRank);
            }
            boolean uniform = allocation instanceof HeadAllocation.Uniform;
            if (latentRank > 0 && (mixture != null || !uniform)) {
                throw new IllegalArgumentException("a latent (rank " + latentRank + ") gives every query head its own "
                        + "keys: it takes no head allocation (" + allocation + ") and no mixture (" + mixture + ")");
            }
            if (mixture != null && !uniform) {
                throw new IllegalArgumentException("a mixture (" + mixture + ") takes no head allocation ("
                        + allocation + ")");
            }
            if (latentRank > 0) {
                if (numKvHeads != -1 && numKvHeads != numQueryHeads) {
                    throw new IllegalArgumentException("with a latent every query head has its own key/value head: "
                            + "numKvHeads " + numKvHeads + " must be numQueryHeads " + numQueryHeads);
                }
                numKvHeads = numQueryHeads;
            }
            if (mixture != null) {
                if (numKvHeads != -1 && numKvHeads != mixture.sharedKvHeads()) {
                    throw new IllegalArgumentException("numKvHeads " + numKvHeads + " must be the largest expert's, "
                            + mixture.sharedKvHeads());
                }
                numKvHeads = mixture.sharedKvHeads();
            }
            if (numKvHeads == -1) {
                numKvHeads = numQueryHeads;
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
