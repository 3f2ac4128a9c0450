package org.vqasp.world.questions;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CLEVR question template: parameters, text variants, a program template of nodes and constraints, as in
 * the generator's {@code CLEVR_1.0_templates/*.json}.
 *
 * @param filename the template file, such as {@code one_hop.json}
 * @param index the template's position in its file
 * @param familyIndex the global family index, 0-89 over the files in sorted name order
 * @param params the parameters, such as {@code <Z>} of type {@code Size}
 * @param texts the text variants, with {@code <Z> <C> <M> <S> <R>} placeholders and {@code [optional]} parts
 * @param nodes the program template; fused nodes such as {@code relate_filter_count} expand when instantiated
 * @param constraints the constraints on parameter values and node outputs
 */
public record Template(
        String filename,
        int index,
        int familyIndex,
        List<Param> params,
        List<String> texts,
        List<Node> nodes,
        List<Constraint> constraints) {

    /** Checks that every node input names an earlier node and that every side input is a parameter. */
    public Template {
        Objects.requireNonNull(filename, "filename");
        params = List.copyOf(params);
        texts = List.copyOf(texts);
        nodes = List.copyOf(nodes);
        constraints = List.copyOf(constraints);
        if (texts.isEmpty() || nodes.isEmpty()) {
            throw new IllegalArgumentException(filename + " #" + index + ": a template needs texts and nodes");
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int in : nodes.get(i).inputs()) {
                if (in < 0 || in >= i) {
                    throw new IllegalArgumentException(filename + " #" + index + ": node " + i
                            + " takes input " + in + ", which is not an earlier node");
                }
            }
            for (String p : nodes.get(i).sideInputs()) {
                if (params.stream().noneMatch(x -> x.name().equals(p))) {
                    throw new IllegalArgumentException(filename + " #" + index + ": node " + i
                            + " uses undeclared parameter " + p);
                }
            }
        }
    }

    /** Returns the type of a parameter ({@code Size}, {@code Color}, {@code Material}, {@code Shape},
     * {@code Relation}), or null when the template has no such parameter. */
    public String paramType(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p.type();
            }
        }
        return null;
    }

    /** Returns the family name used in reports, such as {@code one_hop/2}. */
    public String family() {
        String f = filename.endsWith(".json") ? filename.substring(0, filename.length() - 5) : filename;
        return f + "/" + index;
    }

    /**
     * A template parameter.
     *
     * @param name the placeholder, such as {@code <Z2>}
     * @param type {@code Size}, {@code Color}, {@code Material}, {@code Shape} or {@code Relation}
     */
    public record Param(String name, String type) {
        /** Checks both fields. */
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A node of a program template.
     *
     * @param type the function, possibly a fused template-only one such as {@code filter_unique}
     * @param inputs indices of earlier template nodes
     * @param sideInputs the parameter names this node takes as value inputs
     */
    public record Node(String type, List<Integer> inputs, List<String> sideInputs) {
        /** Copies the lists. */
        public Node {
            Objects.requireNonNull(type, "type");
            inputs = List.copyOf(inputs);
            sideInputs = List.copyOf(sideInputs);
        }
    }

    /**
     * A constraint: {@code NULL} (the parameter must be empty), {@code OUT_NEQ} (two template nodes must
     * produce different outputs) or {@code NEQ} (two parameters must have different values).
     *
     * @param type the constraint type
     * @param params parameter names ({@code NULL}, {@code NEQ}) or template node indices as text
     *     ({@code OUT_NEQ})
     */
    public record Constraint(String type, List<String> params) {
        /** Copies the parameters. */
        public Constraint {
            Objects.requireNonNull(type, "type");
            params = List.copyOf(params);
        }

        /** Returns the parameters as template node indices (for {@code OUT_NEQ}). */
        public int node(int i) {
            return Integer.parseInt(params.get(i));
        }
    }

    /** The basic filter function of each attribute type. */
    static final Map<String, String> FILTER_OF_TYPE = Map.of(
            "Size", "filter_size", "Color", "filter_color", "Material", "filter_material", "Shape", "filter_shape");
}
