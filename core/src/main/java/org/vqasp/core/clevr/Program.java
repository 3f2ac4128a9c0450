package org.vqasp.core.clevr;

import java.util.List;

/**
 * A CLEVR functional program: steps in order, each taking the outputs of earlier steps; the last step is
 * the answer.
 *
 * @param steps the steps; never empty
 */
public record Program(List<ProgramStep> steps) {

    /**
     * Checks that there is at least one step and that every input names an earlier step.
     *
     * @throws IllegalArgumentException naming the step and the bad input
     */
    public Program {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("program has no steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            for (int in : steps.get(i).inputs()) {
                if (in < 0 || in >= i) {
                    throw new IllegalArgumentException("step " + i + " (" + steps.get(i).function()
                            + ") takes input " + in + ", which is not an earlier step (0.." + (i - 1) + ")");
                }
            }
        }
    }

    /** Returns the number of steps. */
    public int size() {
        return steps.size();
    }

    /** Returns the step at an index. */
    public ProgramStep step(int i) {
        return steps.get(i);
    }

    /** Returns the program in CLEVR's compact prefix notation, for messages and display. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            ProgramStep s = steps.get(i);
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(i).append(':').append(s.function());
            if (!s.valueInputs().isEmpty()) {
                sb.append(s.valueInputs());
            }
            if (!s.inputs().isEmpty()) {
                sb.append(s.inputs());
            }
        }
        return sb.toString();
    }

    /**
     * Returns the program on one line for people: a chain of steps reads {@code scene -> filter_color[red] ->
     * unique -> query_shape}; a step that does not take the step before it starts a new part after {@code ;}
     * and names its inputs: {@code (3, 7) equal_integer}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            ProgramStep s = steps.get(i);
            boolean chain = s.inputs().size() == 1 && s.inputs().get(0) == i - 1;
            if (i > 0) {
                sb.append(chain ? " -> " : " ; ");
            }
            if (!chain && !s.inputs().isEmpty()) {
                sb.append(s.inputs().toString().replace('[', '(').replace(']', ')')).append(' ');
            }
            sb.append(s.function());
            List<String> values = s.valueInputs().stream().filter(v -> !v.isEmpty()).toList();
            if (!values.isEmpty()) {
                sb.append(values);
            }
        }
        return sb.toString();
    }
}
