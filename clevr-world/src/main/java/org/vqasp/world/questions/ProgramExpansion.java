package org.vqasp.world.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vqasp.core.clevr.ProgramStep;

/**
 * Expands template nodes into the released basic functions, exactly as the original generator does: a fused
 * {@code filter_unique} becomes {@code filter_size}, {@code filter_color}, {@code filter_material},
 * {@code filter_shape} (only those with a value, in that order) and {@code unique}; a {@code relate_filter_*}
 * node starts with {@code relate}. The generator and the parser share it, so parsed programs equal generated
 * ones step for step.
 */
public final class ProgramExpansion {

    private ProgramExpansion() {
    }

    /** The fused template-only filter nodes. */
    public static final Set<String> FUSED = Set.of("filter", "filter_unique", "filter_count", "filter_exist",
            "relate_filter", "relate_filter_unique", "relate_filter_count", "relate_filter_exist");

    /** Whether a template node type is one of the fused template-only filters. */
    public static boolean isFused(String type) {
        return FUSED.contains(type);
    }

    /**
     * Appends the steps of template node {@code n} to {@code steps} and records in {@code inputMap[n]} the step
     * that carries its output.
     *
     * @param t the template
     * @param n the node index
     * @param values the canonical value of each side input of the node, null for NULL (relation first for
     *     {@code relate_filter_*})
     * @param steps the program so far
     * @param inputMap template node index to program step index
     */
    public static void expand(Template t, int n, List<String> values, List<ProgramStep> steps, int[] inputMap) {
        Template.Node node = t.nodes().get(n);
        int base = steps.size();
        if (isFused(node.type())) {
            List<ProgramStep> added = new ArrayList<>(6);
            int first = inputMap[node.inputs().get(0)];
            int next = first;
            int from = 0;
            if (node.type().startsWith("relate")) {
                added.add(new ProgramStep("relate", List.of(next), List.of(values.get(0))));
                next = base + added.size() - 1;
                from = 1;
            }
            for (int k = from; k < node.sideInputs().size(); k++) {
                String v = values.get(k);
                if (v != null) {
                    String fn = Template.FILTER_OF_TYPE.get(t.paramType(node.sideInputs().get(k)));
                    added.add(new ProgramStep(fn, List.of(next), List.of(v)));
                    next = base + added.size() - 1;
                }
            }
            String extra = node.type().endsWith("unique") ? "unique" : node.type().endsWith("count") ? "count"
                    : node.type().endsWith("exist") ? "exist" : null;
            if (extra != null) {
                // the original's rule: the template input's step plus the steps added so far
                added.add(new ProgramStep(extra, List.of(first + added.size()), List.of()));
            }
            steps.addAll(added);
            // with nothing added this is the last step so far, as in the original
            inputMap[n] = base + added.size() - 1;
            return;
        }
        List<Integer> inputs = new ArrayList<>(node.inputs().size());
        for (int in : node.inputs()) {
            inputs.add(inputMap[in]);
        }
        steps.add(new ProgramStep(node.type(), inputs, node.sideInputs().isEmpty() ? List.of() : List.of(values.get(0))));
        inputMap[n] = base;
    }
}
