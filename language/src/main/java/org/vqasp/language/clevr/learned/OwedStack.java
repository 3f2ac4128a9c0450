package org.vqasp.language.clevr.learned;

import java.util.Arrays;
import org.vqasp.language.clevr.learned.ProgramGrammar.Token;
import org.vqasp.language.clevr.learned.ProgramGrammar.Type;

/**
 * What a program being written in prefix order still owes: a stack of (type, slot) pairs, the next one on top.
 * Writing a token pops the top and pushes the token's inputs, the first input on top. The program is complete when
 * the stack is empty. Immutable: {@link #push} returns a new stack.
 */
final class OwedStack {

    private final Type[] types;
    private final int[] slots;
    private final int othersCost;

    private OwedStack(Type[] types, int[] slots, int othersCost) {
        this.types = types;
        this.slots = slots;
        this.othersCost = othersCost;
    }

    /** Returns the stack of an empty program: one answer owed at the root slot. */
    static OwedStack start(int rootSlot) {
        return new OwedStack(new Type[] {Type.ANSWER}, new int[] {rootSlot}, 0);
    }

    /** Returns whether nothing more is owed. */
    boolean complete() {
        return types.length == 0;
    }

    /** Returns the type owed next. */
    Type top() {
        return types[types.length - 1];
    }

    /** Returns the slot filled next. */
    int topSlot() {
        return slots[slots.length - 1];
    }

    /** Returns the least number of tokens the entries below the top need. */
    int othersCost() {
        return othersCost;
    }

    /**
     * Returns the stack after writing a token at the top.
     *
     * @throws IllegalArgumentException when the top does not accept the token
     */
    OwedStack push(Token token, ProgramGrammar grammar) {
        if (!top().accepts(token.output())) {
            throw new IllegalArgumentException(token.text() + " gives " + token.output() + " where " + top()
                    + " is owed");
        }
        int n = types.length - 1 + token.inputs().size();
        Type[] t = Arrays.copyOf(types, n);
        int[] s = Arrays.copyOf(slots, n);
        int k = token.inputs().size();
        for (int i = 0; i < k; i++) { // the first input ends on top
            t[types.length - 1 + i] = token.inputs().get(k - 1 - i);
            s[types.length - 1 + i] = ParserNet.slot(token.id(), k - 1 - i);
        }
        int others = 0;
        for (int i = 0; i < n - 1; i++) {
            others += grammar.minimumCost(t[i]);
        }
        return new OwedStack(t, s, others);
    }
}
