package org.vqasp.language.clevr;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;

/**
 * A second reading of a program whose {@code unique} step found several objects on the scene, the way people
 * mean "the ball behind the cube" or "the largest object" when more than one object fits: of the objects a
 * {@code unique} step receives, the one nearest to the object they were related to ({@code relate},
 * {@code same_*}: "the ball behind the cube" is the one just behind it), else the one nearest the viewer (the
 * largest-looking of several large objects). Each {@code unique} gets a {@code nearest} or
 * {@code extreme[front]} step before it; a set of one is left as it is, so the reading agrees with the program
 * wherever the program has an answer.
 *
 * <p>Batch evaluation and {@code vqa ask} use it for parsed programs only, and only after the program failed
 * with {@code unique}.
 */
public final class UniqueRelaxation {

    private UniqueRelaxation() {
    }

    /**
     * Returns the relaxed program, or the program itself when it has no {@code unique} step over a set.
     *
     * @param program a program in CLEVR's expanded form (fused template functions are left as they are)
     */
    public static Program relax(Program program) {
        List<ProgramStep> out = new ArrayList<>(program.size() + 4);
        int[] map = new int[program.size()];
        boolean changed = false;
        for (int i = 0; i < program.size(); i++) {
            ProgramStep s = program.step(i);
            List<Integer> inputs = new ArrayList<>(s.inputs().size());
            for (int in : s.inputs()) {
                inputs.add(map[in]);
            }
            if (s.function().equals("unique")) {
                int set = inputs.get(0);
                Integer anchor = anchor(program, s.inputs().get(0));
                if (anchor != null) {
                    out.add(new ProgramStep("nearest", List.of(set, map[anchor]), List.of()));
                } else {
                    out.add(new ProgramStep("extreme", List.of(set), List.of("front")));
                }
                inputs = List.of(out.size() - 1);
                changed = true;
            }
            out.add(new ProgramStep(s.function(), inputs, s.valueInputs()));
            map[i] = out.size() - 1;
        }
        return changed ? new Program(out) : program;
    }

    /**
     * Returns the object step a set was related to (through filters, to a {@code relate} or {@code same_*}
     * step's input), or null.
     */
    private static Integer anchor(Program p, int step) {
        int s = step;
        while (true) {
            ProgramStep x = p.step(s);
            String fn = x.function();
            if (fn.startsWith("filter_") && x.inputs().size() == 1) {
                s = x.inputs().get(0);
            } else if (fn.equals("relate") || fn.startsWith("same_")) {
                return x.inputs().get(0);
            } else if (fn.equals("intersect") || fn.equals("exclude")) {
                // "the object left of the cube and behind the ball": the first relation's object
                s = x.inputs().get(0);
            } else {
                return null;
            }
        }
    }
}
