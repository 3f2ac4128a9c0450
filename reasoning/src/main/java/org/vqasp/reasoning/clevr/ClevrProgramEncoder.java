package org.vqasp.reasoning.clevr;

import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.reasoning.Facts;

/**
 * Encodes a CLEVR program as a step-indexed graph for the CLEVR theory: {@code step(S,F)},
 * {@code in(S,K,P)} (the K-th input of S is step P), {@code arg(S,K,V)} (the K-th value input; empty values,
 * meaning "any", are left out), {@code goal(S)} for the last step and {@code image(S,W)} for each scene step.
 * Branching programs (comparisons, union, intersect) are graphs like any other.
 *
 * <p>Several questions are solved together by numbering them apart: question {@code j}'s step {@code i} is
 * {@code j * STRIDE + i}.
 */
public final class ClevrProgramEncoder {

    /** Step numbers of consecutive questions in one batch are this far apart. */
    public static final int STRIDE = 1000;

    private ClevrProgramEncoder() {
    }

    /** Returns the facts of a single program over image 0, its steps numbered from 0. */
    public static String encode(Program program) {
        return encode(program, 0, 0, new Facts()).toString();
    }

    /**
     * Appends the facts of the {@code j}-th program of a batch to a fact list.
     *
     * @param program the program
     * @param j the program's position in the batch
     * @param w the image its scene steps look at
     * @param facts the fact list
     * @return the fact list
     * @throws InputException when the program is longer than {@link #STRIDE} steps
     */
    public static Facts encode(Program program, int j, int w, Facts facts) {
        if (program.size() >= STRIDE) {
            throw new InputException(ErrorKind.BAD_PROGRAM, "program has " + program.size() + " steps, at most "
                    + (STRIDE - 1) + " are supported");
        }
        int base = j * STRIDE;
        for (int s = 0; s < program.size(); s++) {
            ProgramStep step = program.step(s);
            facts.add("step", base + s, step.function());
            if (step.function().equals("scene")) {
                facts.add("image", base + s, w);
            }
            for (int k = 0; k < step.inputs().size(); k++) {
                facts.add("in", base + s, k, base + step.inputs().get(k));
            }
            for (int k = 0; k < step.valueInputs().size(); k++) {
                String v = step.valueInputs().get(k);
                if (!v.isEmpty()) {
                    facts.add("arg", base + s, k, v);
                }
            }
        }
        facts.add("goal", base + program.size() - 1);
        return facts;
    }
}
