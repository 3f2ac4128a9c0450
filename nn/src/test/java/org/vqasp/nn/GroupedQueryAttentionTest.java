package org.vqasp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupedQueryAttentionTest {

    private static final long B = 2;
    private static final long SQ = 5;
    private static final long SK = 7;
    private static final int D = 8;

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /**
     * (numHeads, numQueryHeads, numKvHeads, cross, mask, blockRows): MHA, GQA, MQA and SQA, self and cross, with
     * the scores in one block (0) or in blocks of 3 folded rows, the last one shorter.
     */
    static Stream<Arguments> settings() {
        List<Arguments> all = new ArrayList<>();
        int[][] heads = {{4, 4, 4}, {4, 4, 2}, {4, 4, 1}, {4, 2, 2}, {4, 2, 1}, {4, 1, 1}};
        for (int[] h : heads) {
            for (boolean cross : new boolean[] {false, true}) {
                for (int blockRows : new int[] {0, 3}) {
                    all.add(Arguments.of(h[0], h[1], h[2], cross, cross || h[2] == 2, blockRows));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "H={0} Hq={1} G={2} cross={3} mask={4} blockRows={5}")
    @MethodSource("settings")
    void should_match_per_head_reference_in_values_and_gradients(
            int h, int hq, int g, boolean cross, boolean masked, int blockRows) {
        try (NDManager m = manager.newSubManager()) {
            // given a block with seeded weights and inputs
            long sk = cross ? SK : SQ;
            long maxScoreElements = blockRows == 0 ? GroupedQueryAttention.DEFAULT_MAX_SCORE_ELEMENTS
                    : B * g * sk * blockRows;
            GroupedQueryAttention block = GroupedQueryAttention.builder().setEmbedDim(D).setNumHeads(h)
                    .optNumQueryHeads(hq).optNumKvHeads(g).optCrossAttention(cross).optKeyPaddingMask(masked)
                    .optMaxScoreElements(maxScoreElements).build();
            Random rnd = new Random(31L * h + 7L * hq + g + (cross ? 1000 : 0));
            int dkv = cross ? 6 : D;
            NDArray x = random(m, rnd, B, SQ, D);
            NDArray memory = cross ? random(m, rnd, B, sk, dkv) : x;
            NDArray mask = masked ? mask(m, sk) : null;
            NDList inputs = new NDList(x);
            if (cross) {
                inputs.add(memory);
            }
            if (masked) {
                inputs.add(mask);
            }
            block.initialize(m, DataType.FLOAT32, inputs.getShapes());
            for (Parameter p : block.getParameters().values()) {
                p.getArray().set(random(m, rnd, p.getArray().getShape().getShape()).toFloatArray());
            }
            NDArray upstream = random(m, rnd, B, SQ, D);

            // when both run forward and backward
            for (NDArray a : new NDArray[] {x, memory}) {
                a.setRequiresGradient(true);
            }
            NDArray out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = block.forward(new ParameterStore(m, false), inputs, true).singletonOrThrow();
                // a collection between forward and backward must not change the gradients (see Scalars)
                System.gc();
                gc.backward(out.mul(upstream).sum());
            }
            List<NDArray> blockGrads = new ArrayList<>();
            blockGrads.add(x.getGradient().duplicate());
            if (cross) {
                blockGrads.add(memory.getGradient().duplicate());
            }
            for (Parameter p : block.getParameters().values()) {
                blockGrads.add(p.getArray().getGradient().duplicate());
            }

            NDArray rx = x.duplicate();
            NDArray rmem = cross ? memory.duplicate() : rx;
            List<NDArray> weights = new ArrayList<>();
            for (Parameter p : block.getParameters().values()) {
                weights.add(p.getArray().duplicate());
            }
            List<NDArray> leaves = new ArrayList<>();
            leaves.add(rx);
            if (cross) {
                leaves.add(rmem);
            }
            leaves.addAll(weights);
            leaves.forEach(a -> a.setRequiresGradient(true));
            NDArray ref;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                ref = reference(rx, rmem, mask, weights, h, hq, g);
                System.gc();
                gc.backward(ref.mul(upstream).sum());
            }

            // then values and every gradient agree
            assertEquals(new Shape(B, SQ, D), out.getShape());
            assertClose(ref, out, "output");
            for (int i = 0; i < leaves.size(); i++) {
                assertTrue(blockGrads.get(i).abs().max().getFloat() > 0, "gradient " + i + " is zero");
                assertClose(leaves.get(i).getGradient(), blockGrads.get(i), "gradient " + i);
            }
        }
    }

    @Test
    void should_average_unmasked_values_when_weights_are_ones() {
        try (NDManager m = manager.newSubManager()) {
            // given ones weights, zero biases, D=2, H=2 (dh=1), MQA, and the last key masked
            GroupedQueryAttention block = GroupedQueryAttention.builder().setEmbedDim(2).setNumHeads(2)
                    .optNumKvHeads(1).optKeyPaddingMask(true).build();
            NDArray x = m.create(new float[] {1, 0, 0, 2, 5, 5}, new Shape(1, 3, 2));
            NDArray mask = m.create(new float[] {1, 1, 0}, new Shape(1, 3));
            block.initialize(m, DataType.FLOAT32, x.getShape(), mask.getShape());
            for (Parameter p : block.getParameters().values()) {
                p.getArray().set(p.getType() == Parameter.Type.BIAS
                        ? new float[(int) p.getArray().size()]
                        : ones((int) p.getArray().size()));
            }
            // when
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(x, mask), false).head();
            // then: every token's q = k = v = x0 + x1 = (1, 2, 10); keys 1 and 2 are visible.
            // token t attends with weights softmax(q_t * (1, 2)) to values (1, 2); two heads, Wo ones -> 2 * that.
            float[] expected = new float[6];
            float[] q = {1, 2, 10};
            for (int t = 0; t < 3; t++) {
                double e1 = Math.exp(q[t] * 1);
                double e2 = Math.exp(q[t] * 2);
                float mean = (float) ((e1 * 1 + e2 * 2) / (e1 + e2));
                expected[2 * t] = 2 * mean;
                expected[2 * t + 1] = 2 * mean;
            }
            assertClose(m.create(expected, new Shape(1, 3, 2)), out, "hand-computed");
        }
    }

    @Test
    void should_give_same_output_after_save_and_load() throws Exception {
        try (NDManager m = manager.newSubManager()) {
            // given a trained-looking GQA block
            GroupedQueryAttention block = GroupedQueryAttention.builder().setEmbedDim(D).setNumHeads(4)
                    .optNumKvHeads(2).build();
            NDArray x = random(m, new Random(5), B, SQ, D);
            block.initialize(m, DataType.FLOAT32, x.getShape());
            NDArray before = block.forward(new ParameterStore(m, false), new NDList(x), false).head();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));

            // when a fresh block loads the bytes
            GroupedQueryAttention loaded = GroupedQueryAttention.builder().setEmbedDim(D).setNumHeads(4)
                    .optNumKvHeads(2).build();
            loaded.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray after = loaded.forward(new ParameterStore(m, false), new NDList(x), false).head();

            // then the outputs are identical, and a block with other settings refuses the bytes
            assertClose(before, after, "round trip");
            GroupedQueryAttention other = GroupedQueryAttention.builder().setEmbedDim(D).setNumHeads(4).build();
            Exception e = assertThrows(ai.djl.MalformedModelException.class, () -> other.loadParameters(m,
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
            assertTrue(e.getMessage().contains("numKvHeads"), e.getMessage());
        }
    }

    @Test
    void should_name_bad_settings() {
        assertEquals("numQueryHeads 6 not divisible by numKvHeads 4", assertThrows(IllegalArgumentException.class,
                () -> GroupedQueryAttention.builder().setEmbedDim(48).setNumHeads(8).optNumQueryHeads(6)
                        .optNumKvHeads(4).build()).getMessage());
        assertEquals("embedDim 10 not divisible by numHeads 4", assertThrows(IllegalArgumentException.class,
                () -> GroupedQueryAttention.builder().setEmbedDim(10).setNumHeads(4).build()).getMessage());
        assertEquals("numQueryHeads 8 must be in 1..4 (numHeads)", assertThrows(IllegalArgumentException.class,
                () -> GroupedQueryAttention.builder().setEmbedDim(8).setNumHeads(4).optNumQueryHeads(8).build())
                .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GroupedQueryAttention.builder().setNumHeads(4).build());
        assertEquals("maxScoreElements must be positive, got 0", assertThrows(IllegalArgumentException.class,
                () -> GroupedQueryAttention.builder().setEmbedDim(8).setNumHeads(4).optMaxScoreElements(0).build())
                .getMessage());
    }

    @Test
    void should_ignore_masked_keys_in_pure_function() {
        try (NDManager m = manager.newSubManager()) {
            // given GQA-shaped q, k, v where the masked keys carry huge values
            Random rnd = new Random(11);
            NDArray q = random(m, rnd, 1, 4, 3, 2);
            NDArray k = random(m, rnd, 1, 2, 4, 2);
            NDArray v = random(m, rnd, 1, 2, 4, 2);
            NDArray mask = m.create(new float[] {1, 1, 0, 0}, new Shape(1, 4));
            NDArray vBig = v.get(":, :, 0:2").concat(v.get(":, :, 2:").mul(1000), 2);
            // when
            NDArray a = GroupedQueryAttention.attention(q, k, v, mask);
            NDArray bigger = GroupedQueryAttention.attention(q, k, vBig, mask);
            NDArray trimmed = GroupedQueryAttention.attention(q, k.get(":, :, 0:2"), v.get(":, :, 0:2"), null);
            NDArray oneRowBlocks = GroupedQueryAttention.attention(q, k, vBig, mask, 1);
            // then masking equals dropping the keys, whatever they hold, in one block or one row at a time
            assertClose(trimmed, a, "masked vs trimmed");
            assertClose(trimmed, bigger, "masked keys ignored");
            assertClose(trimmed, oneRowBlocks, "masked, one row per block");
        }
    }

    /** Plain per-head attention: one head at a time, keys and values looked up by group, mask by renormalising. */
    private static NDArray reference(NDArray x, NDArray memory, NDArray mask, List<NDArray> w, int h, int hq,
            int g) {
        // parameter order: queryWeight, keyWeight, valueWeight, outputWeight, queryBias, keyBias, valueBias,
        // outputBias
        int dh = D / h;
        NDArray q = x.matMul(w.get(0).transpose()).add(w.get(4));
        NDArray k = memory.matMul(w.get(1).transpose()).add(w.get(5));
        NDArray v = memory.matMul(w.get(2).transpose()).add(w.get(6));
        int r = hq / g;
        NDList heads = new NDList();
        for (int head = 0; head < hq; head++) {
            int group = head / r;
            NDArray qh = q.get(":, :, " + head * dh + ":" + (head + 1) * dh);
            NDArray kh = k.get(":, :, " + group * dh + ":" + (group + 1) * dh);
            NDArray vh = v.get(":, :, " + group * dh + ":" + (group + 1) * dh);
            NDArray s = qh.matMul(kh.transpose(0, 2, 1)).div(Scalars.of(qh, Math.sqrt(dh)));
            NDArray e = s.sub(s.max(new int[] {2}, true)).exp();
            if (mask != null) {
                e = e.mul(mask.expandDims(1));
            }
            NDArray p = e.div(e.sum(new int[] {2}, true));
            heads.add(p.matMul(vh));
        }
        return heads.stream().reduce((a, b) -> a.concat(b, 2)).orElseThrow()
                .matMul(w.get(3).transpose()).add(w.get(7));
    }

    private static NDArray mask(NDManager m, long sk) {
        float[] values = new float[(int) (B * sk)];
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < sk; j++) {
                values[(int) (b * sk + j)] = j < sk - 1 - b ? 1 : 0; // batch row b pads its last b + 1 keys
            }
        }
        return m.create(values, new Shape(B, sk));
    }

    private static NDArray random(NDManager m, Random rnd, long... shape) {
        Shape s = new Shape(shape);
        float[] v = new float[(int) s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian() * 0.5f;
        }
        return m.create(v, s);
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    private static void assertClose(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.getShape(), actual.getShape(), what + " shape");
        float diff = expected.sub(actual).abs().max().getFloat();
        float scale = Math.max(1f, expected.abs().max().getFloat());
        assertTrue(diff <= 1e-4f * scale, what + ": max difference " + diff + " (largest expected "
                + expected.abs().max().getFloat() + ", actual " + actual.abs().max().getFloat() + ")");
    }
}
