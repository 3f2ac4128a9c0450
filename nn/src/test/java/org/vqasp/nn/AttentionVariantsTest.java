package org.vqasp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pinning tests of the attention variants: each against plain GQA or a hand-built reference, on tiny shapes. */
class AttentionVariantsTest {

    private static final int B = 2;
    private static final int S = 6;
    private static final int D = 8;
    private static final int H = 4; // dh = 2

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void should_keep_counts_summing_to_query_heads_whatever_the_weights() {
        // given weights with ties, zeros, huge and tiny values, and non-finite entries
        Random rnd = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            int g = 1 + rnd.nextInt(6);
            int hq = g * (1 + rnd.nextInt(5));
            double[] w = new double[g];
            for (int i = 0; i < g; i++) {
                int kind = rnd.nextInt(6);
                w[i] = kind == 0 ? 0 : kind == 1 ? 1 : kind == 2 ? 1e30 : kind == 3 ? 1e-30
                        : kind == 4 && trial % 50 == 0 ? Double.NaN : rnd.nextDouble() * 10;
            }
            // when both allocation rules share the heads out
            int[] proportional = HeadAllocation.proportional(w, hq);
            int[] minMax = HeadAllocation.minMaxProportional(w, hq);
            // then the counts are non-negative and sum to Hq
            for (int[] counts : List.of(proportional, minMax)) {
                assertEquals(hq, Arrays.stream(counts).sum(), Arrays.toString(w) + " -> " + Arrays.toString(counts));
                assertTrue(Arrays.stream(counts).allMatch(c -> c >= 0));
                assertEquals(hq, HeadAllocation.kvHeadOfQueryHead(counts).length);
            }
        }
    }

    @Test
    void should_define_kdgqa_ties_as_uniform_and_round_by_largest_remainder() {
        // min-max scaling divides 0 by 0 when the norms tie: the counts are then the uniform ones
        assertArrayEquals(new int[] {2, 2}, HeadAllocation.minMaxProportional(new double[] {3, 3}, 4));
        assertArrayEquals(new int[] {2, 2}, HeadAllocation.minMaxProportional(new double[] {0, 0}, 4));
        assertArrayEquals(new int[] {2, 2}, HeadAllocation.minMaxProportional(new double[] {Double.NaN, 1}, 4));
        // two heads: min-max gives (0, 1), so the larger takes every query head (the paper's rule)
        assertArrayEquals(new int[] {0, 8}, HeadAllocation.minMaxProportional(new double[] {1, 2}, 8));
        // (0, 0.5, 1) of 8: quotas 0, 2.67, 5.33 -> floors 0, 2, 5, the last head to the larger remainder
        assertArrayEquals(new int[] {0, 3, 5}, HeadAllocation.minMaxProportional(new double[] {1, 2, 3}, 8));
        // equal remainders: the lower index first
        assertArrayEquals(new int[] {2, 1, 1}, HeadAllocation.proportional(new double[] {1, 1, 1}, 4));
    }

    @Test
    void should_equal_gqa_bit_for_bit_when_the_allocation_is_uniform() {
        try (NDManager m = manager.newSubManager()) {
            // given plain GQA-2, DGQA-2 before any training step and KDGQA-2 whose key norms all tie
            NDArray x = random(m, new Random(1), B, S, D);
            GroupedQueryAttention gqa = init(m, spec().optKvHeads(2), x, new Random(2));
            GroupedQueryAttention dgqa = init(m, spec().optKvHeads(2)
                    .optAllocation(new HeadAllocation.EmaKeyNorm(0.9, 1)), x, new Random(3));
            GroupedQueryAttention uniform = init(m, spec().optKvHeads(2), x, new Random(4));
            copy(gqa, dgqa);
            copy(gqa, uniform);
            // when they run forward at inference
            float[] plain = forward(gqa, x, false).toFloatArray();
            // then outputs are identical
            assertArrayEquals(plain, forward(uniform, x, false).toFloatArray());
            assertArrayEquals(plain, forward(dgqa, x, false).toFloatArray());
            assertArrayEquals(new int[] {2, 2}, dgqa.currentAllocation());

            // and KDGQA with zero key weights (every norm 0, a 0/0 for min-max scaling) gives no NaN and GQA's output
            GroupedQueryAttention kd = init(m, spec().optKvHeads(2).optAllocation(new HeadAllocation.KeyNorm()), x,
                    new Random(5));
            copy(gqa, kd);
            kd.getParameters().get("keyWeight").getArray().set(new float[2 * 2 * D]);
            kd.getParameters().get("keyBias").getArray().set(new float[2 * 2]);
            gqa.getParameters().get("keyWeight").getArray().set(new float[2 * 2 * D]);
            gqa.getParameters().get("keyBias").getArray().set(new float[2 * 2]);
            float[] tied = forward(kd, x, true).toFloatArray();
            assertFalse(hasNaN(tied));
            assertArrayEquals(forward(gqa, x, true).toFloatArray(), tied);
        }
    }

    @Test
    void should_route_kdgqa_query_heads_by_each_samples_key_norms() {
        try (NDManager m = manager.newSubManager()) {
            // given KDGQA with 4 query and 2 key/value heads whose key norms differ per sample
            NDArray x = random(m, new Random(11), B, S, D);
            GroupedQueryAttention kd = init(m, spec().optKvHeads(2).optAllocation(new HeadAllocation.KeyNorm()), x,
                    new Random(12));
            // when it runs forward
            NDArray out = forward(kd, x, false);
            // then each sample equals per-head attention with the counts its own key-head norms give
            Map<String, NDArray> w = weights(kd);
            NDArray k = x.matMul(w.get("keyWeight").transpose()).add(w.get("keyBias")); // (B, S, G * dh)
            for (int b = 0; b < B; b++) {
                double[] norms = new double[2];
                for (int g = 0; g < 2; g++) {
                    norms[g] = Math.sqrt(k.get(b + ", :, " + 2 * g + ":" + (2 * g + 2)).square().sum().getFloat());
                }
                int[] map = HeadAllocation.kvHeadOfQueryHead(HeadAllocation.minMaxProportional(norms, H));
                NDArray expected = reference(x.get(b + ":" + (b + 1)), w, map);
                assertClose(expected, out.get(b + ":" + (b + 1)), "sample " + b);
            }
        }
    }

    @Test
    void should_track_dgqa_norms_through_training_and_keep_its_counts_in_the_saved_model() throws Exception {
        try (NDManager m = manager.newSubManager()) {
            // given DGQA-2 with window 2 whose second key head is scaled up, so its norm is larger
            NDArray x = random(m, new Random(21), B, S, D);
            GroupedQueryAttention dg = init(m, spec().optKvHeads(2)
                    .optAllocation(new HeadAllocation.EmaKeyNorm(0.5, 2)), x, new Random(22));
            NDArray wk = dg.getParameters().get("keyWeight").getArray();
            float[] k = wk.toFloatArray();
            for (int i = k.length / 2; i < k.length; i++) {
                k[i] *= 4;
            }
            wk.set(k);
            // when it takes three training forward passes
            for (int step = 0; step < 3; step++) {
                forward(dg, x, true);
            }
            // then the counts were recomputed at steps 0 and 2 from the average, favour the larger head, sum to Hq
            int[] counts = dg.currentAllocation();
            assertEquals(H, Arrays.stream(counts).sum());
            assertTrue(counts[1] > counts[0], Arrays.toString(counts));
            assertEquals(3f, dg.getParameters().get("allocationSteps").getArray().getFloat(0));
            // and inference uses them, unchanged by inference passes, and so does a reloaded copy
            float[] before = forward(dg, x, false).toFloatArray();
            assertArrayEquals(counts, dg.currentAllocation());
            GroupedQueryAttention loaded = roundTrip(m, dg, spec().optKvHeads(2)
                    .optAllocation(new HeadAllocation.EmaKeyNorm(0.5, 2)));
            assertArrayEquals(counts, loaded.currentAllocation());
            assertArrayEquals(before, forward(loaded, x, false).toFloatArray());
        }
    }

    @Test
    void should_centre_pgqa_heads_and_add_noise_only_in_training() {
        try (NDManager m = manager.newSubManager()) {
            // given PGQA-2 and GQA-2 with the same weights
            NDArray x = random(m, new Random(31), B, S, D);
            GroupedQueryAttention gqa = init(m, spec().optKvHeads(2), x, new Random(32));
            GroupedQueryAttention pg = init(m, spec().optKvHeads(2).optAllocation(new HeadAllocation.Perturbed(1.0)),
                    x, new Random(33));
            GroupedQueryAttention quiet = init(m, spec().optKvHeads(2)
                    .optAllocation(new HeadAllocation.Perturbed(0.0)), x, new Random(34));
            copy(gqa, pg);
            copy(gqa, quiet);
            // when they run, PGQA with an output projection of ones
            NDArray wo = pg.getParameters().get("outputWeight").getArray();
            wo.set(new float[(int) wo.size()]);
            wo.addi(1);
            NDArray inference = forward(pg, x, false);
            NDArray trainingA = forward(pg, x, true);
            NDArray trainingB = forward(pg, x, true);
            // then inference is deterministic and centred per head: with ones as output weights every channel
            // adds up all heads' channels, each head sums to zero over tokens and channels, so the output sums over
            // tokens to S times the bias
            assertArrayEquals(inference.toFloatArray(), forward(pg, x, false).toFloatArray());
            NDArray bias = pg.getParameters().get("outputBias").getArray();
            assertClose(bias.mul(S).broadcast(B, D), inference.sum(new int[] {1}), "centred heads");
            // training draws noise; with noise 0 training equals inference
            assertNotEquals(trainingA.sub(trainingB).abs().max().getFloat(), 0f);
            assertArrayEquals(forward(quiet, x, false).toFloatArray(), forward(quiet, x, true).toFloatArray());
        }
    }

    @Test
    void should_make_mla_from_gqa_with_the_same_outputs_gradients_and_cache() {
        try (NDManager m = manager.newSubManager()) {
            // given a GQA-2 layer and an MLA layer of rank 2 G dh = 8 converted from it
            NDArray x = random(m, new Random(41), B, S, D);
            GroupedQueryAttention gqa = init(m, spec().optKvHeads(2), x, new Random(42));
            GroupedQueryAttention mla = init(m, spec().optLatentRank(8), x, new Random(43));
            AttentionConversion.initialize(mla, gqa);
            NDArray upstream = random(m, new Random(44), B, S, D);
            // when both run forward and backward
            Grads g = grads(m, gqa, x, upstream);
            Grads l = grads(m, mla, x, upstream);
            // then outputs and the gradients of the input and of the shared parameters agree
            assertClose(g.out, l.out, "output");
            assertClose(g.input, l.input, "input gradient");
            for (String name : List.of("queryWeight", "queryBias", "outputWeight", "outputBias")) {
                assertClose(g.params.get(name), l.params.get(name), name + " gradient");
            }
            // the latent's gradient is the key and value projections' gradients stacked
            assertClose(g.params.get("keyWeight").concat(g.params.get("valueWeight"), 0),
                    l.params.get("latentWeight"), "latent gradient");
            assertClose(g.params.get("keyBias").concat(g.params.get("valueBias"), 0), l.params.get("latentBias"),
                    "latent bias gradient");
            // and the cache is the same size
            assertEquals(gqa.cost(1, S).kvCacheFloats(), mla.cost(1, S).kvCacheFloats());
            // a rank too small to hold the layer is refused, naming the rank needed
            GroupedQueryAttention small = init(m, spec().optLatentRank(4), x, new Random(45));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentionConversion.initialize(small, gqa))
                    .getMessage().contains("rank >= 2 G dh = 8"));
        }
    }

    @Test
    void should_make_mla_from_dgqa_with_its_current_counts() {
        try (NDManager m = manager.newSubManager()) {
            // given a DGQA-2 layer whose counts a training pass moved to (1, 3)
            NDArray x = random(m, new Random(46), B, S, D);
            GroupedQueryAttention dg = init(m, spec().optKvHeads(2)
                    .optAllocation(new HeadAllocation.EmaKeyNorm(0.5, 1)), x, new Random(47));
            NDArray wk = dg.getParameters().get("keyWeight").getArray();
            float[] k = wk.toFloatArray();
            for (int i = k.length / 2; i < k.length; i++) {
                k[i] *= 6;
            }
            wk.set(k);
            forward(dg, x, true);
            assertArrayEquals(new int[] {1, 3}, dg.currentAllocation());
            // when an MLA layer is converted from it, then both compute the same function
            GroupedQueryAttention mla = init(m, spec().optLatentRank(8), x, new Random(48));
            AttentionConversion.initialize(mla, dg);
            assertClose(forward(dg, x, false), forward(mla, x, false), "DGQA -> MLA");
        }
    }

    @Test
    void should_equal_plain_gqa_with_a_single_mixsga_expert() {
        try (NDManager m = manager.newSubManager()) {
            // given GQA-2 and a one-expert mixture of 2 key/value heads with the same projections
            NDArray x = random(m, new Random(51), B, S, D);
            GroupedQueryAttention gqa = init(m, spec().optKvHeads(2), x, new Random(52));
            GroupedQueryAttention mix = init(m, spec().optMixture(new GroupMixture(List.of(2), List.of(1.0), 0.1)), x,
                    new Random(53));
            AttentionConversion.initialize(mix, gqa);
            NDArray upstream = random(m, new Random(54), B, S, D);
            // when both run forward and backward in training
            Grads g = grads(m, gqa, x, upstream);
            Grads s = grads(m, mix, x, upstream);
            // then outputs and gradients are identical, and the routing loss is 0
            assertArrayEquals(g.out.toFloatArray(), s.out.toFloatArray());
            assertArrayEquals(g.input.toFloatArray(), s.input.toFloatArray());
            for (String name : List.of("queryWeight", "keyWeight", "valueWeight", "outputWeight", "keyBias")) {
                assertArrayEquals(g.params.get(name).toFloatArray(), s.params.get(name).toFloatArray(), name);
            }
            NDList withLoss = mix.forward(new ParameterStore(m, false), new NDList(x), true);
            assertEquals(2, withLoss.size());
            assertEquals(0f, withLoss.get(1).getFloat(), 0f);
        }
    }

    @Test
    void should_route_every_token_to_exactly_one_expert_by_expert_choice() {
        // given probabilities for 2 samples x 5 tokens x 2 experts, with a tie in sample 1
        float[] p = {
            0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f, 0.7f, 0.3f, 0.1f, 0.9f,
            0.5f, 0.5f, 0.5f, 0.5f, 0.9f, 0.1f, 0.5f, 0.5f, 0.5f, 0.5f};
        GroupMixture mix = new GroupMixture(List.of(2, 1), List.of(0.4, 0.6), 0.01);
        int[] caps = mix.capacities(5);
        // when experts choose
        int[] expert = GroupMixture.route(p, 2, 5, caps);
        // then expert 0 takes its 2 highest-scored tokens (ties: lower index), expert 1 the other 3
        assertArrayEquals(new int[] {2, 3}, caps);
        assertArrayEquals(new int[] {0, 1, 1, 0, 1, 0, 1, 0, 1, 1}, expert);
    }

    @Test
    void should_build_each_tokens_keys_from_its_expert_in_a_mixture() {
        try (NDManager m = manager.newSubManager()) {
            // given a mixture of experts with 2 and 1 key/value heads, half the tokens each
            NDArray x = random(m, new Random(61), B, S, D);
            GroupMixture spec = new GroupMixture(List.of(2, 1), List.of(0.5, 0.5), 0.1);
            GroupedQueryAttention mix = init(m, spec().optMixture(spec), x, new Random(62));
            // when it runs forward
            NDList outs = mix.forward(new ParameterStore(m, false), new NDList(x), true);
            // then the output equals attention over keys and values built token by token from the routing
            Map<String, NDArray> w = weights(mix);
            NDArray probs = x.matMul(w.get("routerWeight").transpose()).add(w.get("routerBias")).softmax(-1);
            int[] expert = GroupMixture.route(probs.toFloatArray(), B, S, spec.capacities(S));
            float[] k = x.matMul(w.get("keyWeight").transpose()).add(w.get("keyBias")).toFloatArray(); // (B, S, 4)
            float[] v = x.matMul(w.get("valueWeight").transpose()).add(w.get("valueBias")).toFloatArray();
            float[] pr = probs.toFloatArray();
            float[] kFull = new float[B * S * H * 2];
            float[] vFull = new float[B * S * H * 2];
            for (int t = 0; t < B * S; t++) {
                for (int h = 0; h < H; h++) {
                    for (int j = 0; j < 2; j++) {
                        // expert 0: head h reads shared head h / 2; expert 1: the mean of both shared heads
                        float kk = expert[t] == 0 ? k[t * 4 + (h / 2) * 2 + j] : (k[t * 4 + j] + k[t * 4 + 2 + j]) / 2;
                        float vv = expert[t] == 0 ? v[t * 4 + (h / 2) * 2 + j] : (v[t * 4 + j] + v[t * 4 + 2 + j]) / 2;
                        kFull[(t * H + h) * 2 + j] = kk;
                        vFull[(t * H + h) * 2 + j] = vv; // the gate is one in value
                    }
                }
            }
            NDArray q = x.matMul(w.get("queryWeight").transpose()).add(w.get("queryBias"))
                    .reshape(B, S, H, 2).transpose(0, 2, 1, 3);
            NDArray heads = GroupedQueryAttention.attention(q,
                    m.create(kFull, new Shape(B, S, H, 2)).transpose(0, 2, 1, 3),
                    m.create(vFull, new Shape(B, S, H, 2)).transpose(0, 2, 1, 3), null);
            NDArray expected = heads.transpose(0, 2, 1, 3).reshape(B, S, D).matMul(w.get("outputWeight").transpose())
                    .add(w.get("outputBias"));
            assertClose(expected, outs.get(0), "mixture output");
            // and the loss is the weighted mean of -log(probability of the chosen expert)
            double loss = 0;
            for (int t = 0; t < B * S; t++) {
                loss -= Math.log(pr[t * 2 + expert[t]]) / (B * S);
            }
            assertEquals(0.1 * loss, outs.get(1).getFloat(), 1e-5);
            // and the router learns through the gate and the loss
            NDArray router = mix.getParameters().get("routerWeight").getArray();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList o = mix.forward(new ParameterStore(m, false), new NDList(x), true);
                gc.backward(o.get(0).sum().add(o.get(1)));
            }
            assertTrue(router.getGradient().abs().max().getFloat() > 0, "router gradient");
        }
    }

    @ParameterizedTest
    @EnumSource(AttentionVariant.class)
    void should_count_parameters_exactly_and_round_trip_every_variant(AttentionVariant variant) throws Exception {
        try (NDManager m = manager.newSubManager()) {
            // given the variant's default block at H = 8, D = 16
            AttentionSpec spec = variant.defaults(8, 2).build();
            NDArray x = random(m, new Random(71), 2, 5, 16);
            GroupedQueryAttention block = spec.build(16);
            block.initialize(m, DataType.FLOAT32, x.getShape());
            // then the parameter count is the size of the trainable arrays
            long trainable = block.getParameters().values().stream().filter(Parameter::requiresGradient)
                    .mapToLong(p -> p.getArray().size()).sum();
            assertEquals(trainable, block.cost(2, 5).parameters(), spec.label());
            // and the JSON form and the saved weights come back the same
            AttentionSpec back = AttentionSpec.fromJson(spec.toJson(new ObjectMapper()));
            assertEquals(spec, back);
            NDArray before = forward(block, x, false);
            GroupedQueryAttention loaded = roundTrip(m, block, back.toBuilder());
            assertArrayEquals(before.toFloatArray(), forward(loaded, x, false).toFloatArray(), spec.label());
        }
    }

    @Test
    void should_count_flops_as_hand_derived() {
        // D = 16, H = 8 (dh = 2), B = 3, S = 5
        long b = 3;
        long s = 5;
        long proj = 2 * b * s * 16 * 16; // one full-width projection
        long attend = 2 * 2 * b * 8 * s * s * 2;
        // GQA-2: q and o full width, k and v at 2 heads (4 channels)
        assertEquals(2 * proj + 2 * 2 * b * s * 16 * 4 + attend,
                spec8(AttentionVariant.GQA).build(16).forwardFlops(b, s, s));
        // MLA of rank 8: latent 16 -> 8, two up-projections 8 -> 16
        assertEquals(2 * proj + 2 * b * s * 16 * 8 + 2 * 2 * b * s * 8 * 16 + attend,
                AttentionSpec.builder().setHeads(8).optLatentRank(8).build().build(16).forwardFlops(b, s, s));
        // xSQA: 2 query heads (4 channels), 2 key/value heads
        long xsqa = 2 * (2 * b * s * 16 * 4) + 2 * 2 * b * s * 16 * 4 + 2 * 2 * b * 2 * s * s * 2;
        assertEquals(xsqa, spec8(AttentionVariant.XSQA).build(16).forwardFlops(b, s, s));
        // KDGQA adds the regrouping products: (Hq x G) by (G x S dh) for keys and values
        assertEquals(2 * proj + 2 * 2 * b * s * 16 * 4 + attend + 2 * 2 * b * 8 * 2 * s * 2,
                spec8(AttentionVariant.KDGQA).build(16).forwardFlops(b, s, s));
        // mixSGA 4/1 at S = 6: caps 2 and 4 tokens; cache 2 * (4 * 2 * 2 + 1 * 2 * 4) floats
        assertEquals(2 * (4 * 2 * 2 + 2 * 4), spec8(AttentionVariant.MIXSGA).build(16).cost(1, 6).kvCacheFloats());
    }

    @Test
    void should_up_train_by_mean_pooling_and_repeat_heads_exactly() {
        try (NDManager m = manager.newSubManager()) {
            // given an MHA layer and a GQA-2 layer started from it
            NDArray x = random(m, new Random(81), B, S, D);
            GroupedQueryAttention mha = init(m, spec(), x, new Random(82));
            GroupedQueryAttention gqa = init(m, spec().optKvHeads(2), x, new Random(83));
            AttentionConversion.initialize(gqa, mha);
            // then each key head is the mean of two adjacent MHA key heads
            float[] wk = mha.getParameters().get("keyWeight").getArray().toFloatArray(); // (4 * 2, 8)
            float[] pooled = gqa.getParameters().get("keyWeight").getArray().toFloatArray(); // (2 * 2, 8)
            assertEquals((wk[0] + wk[2 * D]) / 2, pooled[0], 1e-6);
            assertEquals((wk[4 * D + 5] + wk[6 * D + 5]) / 2, pooled[2 * D + 5], 1e-6);
            // and an MHA layer started from the GQA layer (heads repeated) computes the same function
            GroupedQueryAttention back = init(m, spec(), x, new Random(84));
            AttentionConversion.initialize(back, gqa);
            assertClose(forward(gqa, x, false), forward(back, x, false), "GQA -> MHA");
            // and sSQA (2 query heads) from GQA pools query heads, keeping the shapes right
            GroupedQueryAttention ssqa = init(m, spec().optQueryHeads(2).optKvHeads(2), x, new Random(85));
            AttentionConversion.initialize(ssqa, gqa);
            assertEquals(new Shape(B, S, D), forward(ssqa, x, false).getShape());
        }
    }

    @Test
    void should_name_bad_combinations() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec().optLatentRank(8)
                .optAllocation(new HeadAllocation.KeyNorm()).build()).getMessage().contains("no head allocation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GroupMixture(List.of(4, 3),
                List.of(0.5, 0.5), 0)).getMessage().contains("divide the largest, 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GroupMixture(List.of(2, 1),
                List.of(0.5, 0.6), 0)).getMessage().contains("sum to 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new HeadAllocation.EmaKeyNorm(1.0, 5))
                .getMessage().contains("EMA decay 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentionSpec.fromJson(new ObjectMapper()
                .createObjectNode().put("heads", 8).put("query_heads", 8).put("kv_heads", 2).put("allocation", "x")))
                .getMessage().contains("unknown kind 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentionVariant.parse("gqb")).getMessage()
                .contains("mixsga"));
    }

    // ---- helpers ----

    private static AttentionSpec.Builder spec() {
        return AttentionSpec.builder().setHeads(H);
    }

    private static AttentionSpec spec8(AttentionVariant v) {
        return v.defaults(8, 2).build();
    }

    private static GroupedQueryAttention init(NDManager m, AttentionSpec.Builder spec, NDArray x, Random rnd) {
        GroupedQueryAttention block = spec.build().build(D);
        block.initialize(m, DataType.FLOAT32, x.getShape());
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                p.getArray().set(random(m, rnd, p.getArray().getShape().getShape()).toFloatArray());
            }
        }
        return block;
    }

    private static void copy(GroupedQueryAttention from, GroupedQueryAttention to) {
        AttentionConversion.initialize(to, from);
    }

    private static NDArray forward(GroupedQueryAttention block, NDArray x, boolean training) {
        return block.forward(new ParameterStore(x.getManager(), false), new NDList(x), training).head();
    }

    private static GroupedQueryAttention roundTrip(NDManager m, GroupedQueryAttention block, AttentionSpec.Builder spec)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        block.saveParameters(new DataOutputStream(bytes));
        GroupedQueryAttention loaded = spec.build().build(block.embedDim());
        loaded.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return loaded;
    }

    private static Map<String, NDArray> weights(GroupedQueryAttention block) {
        Map<String, NDArray> w = new LinkedHashMap<>();
        block.getParameters().forEach(p -> w.put(p.getKey(), p.getValue().getArray()));
        return w;
    }

    /** Per-head attention of one sample (1, S, D) where query head h reads key/value head map[h]. */
    private static NDArray reference(NDArray x, Map<String, NDArray> w, int[] map) {
        NDArray q = x.matMul(w.get("queryWeight").transpose()).add(w.get("queryBias"));
        NDArray k = x.matMul(w.get("keyWeight").transpose()).add(w.get("keyBias"));
        NDArray v = x.matMul(w.get("valueWeight").transpose()).add(w.get("valueBias"));
        NDList heads = new NDList();
        for (int h = 0; h < map.length; h++) {
            NDArray qh = q.get(":, :, " + 2 * h + ":" + (2 * h + 2));
            NDArray kh = k.get(":, :, " + 2 * map[h] + ":" + (2 * map[h] + 2));
            NDArray vh = v.get(":, :, " + 2 * map[h] + ":" + (2 * map[h] + 2));
            heads.add(qh.matMul(kh.transpose(0, 2, 1)).div(Math.sqrt(2)).softmax(-1).matMul(vh));
        }
        return heads.stream().reduce((a, b) -> a.concat(b, 2)).orElseThrow()
                .matMul(w.get("outputWeight").transpose()).add(w.get("outputBias"));
    }

    private record Grads(NDArray out, NDArray input, Map<String, NDArray> params) {
    }

    private static Grads grads(NDManager m, GroupedQueryAttention block, NDArray x, NDArray upstream) {
        NDArray xs = x.duplicate();
        xs.setRequiresGradient(true);
        NDArray out;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            out = block.forward(new ParameterStore(m, false), new NDList(xs), true).head();
            gc.backward(out.mul(upstream).sum());
        }
        Map<String, NDArray> g = new LinkedHashMap<>();
        for (var p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray grad = p.getValue().getArray().getGradient();
                g.put(p.getKey(), grad.duplicate());
                grad.subi(grad);
            }
        }
        return new Grads(out, xs.getGradient().duplicate(), g);
    }

    private static boolean hasNaN(float[] v) {
        for (float f : v) {
            if (Float.isNaN(f)) {
                return true;
            }
        }
        return false;
    }

    private static NDArray random(NDManager m, Random rnd, long... shape) {
        Shape s = new Shape(shape);
        float[] v = new float[(int) s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian() * 0.5f;
        }
        return m.create(v, s);
    }

    private static void assertClose(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.getShape(), actual.getShape(), what + " shape");
        float diff = expected.sub(actual).abs().max().getFloat();
        float scale = Math.max(1f, expected.abs().max().getFloat());
        assertTrue(diff <= 1e-5f * scale, what + ": max difference " + diff);
    }
}
