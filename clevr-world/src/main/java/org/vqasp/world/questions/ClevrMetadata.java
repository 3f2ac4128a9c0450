package org.vqasp.world.questions;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The generator's {@code metadata.json}: the values of each value type and the signature of every function of
 * the CLEVR program language.
 *
 * @param values the values of each value type ({@code Size}, {@code Color}, {@code Material}, {@code Shape},
 *     {@code Relation}), in the file's order
 * @param functions the function signatures by name
 */
public record ClevrMetadata(Map<String, List<String>> values, Map<String, Signature> functions) {

    /** Copies the maps. */
    public ClevrMetadata {
        values = Map.copyOf(values);
        functions = Map.copyOf(functions);
    }

    /** Returns the values of a type, or an empty list for a type without values ({@code Integer}). */
    public List<String> values(String type) {
        return values.getOrDefault(type, List.of());
    }

    /** Returns the signature of a function, or null when the language has no such function. */
    public Signature function(String name) {
        return functions.get(name);
    }

    /**
     * The signature of one function.
     *
     * @param name the function name
     * @param inputs the types of the step inputs
     * @param sideInputs the types of the value inputs
     * @param output the output type
     * @param terminal whether a program may end with it
     * @param templateOnly whether it appears only in templates (fused forms)
     */
    public record Signature(String name, List<String> inputs, List<String> sideInputs, String output,
            boolean terminal, boolean templateOnly) {
        /** Copies the lists. */
        public Signature {
            Objects.requireNonNull(name, "name");
            inputs = List.copyOf(inputs);
            sideInputs = List.copyOf(sideInputs);
        }
    }
}
