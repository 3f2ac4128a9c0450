package org.vqasp.language.clevr.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.vqasp.language.clevr.learned.ProgramGrammar.Token;

/**
 * A batch of questions of equal length with their target programs, as the arrays {@link ParserNet} and its loss
 * take. Targets of different lengths are padded; padded steps carry no loss.
 *
 * <p>Shapes: words and concepts (B, S); previous tokens, owed types and slots (B, T); the grammar mask and the
 * one-hot targets (B, T, V), the mask 0 where the owed type accepts a token and -1e4 elsewhere, so that the loss is
 * the cross-entropy of the grammar-constrained softmax the decoder samples from.
 */
final class ParserBatch {

    /**
     * One question with its program.
     *
     * @param wordIds the question's word ids
     * @param conceptIds their concept ids
     * @param target the program's prefix tokens
     */
    record Item(long[] wordIds, long[] conceptIds, List<Token> target) {
    }

    private ParserBatch() {
    }

    /**
     * Builds the network's five inputs and the loss's mask and targets.
     *
     * @return words, concepts, previous, types, slots, mask, targets; and the number of target tokens as a scalar
     * @throws IllegalArgumentException when the questions differ in length
     */
    static NDList arrays(NDManager m, List<Item> items, ParserNet net, ProgramGrammar grammar) {
        int b = items.size();
        int s = items.get(0).wordIds().length;
        int t = 0;
        for (Item it : items) {
            if (it.wordIds().length != s) {
                throw new IllegalArgumentException("a batch needs questions of one length: " + s + " and "
                        + it.wordIds().length);
            }
            t = Math.max(t, it.target().size());
        }
        int v = grammar.size();
        long[] words = new long[b * s];
        long[] concepts = new long[b * s];
        long[] prev = new long[b * t];
        long[] types = new long[b * t];
        long[] slots = new long[b * t];
        float[] mask = new float[b * t * v];
        float[] onehot = new float[b * t * v];
        int count = 0;
        for (int i = 0; i < b; i++) {
            Item it = items.get(i);
            System.arraycopy(it.wordIds(), 0, words, i * s, s);
            System.arraycopy(it.conceptIds(), 0, concepts, i * s, s);
            OwedStack stack = OwedStack.start(net.rootSlot());
            for (int k = 0; k < it.target().size(); k++) {
                Token tok = it.target().get(k);
                int at = i * t + k;
                prev[at] = k == 0 ? net.startToken() : it.target().get(k - 1).id();
                types[at] = stack.top().ordinal();
                slots[at] = stack.topSlot();
                boolean[] allowed = grammar.allowed(stack.top());
                for (int j = 0; j < v; j++) {
                    mask[at * v + j] = allowed[j] ? 0f : -1e4f;
                }
                onehot[at * v + tok.id()] = 1f;
                stack = stack.push(tok, grammar);
                count++;
            }
        }
        NDList out = new NDList();
        out.add(m.create(words, new Shape(b, s)));
        out.add(m.create(concepts, new Shape(b, s)));
        out.add(m.create(prev, new Shape(b, t)));
        out.add(m.create(types, new Shape(b, t)));
        out.add(m.create(slots, new Shape(b, t)));
        out.add(m.create(mask, new Shape(b, t, v)));
        out.add(m.create(onehot, new Shape(b, t, v)));
        out.add(m.create((float) count));
        return out;
    }

    /**
     * Returns the summed log-probability of the targets under the constrained softmax, per item (B).
     *
     * @param logits (B, T, V)
     * @param mask (B, T, V)
     * @param onehot (B, T, V)
     */
    static NDArray logProbabilities(NDArray logits, NDArray mask, NDArray onehot) {
        return logits.add(mask).logSoftmax(2).mul(onehot).sum(new int[] {1, 2}); // (B)
    }
}
