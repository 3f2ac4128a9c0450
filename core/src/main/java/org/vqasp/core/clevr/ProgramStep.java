package org.vqasp.core.clevr;

import java.util.List;
import java.util.Objects;

/**
 * One step of a CLEVR functional program.
 *
 * @param function the function name, such as {@code filter_color} or the fused {@code relate_filter_count}
 * @param inputs indices of earlier steps whose outputs this step takes
 * @param valueInputs literal arguments, such as {@code ["red"]}; fused forms list size, colour, material and
 *     shape in that order, and an empty string for "any"
 */
public record ProgramStep(String function, List<Integer> inputs, List<String> valueInputs) {

    /** Checks the function name and copies the lists. */
    public ProgramStep {
        Objects.requireNonNull(function, "function");
        if (function.isBlank()) {
            throw new IllegalArgumentException("function name is empty");
        }
        inputs = List.copyOf(inputs);
        valueInputs = List.copyOf(valueInputs);
    }

    /** Creates a step from a function, its value inputs and its input steps. */
    public static ProgramStep of(String function, List<String> valueInputs, Integer... inputs) {
        return new ProgramStep(function, List.of(inputs), valueInputs);
    }
}
