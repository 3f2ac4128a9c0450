package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.world.ClevrVocabulary;
import org.vqasp.world.SceneSampler;
import org.vqasp.world.questions.ReferenceExecutor;

/**
 * The typed function set a learned parser writes programs in, and the prefix token form of programs.
 *
 * <p>Every function with its value input (if any) is one token, such as {@code filter_color[red]},
 * {@code relate[left]} or {@code count}. A program is read as a tree: its last step is the root, each step's inputs
 * are its children (a step used twice appears twice). Its token form is the tree in prefix order (a node, then its inputs' subtrees from the first input to
 * the last), as in Yi et al., "Neural-Symbolic VQA", NeurIPS 2018. Because every token has a fixed output type and
 * fixed input types, a decoder that keeps a stack of the types still owed and only writes tokens of the type on
 * top writes a well-formed program whenever the stack empties: {@link #allowed} gives those tokens, and
 * {@link #minimumCost} bounds how many tokens a type needs at least, so that a length budget can always be met.
 *
 * <p>The token form maps back to a program in the released expanded layout by {@link #toProgram} (steps in
 * post-order). {@link #tokens(Program)} also reads the fused template forms ({@code filter_unique},
 * {@code relate_filter_count}, ...) by expanding them into basic steps. Instances are immutable and thread-safe.
 */
public final class ProgramGrammar {

    /** The type of a step's output. {@link #ANSWER} is the root: any type a question can answer with. */
    public enum Type {
        /** A set of objects. */
        OBJECTS,
        /** One object. */
        OBJECT,
        /** A count. */
        INTEGER,
        /** Yes or no. */
        BOOL,
        /** A size value. */
        SIZE,
        /** A colour value. */
        COLOR,
        /** A material value. */
        MATERIAL,
        /** A shape value. */
        SHAPE,
        /** The root of a program: one of the answer types. */
        ANSWER;

        /** Whether a token of output type {@code t} may stand where this type is owed. */
        public boolean accepts(Type t) {
            if (this == ANSWER) {
                return t != OBJECTS && t != OBJECT && t != ANSWER;
            }
            return this == t;
        }
    }

    /**
     * A function's signature: its name, its input types in order, the kind of its value input (a key of
     * {@code values}, or null), its output type.
     *
     * @param name the function name
     * @param inputs the input types
     * @param valueKind {@code "size"}, {@code "color"}, {@code "material"}, {@code "shape"}, {@code "relation"}
     *     or another kind this grammar lists values for; null when the function takes no value
     * @param output the output type; null for a function over attributes whose output is a value of the attribute
     *     it is given ({@code most_common[color]} gives a colour), which needs {@code valueKind} {@code attribute}
     */
    public record Signature(String name, List<Type> inputs, String valueKind, Type output) {
        /** Checks and copies. */
        public Signature {
            Objects.requireNonNull(name, "name");
            inputs = List.copyOf(inputs);
            if (output == null && !ATTRIBUTE.equals(valueKind)) {
                throw new IllegalArgumentException(name + ": only functions of an attribute may leave the output "
                        + "type to their value");
            }
            if (output == Type.ANSWER) {
                throw new IllegalArgumentException(name + ": ANSWER is not an output type");
            }
        }
    }

    /**
     * One token: a function with its value, if any.
     *
     * @param id the token's index in {@link #tokens()}
     * @param signature the function
     * @param value the value input, or null
     * @param output the output type
     * @param minimumCost the fewest tokens a subtree rooted at this token can have
     */
    public record Token(int id, Signature signature, String value, Type output, int minimumCost) {
        /** Returns the token's text, such as {@code filter_color[red]}. */
        public String text() {
            return value == null ? signature.name() : signature.name() + "[" + value + "]";
        }

