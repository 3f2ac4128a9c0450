package org.vqasp.language.clevr.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserNetTest {

    static final ProgramGrammar GRAMMAR = ProgramGrammar.clevr();

    static ParserNetConfig tiny(int maxTokens) {
        return new ParserNetConfig(30, GRAMMAR.size(), 16, 1, 4, 2, 32, 12, maxTokens, 0.1f);
    }

    private static NDList inputs(NDManager m, long b, long s, long t) {
        return new NDList(m.randomInteger(2, 30, new Shape(b, s), ai.djl.ndarray.types.DataType.INT64),
                m.randomInteger(0, ParserNet.CONCEPTS, new Shape(b, s), ai.djl.ndarray.types.DataType.INT64),
                m.randomInteger(0, GRAMMAR.size() + 1, new Shape(b, t), ai.djl.ndarray.types.DataType.INT64),
                m.randomInteger(0, ParserNet.TYPES, new Shape(b, t), ai.djl.ndarray.types.DataType.INT64),
                m.randomInteger(0, 2L * GRAMMAR.size() + 1, new Shape(b, t), ai.djl.ndarray.types.DataType.INT64));
    }

    @Test
    void should_give_logits_per_step_and_token_and_match_step_by_step_decoding() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            // given a tiny network and a batch of 3 questions of 5 words with 4 program steps
            ParserNet net = new ParserNet(tiny(20));
            net.initialize(m, 3, 5, 4);
            ParameterStore ps = new ParameterStore(m, false);
            NDList in = inputs(m, 3, 5, 4);
            // when it reads them whole
            NDArray logits = net.forward(ps, in, false).head();
            // then each step has one logit per token
            assertEquals(new Shape(3, 4, GRAMMAR.size()), logits.getShape());
            // and decoding one step at a time, carrying the LSTM state, gives the same logits
            NDList enc = net.encode(ps, in.get(0), in.get(1), false);
            NDArray h = enc.get(1);
            NDArray c = enc.get(2);
            for (int t = 0; t < 4; t++) {
                NDIndex at = new NDIndex(":, {}:{}", t, t + 1);
                NDList out = net.decode(ps, enc.get(0), h, c, in.get(2).get(at), in.get(3).get(at), in.get(4).get(at),
                        false);
                h = out.get(1);
                c = out.get(2);
                float[] step = out.get(0).toFloatArray();
                float[] whole = logits.get(new NDIndex(":, {}:{}, :", t, t + 1)).toFloatArray();
                assertArrayEquals(whole, step, 1e-4f, "step " + t);
            }
        }
    }

    @Test
    void should_give_the_same_outputs_after_a_save_and_load_round_trip() throws Exception {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            // given a network with random weights
            ParserNet net = new ParserNet(tiny(20));
            net.initialize(m, 2, 6, 3);
            NDList in = inputs(m, 2, 6, 3);
            float[] before = net.forward(new ParameterStore(m, false), in, false).head().toFloatArray();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            net.saveParameters(new DataOutputStream(bytes));
            // when its parameters are loaded into a fresh network
            ParserNet copy = new ParserNet(tiny(20));
            copy.initialize(m, 1, 2, 1);
            copy.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            float[] after = copy.forward(new ParameterStore(m, false), in, false).head().toFloatArray();
            // then it computes the same logits
            assertArrayEquals(before, after, 1e-6f);
            // and dropout makes training outputs differ from inference ones
            float[] training = net.forward(new ParameterStore(m, false), in, true).head().toFloatArray();
            assertTrue(!java.util.Arrays.equals(before, training));
        }
    }

    @Test
    void should_only_ever_decode_well_formed_programs_whose_probability_is_the_trained_one() {
        int compared = 0;
        for (int seed = 0; seed < 4; seed++) {
            Engine.getInstance().setRandomSeed(seed);
            int maxTokens = seed % 2 == 0 ? 200 : 7; // a tight budget must still give complete programs
            try (NDManager m = NDManager.newBaseManager()) {
                // given an untrained network (its choices are arbitrary)
                ParserNet net = new ParserNet(tiny(maxTokens));
                net.initialize(m, 1, 4, 2);
                ParameterStore ps = new ParameterStore(m, false);
                ProgramBeamSearch search = new ProgramBeamSearch(net, GRAMMAR);
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
                for (int q = 0; q < 5; q++) {
                    int n = 1 + rnd.nextInt(10);
                    long[] words = new long[n];
                    long[] concepts = new long[n];
                    for (int i = 0; i < n; i++) {
                        words[i] = 2 + rnd.nextInt(28);
                        concepts[i] = rnd.nextInt(ParserNet.CONCEPTS);
                    }
                    // when it decodes with a beam of 4
                    List<ProgramBeamSearch.Hypothesis> hyps = search.search(m, ps, words, concepts, 4);
                    assertEquals(4, hyps.size());
                    double total = 0;
                    double previous = 0;
                    for (ProgramBeamSearch.Hypothesis h : hyps) {
                        // then every program is one well-typed tree within the budget
                        assertEquals(h.tokens(), GRAMMAR.tokens(h.program()));
                        assertTrue(h.tokens().size() <= maxTokens, h.tokens().toString());
                        assertTrue(h.logProbability() <= previous + 1e-9, "most probable first");
                        previous = h.logProbability();
                        total += h.probability();
                        // and its probability is the one the training loss uses
                        try (NDManager step = m.newSubManager()) {
                            NDList a = ParserBatch.arrays(step, List.of(new ParserBatch.Item(words, concepts,
                                    h.tokens())), net, GRAMMAR);
                            NDArray logits = net.forward(ps, new NDList(a.get(0), a.get(1), a.get(2), a.get(3),
                                    a.get(4)), false).head();
                            double lp = ParserBatch.logProbabilities(logits, a.get(5), a.get(6)).getFloat();
                            if (h.tokens().size() < maxTokens / 2) { // the budget never bound: the masks are the same
                                assertEquals(h.logProbability(), lp, 1e-3, h.tokens().toString());
                                compared++;
                            }
                        }
                    }
                    assertTrue(total <= 1 + 1e-6);
                }
            }
        }
        assertTrue(compared >= 10, "only " + compared + " programs compared with the loss");
    }
}
