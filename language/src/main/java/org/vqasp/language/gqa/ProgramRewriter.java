package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.gqa.GqaOperation;

/**
 * Rewrites a program step by step, where a step may become several: the dependencies of the steps after it are
 * renumbered to the last of those that replace it. Stateless.
 */
final class ProgramRewriter {

    /** What one step becomes. */
    interface Expansion {
        /**
         * Returns the steps that replace a step, or null to keep it.
         *
         * @param index the step's index in the program
         * @param step the step, its dependencies renumbered
         * @param at the index the first replacing step will have (the others follow; their dependencies are
         *     absolute indices)
         */
        List<GqaOperation> steps(int index, GqaOperation step, int at);
    }

    private ProgramRewriter() {
    }

    /** Returns the program with each step expanded. */
    static List<GqaOperation> expand(List<GqaOperation> program, Expansion expansion) {
        int[] moved = new int[program.size()];
        List<GqaOperation> out = new ArrayList<>(program.size());
        for (int i = 0; i < program.size(); i++) {
            GqaOperation op = program.get(i);
            List<Integer> deps = new ArrayList<>();
            op.dependencies().forEach(d -> deps.add(moved[d]));
            GqaOperation renumbered = new GqaOperation(op.operation(), op.argument(), deps);
            List<GqaOperation> replacing = expansion.steps(i, renumbered, out.size());
            out.addAll(replacing == null ? List.of(renumbered) : replacing);
            moved[i] = out.size() - 1;
        }
        return List.copyOf(out);
    }
}