        /** Returns the input types. */
        public List<Type> inputs() {
            return signature.inputs();
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** The value kind of functions over an attribute ({@code size}, {@code color}, {@code material}, {@code shape}). */
    public static final String ATTRIBUTE = "attribute";

    /** The relation values of CLEVR, in metadata order. */
    public static final List<String> RELATIONS = List.of("left", "right", "behind", "front");

    private static final List<String> ATTRIBUTES = List.of("size", "color", "material", "shape");

    private final List<Signature> signatures;
    private final Map<String, List<String>> values;
    private final List<Token> tokens;
    private final Map<String, Token> byText = new HashMap<>();
    private final Map<String, Signature> byName = new HashMap<>();
    private final EnumMap<Type, Integer> minimumCost = new EnumMap<>(Type.class);
    private final EnumMap<Type, boolean[]> allowedByType = new EnumMap<>(Type.class);

    /**
     * Creates a grammar.
     *
     * @param signatures the functions
     * @param values the values of each value kind the functions name
     * @throws IllegalArgumentException when a function names a value kind without values, two functions share a
     *     name, or some type can never be completed
     */
    public ProgramGrammar(List<Signature> signatures, Map<String, List<String>> values) {
        this.signatures = List.copyOf(signatures);
        this.values = Map.copyOf(values);
        for (Signature s : signatures) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("function " + s.name() + " is listed twice");
            }
            if (s.valueKind() != null && (!values.containsKey(s.valueKind()) || values.get(s.valueKind()).isEmpty())) {
                throw new IllegalArgumentException(s.name() + " takes a " + s.valueKind() + " value, but no "
                        + s.valueKind() + " values are given");
            }
        }
        computeMinimumCosts();
        List<Token> list = new ArrayList<>();
        for (Signature s : signatures) {
            int cost = 1;
            for (Type t : s.inputs()) {
                cost += minimumCost.get(t);
            }
            if (s.valueKind() == null) {
                list.add(new Token(list.size(), s, null, s.output(), cost));
            } else {
                for (String v : values.get(s.valueKind())) {
                    list.add(new Token(list.size(), s, v, s.output() != null ? s.output() : attributeType(v), cost));
                }
            }
        }
        tokens = List.copyOf(list);
        for (Token t : tokens) {
            byText.put(t.text(), t);
        }
        for (Type type : Type.values()) {
            boolean[] mask = new boolean[tokens.size()];
            for (Token t : tokens) {
                mask[t.id()] = type.accepts(t.output());
            }
            allowedByType.put(type, mask);
        }
    }

    /** Returns the basic CLEVR 1.0 function set of {@code metadata.json} (no fused template-only forms). */
    public static ProgramGrammar clevr() {
        return new ProgramGrammar(clevrSignatures(), clevrValues());
    }

    /**
     * Returns CLEVR's functions and the extension functions vqasp's reasoner and reference executor run:
     * {@code exclude} (set difference), {@code extreme[direction]} (the member farthest left, right, front or
     * behind, as a set of one), {@code nearest} (the member of a set nearest to an object), {@code between} (the
     * objects between the two members of a set), {@code count_distinct[attribute]}, {@code all_same[attribute]},
     * {@code most_common[attribute]} (a value of that attribute) and {@code subtract}.
     */
    public static ProgramGrammar clevrExtended() {
        List<Signature> s = clevrSignatures();
        s.addAll(extensionSignatures());
        Map<String, List<String>> v = new HashMap<>(clevrValues());
        v.put("direction", RELATIONS);
        v.put(ATTRIBUTE, ATTRIBUTES);
        return new ProgramGrammar(s, v);
    }

    /**
     * Returns CLEVR's functions and those extension functions (see {@link #clevrExtended()}) the
     * {@link ReferenceExecutor} of this build runs: each is tried once on a sampled scene, and one the executor
     * calls an unknown function is left out.
     */
    public static ProgramGrammar runnable() {
        ProgramGrammar all = clevrExtended();
        ClevrScene scene = SceneSampler.builder().build().sample("probe", 0, 1L).scene();
        ReferenceExecutor executor = new ReferenceExecutor();
        List<Signature> kept = new ArrayList<>(clevrSignatures());
        for (Signature s : extensionSignatures()) {
            List<Integer> inputs = s.inputs().stream().map(t -> 0).toList();
            List<String> value = s.valueKind() == null ? List.of() : List.of(all.values(s.valueKind()).get(0));
            Program probe = new Program(List.of(new ProgramStep("scene", List.of(), List.of()),
                    new ProgramStep(s.name(), inputs, value)));
            try {
                executor.answer(probe, scene);
                kept.add(s);
            } catch (VqaspException e) {
                if (!ErrorKind.UNKNOWN_FUNCTION.equals(e.kind())) {
                    kept.add(s); // it runs; this probe just feeds it the wrong inputs
                }
            }
        }
        return new ProgramGrammar(kept, all.values);
    }

