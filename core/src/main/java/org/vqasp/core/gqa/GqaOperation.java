package org.vqasp.core.gqa;

import java.util.List;
import java.util.Objects;

/**
 * One step of a GQA semantic program, as in the {@code semantic} list of the released questions.
 *
 * @param operation the operation with its optional category, such as {@code "select"},
 *     {@code "filter color"}, {@code "verify rel"} or {@code "choose healthier"}
 * @param argument the argument text as released, such as {@code "wall (722332)"},
 *     {@code "_,on,s (722335)"}, {@code "not(red)"} or {@code ""}; kept verbatim (it may end in a blank)
 * @param dependencies the indices of the earlier steps this one reads
 */
public record GqaOperation(String operation, String argument, List<Integer> dependencies) {

    /** Checks the fields. */
    public GqaOperation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(argument, "argument");
        if (operation.isBlank()) {
            throw new IllegalArgumentException("operation is blank");
        }
        dependencies = List.copyOf(dependencies);
    }

    /** Returns the operation's verb, its first word ({@code "filter"} for {@code "filter color"}). */
    public String verb() {
        String op = operation.strip();
        int sp = op.indexOf(' ');
        return sp < 0 ? op : op.substring(0, sp);
    }

    /** Returns what follows the verb ({@code "color"} for {@code "filter color"}), or {@code ""}. */
    public String qualifier() {
        String op = operation.strip();
        int sp = op.indexOf(' ');
        return sp < 0 ? "" : op.substring(sp + 1).strip();
    }
}
