package org.vqasp.language.clevr.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.clevr.learned.ProgramGrammar.Token;

/**
 * Beam search for the most probable programs of a question under the grammar: at every step each hypothesis may
 * only write the tokens its {@link OwedStack} accepts within the length budget, and their probabilities are
 * renormalised over those tokens (the same constrained softmax the model is trained with). Every result is
 * therefore a complete, well-typed program, and its probability is the product of its steps' probabilities.
 */
final class ProgramBeamSearch {

    /**
     * A decoded program.
     *
     * @param tokens its prefix tokens
     * @param program the program, steps in post-order
     * @param logProbability the natural log of its probability under the model
     */
    record Hypothesis(List<Token> tokens, Program program, double logProbability) {
        /** Returns the probability. */
        double probability() {
            return Math.exp(logProbability);
        }
    }

    private record Live(List<Token> tokens, OwedStack stack, double logp, int row) {
    }

    private final ParserNet net;
    private final ProgramGrammar grammar;

    ProgramBeamSearch(ParserNet net, ProgramGrammar grammar) {
        this.net = net;
        this.grammar = grammar;
    }

    /**
     * Returns up to {@code beams} programs, most probable first.
     *
     * @param manager the manager the step arrays are made in (closed by the caller)
     * @param words word ids of one question
     * @param concepts concept ids of the same words
     * @param beams beam width, at least 1
     */
    List<Hypothesis> search(NDManager manager, ParameterStore ps, long[] words, long[] concepts, int beams) {
        return search(manager, ps, words, concepts, beams, ProgramGrammar.Type.ANSWER);
    }

    /**
     * Returns up to {@code beams} programs whose answer is of a type, most probable first. The network is still
     * fed {@link ProgramGrammar.Type#ANSWER} as the root's owed type, as in training; only the choice is narrowed.
     *
     * @param answer the root type: {@link ProgramGrammar.Type#ANSWER} or one answer type
     */
    List<Hypothesis> search(NDManager manager, ParameterStore ps, long[] words, long[] concepts, int beams,
            ProgramGrammar.Type answer) {
        int maxTokens = net.config().maxTokens();
        NDList enc = net.encode(ps, manager.create(words).reshape(1, words.length),
                manager.create(concepts).reshape(1, concepts.length), false);
        NDArray memory = enc.get(0); // (1, S, D)
        NDArray h = enc.get(1); // (1, n, D)
        NDArray c = enc.get(2);
        List<Live> live = new ArrayList<>(List.of(new Live(List.of(), OwedStack.start(net.rootSlot()), 0, 0)));
        boolean[] rootMask = grammar.allowed(answer);
        List<Hypothesis> done = new ArrayList<>();
        NDArray memoryN = memory;
        int v = grammar.size();
        for (int t = 0; t < maxTokens && !live.isEmpty(); t++) {
            int n = live.size();
            long[] prev = new long[n];
            long[] types = new long[n];
            long[] slots = new long[n];
            long[] rows = new long[n];
            for (int i = 0; i < n; i++) {
                Live l = live.get(i);
                prev[i] = l.tokens().isEmpty() ? net.startToken() : l.tokens().get(l.tokens().size() - 1).id();
                types[i] = l.stack().top().ordinal();
                slots[i] = l.stack().topSlot();
                rows[i] = l.row();
            }
            if (memoryN.getShape().get(0) != n) {
                memoryN = memory.repeat(0, n); // (n, S, D)
            }
            if (t > 0) {
                NDArray index = manager.create(rows);
                h = h.get(new NDIndex(":, {}", index)); // (1, n, D)
                c = c.get(new NDIndex(":, {}", index));
            }
            NDList out = net.decode(ps, memoryN, h, c, manager.create(prev).reshape(n, 1),
                    manager.create(types).reshape(n, 1), manager.create(slots).reshape(n, 1), false);
            float[] logits = out.get(0).toFloatArray(); // (n, 1, V)
            h = out.get(1);
            c = out.get(2);
            List<Live> next = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Live l = live.get(i);
                boolean[] allowed = grammar.allowed(l.stack().top(), maxTokens - l.tokens().size(),
                        l.stack().othersCost());
                if (t == 0) {
                    for (int k = 0; k < v; k++) {
                        allowed[k] &= rootMask[k];
                    }
                }
                double[] lp = logSoftmax(logits, i * v, v, allowed);
                for (int k = 0; k < v; k++) {
                    if (allowed[k]) {
                        next.add(new Live(append(l.tokens(), grammar.tokens().get(k)), l.stack(), l.logp() + lp[k], i));
                    }
                }
            }
            next.sort(Comparator.comparingDouble(Live::logp).reversed());
            live = new ArrayList<>();
            for (Live cand : next) {
                if (live.size() >= beams) {
                    break;
                }
                Token written = cand.tokens().get(cand.tokens().size() - 1);
                OwedStack stack = cand.stack().push(written, grammar);
                if (stack.complete()) {
                    done.add(new Hypothesis(cand.tokens(), grammar.toProgram(cand.tokens()), cand.logp()));
                } else {
                    live.add(new Live(cand.tokens(), stack, cand.logp(), cand.row()));
                }
            }
            done.sort(Comparator.comparingDouble(Hypothesis::logProbability).reversed());
            if (done.size() >= beams && (live.isEmpty()
                    || live.get(0).logp() < done.get(beams - 1).logProbability())) {
                break; // no live hypothesis can still enter the best `beams`
            }
        }
        done.sort(Comparator.comparingDouble(Hypothesis::logProbability).reversed());
        return done.size() > beams ? List.copyOf(done.subList(0, beams)) : List.copyOf(done);
    }

    private static List<Token> append(List<Token> tokens, Token t) {
        List<Token> out = new ArrayList<>(tokens.size() + 1);
        out.addAll(tokens);
        out.add(t);
        return out;
    }

    /** Log-softmax of {@code logits[from .. from + v)} over the allowed entries (others: negative infinity). */
    static double[] logSoftmax(float[] logits, int from, int v, boolean[] allowed) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v; k++) {
            if (allowed[k]) {
                max = Math.max(max, logits[from + k]);
            }
        }
        double sum = 0;
        for (int k = 0; k < v; k++) {
            if (allowed[k]) {
                sum += Math.exp(logits[from + k] - max);
            }
        }
        double log = max + Math.log(sum);
        double[] out = new double[v];
        for (int k = 0; k < v; k++) {
            out[k] = allowed[k] ? logits[from + k] - log : Double.NEGATIVE_INFINITY;
        }
        return out;
    }
}