    /** Returns the signatures of the extension functions, see {@link #clevrExtended()}. */
    public static List<Signature> extensionSignatures() {
        return List.of(
                new Signature("exclude", List.of(Type.OBJECTS, Type.OBJECTS), null, Type.OBJECTS),
                new Signature("extreme", List.of(Type.OBJECTS), "direction", Type.OBJECTS),
                new Signature("nearest", List.of(Type.OBJECTS, Type.OBJECT), null, Type.OBJECTS),
                new Signature("between", List.of(Type.OBJECTS), null, Type.OBJECTS),
                new Signature("count_distinct", List.of(Type.OBJECTS), ATTRIBUTE, Type.INTEGER),
                new Signature("all_same", List.of(Type.OBJECTS), ATTRIBUTE, Type.BOOL),
                new Signature("most_common", List.of(Type.OBJECTS), ATTRIBUTE, null),
                new Signature("subtract", List.of(Type.INTEGER, Type.INTEGER), null, Type.INTEGER));
    }

    /** Returns the signatures of the basic CLEVR 1.0 functions. */
    public static List<Signature> clevrSignatures() {
        List<Signature> s = new ArrayList<>();
        s.add(new Signature("scene", List.of(), null, Type.OBJECTS));
        for (String a : ATTRIBUTES) {
            s.add(new Signature("filter_" + a, List.of(Type.OBJECTS), a, Type.OBJECTS));
        }
        s.add(new Signature("unique", List.of(Type.OBJECTS), null, Type.OBJECT));
        s.add(new Signature("relate", List.of(Type.OBJECT), "relation", Type.OBJECTS));
        s.add(new Signature("union", List.of(Type.OBJECTS, Type.OBJECTS), null, Type.OBJECTS));
        s.add(new Signature("intersect", List.of(Type.OBJECTS, Type.OBJECTS), null, Type.OBJECTS));
        s.add(new Signature("count", List.of(Type.OBJECTS), null, Type.INTEGER));
        s.add(new Signature("exist", List.of(Type.OBJECTS), null, Type.BOOL));
        for (String a : ATTRIBUTES) {
            Type t = attributeType(a);
            s.add(new Signature("query_" + a, List.of(Type.OBJECT), null, t));
            s.add(new Signature("same_" + a, List.of(Type.OBJECT), null, Type.OBJECTS));
            s.add(new Signature("equal_" + a, List.of(t, t), null, Type.BOOL));
        }
        s.add(new Signature("equal_integer", List.of(Type.INTEGER, Type.INTEGER), null, Type.BOOL));
        s.add(new Signature("less_than", List.of(Type.INTEGER, Type.INTEGER), null, Type.BOOL));
        s.add(new Signature("greater_than", List.of(Type.INTEGER, Type.INTEGER), null, Type.BOOL));
        return s;
    }

    /** Returns CLEVR's attribute and relation values by kind. */
    public static Map<String, List<String>> clevrValues() {
        return Map.of("size", ClevrVocabulary.SIZES, "color", ClevrVocabulary.COLORS,
                "material", ClevrVocabulary.MATERIALS, "shape", ClevrVocabulary.SHAPES, "relation", RELATIONS);
    }

    /** Returns the value type of an attribute name ({@code size} is {@link Type#SIZE}, ...). */
    public static Type attributeType(String attribute) {
        return switch (attribute) {
            case "size" -> Type.SIZE;
            case "color" -> Type.COLOR;
            case "material" -> Type.MATERIAL;
            case "shape" -> Type.SHAPE;
            default -> throw new IllegalArgumentException("unknown attribute \"" + attribute + "\"");
        };
    }

    private void computeMinimumCosts() {
        for (Type t : Type.values()) {
            minimumCost.put(t, Integer.MAX_VALUE / 4);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Signature s : signatures) {
                int cost = 1;
                for (Type in : s.inputs()) {
                    cost += minimumCost.get(in);
                }
                List<Type> outputs = s.output() != null ? List.of(s.output())
                        : values.get(s.valueKind()).stream().map(ProgramGrammar::attributeType).toList();
                for (Type t : Type.values()) {
                    if (outputs.stream().anyMatch(t::accepts) && cost < minimumCost.get(t)) {
                        minimumCost.put(t, cost);
                        changed = true;
                    }
                }
            }
        }
        for (Type t : Type.values()) {
            if (minimumCost.get(t) >= Integer.MAX_VALUE / 4) {
                throw new IllegalArgumentException("no program of type " + t + " can be written with "
                        + signatures.stream().map(Signature::name).toList());
            }
        }
    }

    /** Returns every token, indexed by id. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Returns the number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** Returns the functions. */
    public List<Signature> signatures() {
        return signatures;
    }

    /** Returns the values of a value kind, or an empty list. */
    public List<String> values(String kind) {
        return values.getOrDefault(kind, List.of());
    }

    /** Returns a function by name, or null. */
    public Signature signature(String name) {
        return byName.get(name);
    }

    /** Returns a token by text ({@code filter_color[red]}), or null. */
    public Token token(String text) {
        return byText.get(text);
    }

    /** Returns tokens as text, separated by spaces ({@code count filter_color[red] scene}). */
    public static String text(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(t.text());
        }
        return b.toString();
    }

    /**
     * Reads tokens written by {@link #text(List)}.
     *
     * @throws IllegalArgumentException naming a word that is no token of this grammar
     */
    public List<Token> parseTokens(String text) {
        List<Token> out = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            Token t = byText.get(w);
            if (t == null) {
                throw new IllegalArgumentException("\"" + w + "\" is not a token of this grammar");
            }
            out.add(t);
        }
        return out;
    }

    /** Returns the fewest tokens a subtree of a type can have. */
    public int minimumCost(Type type) {
        return minimumCost.get(type);
    }

    /**
     * Returns which tokens may be written next (true at their ids): those whose output the owed type accepts and
     * whose smallest subtree, together with what the other owed types need at least, fits the budget.
     *
     * @param owed the type on top of the stack
     * @param budget tokens still allowed, including this one
     * @param othersCost the least number of tokens the rest of the stack needs
     */
    public boolean[] allowed(Type owed, int budget, int othersCost) {
        boolean[] base = allowedByType.get(owed);
        boolean[] mask = Arrays.copyOf(base, base.length);
        for (Token t : tokens) {
            if (mask[t.id()] && t.minimumCost() + othersCost > budget) {
                mask[t.id()] = false;
            }
        }
        return mask;
    }

    /** Returns the tokens an owed type accepts, ignoring any budget (true at their ids). */
    public boolean[] allowed(Type owed) {
        return allowedByType.get(owed);
    }

    /**
     * Returns a program's tokens in prefix order.
     *
     * A step whose output feeds several steps (the released programs share one {@code scene} between the two
     * sides of some unions) is written once per use.
     *
     * A step that feeds no later step (the generator leaves one in a few programs) does not change the answer and
     * is left out.
     *
     * @throws IllegalArgumentException when the program uses a function or value outside this grammar or the types
     *     do not fit
     */
    public List<Token> tokens(Program program) {
        Program basic = expandFused(program);
        int n = basic.size();
        List<Token> out = new ArrayList<>();
        emit(basic, n - 1, Type.ANSWER, out);
        return out;
    }

    private void emit(Program p, int index, Type owed, List<Token> out) {
        ProgramStep s = p.step(index);
        String text = s.valueInputs().isEmpty() ? s.function() : s.function() + "[" + s.valueInputs().get(0) + "]";
        Token t = byText.get(text);
        if (t == null || s.valueInputs().size() > 1) {
            throw new IllegalArgumentException("step " + index + ": " + text + " is not a token of this grammar");
        }
        if (!owed.accepts(t.output())) {
            throw new IllegalArgumentException("step " + index + ": " + text + " gives " + t.output() + " where "
                    + owed + " is needed");
        }
        if (s.inputs().size() != t.inputs().size()) {
            throw new IllegalArgumentException("step " + index + ": " + text + " takes " + t.inputs().size()
                    + " input(s), has " + s.inputs().size());
        }
        out.add(t);
        for (int k = 0; k < s.inputs().size(); k++) {
            emit(p, s.inputs().get(k), t.inputs().get(k), out);
        }
    }

    /**
     * Returns the program of a complete prefix token sequence, steps in post-order.
     *
     * @throws IllegalArgumentException when the sequence is not exactly one well-typed tree
     */
    public Program toProgram(List<Token> prefix) {
        List<ProgramStep> steps = new ArrayList<>();
        int[] position = {0};
        build(prefix, position, Type.ANSWER, steps);
        if (position[0] != prefix.size()) {
            throw new IllegalArgumentException("tokens after the end of the program: "
                    + prefix.subList(position[0], prefix.size()));
        }
        return new Program(steps);
    }

    private int build(List<Token> prefix, int[] position, Type owed, List<ProgramStep> steps) {
        if (position[0] >= prefix.size()) {
            throw new IllegalArgumentException("program ends while a " + owed + " is still needed: " + prefix);
        }
        Token t = prefix.get(position[0]++);
        if (!owed.accepts(t.output())) {
            throw new IllegalArgumentException(t.text() + " gives " + t.output() + " where " + owed + " is needed");
        }
        List<Integer> inputs = new ArrayList<>();
        for (Type in : t.inputs()) {
            inputs.add(build(prefix, position, in, steps));
        }
        steps.add(new ProgramStep(t.signature().name(), inputs,
                t.value() == null ? List.of() : List.of(t.value())));
        return steps.size() - 1;
    }

    /**
     * Expands the fused template forms ({@code filter}, {@code filter_unique}, {@code filter_count},
     * {@code filter_exist}, {@code relate_filter*}) into basic steps: size, colour, material and shape filters in
     * that order for the non-empty values, then {@code unique}, {@code count} or {@code exist}. Other steps are
     * copied.
     */
    public static Program expandFused(Program program) {
        boolean fused = false;
        for (ProgramStep s : program.steps()) {
            fused |= s.function().startsWith("filter") && !s.function().contains("_") || isFused(s.function());
        }
        if (!fused) {
            return program;
        }
        List<ProgramStep> out = new ArrayList<>();
        int[] map = new int[program.size()];
        for (int i = 0; i < program.size(); i++) {
            ProgramStep s = program.step(i);
            List<Integer> inputs = s.inputs().stream().map(k -> map[k]).toList();
            String fn = s.function();
            if (!fn.equals("filter") && !isFused(fn)) {
                out.add(new ProgramStep(fn, inputs, s.valueInputs()));
                map[i] = out.size() - 1;
                continue;
            }
            int last = inputs.get(0);
            int from = 0;
            if (fn.startsWith("relate")) {
                out.add(new ProgramStep("relate", List.of(last), List.of(s.valueInputs().get(0))));
                last = out.size() - 1;
                from = 1;
            }
            for (int k = 0; k < 4; k++) {
                String v = s.valueInputs().get(from + k);
                if (v == null || v.isEmpty() || k == 3 && v.equals("thing")) {
                    continue;
                }
                out.add(new ProgramStep("filter_" + ATTRIBUTES.get(k), List.of(last), List.of(v)));
                last = out.size() - 1;
            }
            String end = fn.endsWith("unique") ? "unique" : fn.endsWith("count") ? "count"
                    : fn.endsWith("exist") ? "exist" : null;
            if (end != null) {
                out.add(new ProgramStep(end, List.of(last), List.of()));
                last = out.size() - 1;
            } else if (last == inputs.get(0) && !fn.startsWith("relate")) {
                // a fused filter with no values passes its input on: keep a step so indices stay simple
                map[i] = last;
                continue;
            }
            map[i] = last;
        }
        return new Program(out);
    }

    private static boolean isFused(String fn) {
        return fn.equals("filter_unique") || fn.equals("filter_count") || fn.equals("filter_exist")
                || fn.startsWith("relate_filter");
    }
}
