package org.vqasp.world.questions;

import java.util.Arrays;
import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.ObjectPositions;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.world.questions.ProgramValue.Attribute;
import org.vqasp.world.questions.ProgramValue.Bool;
import org.vqasp.world.questions.ProgramValue.Count;
import org.vqasp.world.questions.ProgramValue.ObjectSet;
import org.vqasp.world.questions.ProgramValue.SceneObject;

/**
 * Executes CLEVR programs over gold scenes, in Java, as the original question engine does: the reference the
 * ASP reasoner is checked against and the oracle of the {@link QuestionGenerator}.
 *
 * <p>Every function of CLEVR's {@code metadata.json} is supported, also the fused template-only forms
 * ({@code filter}, {@code filter_unique}, {@code filter_count}, {@code filter_exist} with the value inputs size,
 * colour, material, shape; {@code relate_filter}, {@code relate_filter_unique}, {@code relate_filter_count},
 * {@code relate_filter_exist} with the relation first); an empty value, or {@code thing} for the shape, means
 * "any". {@code relate} reads the scene's {@code relationships}: {@code relationships["left"][i]} are the
 * objects left of object {@code i}. {@code same_*} never includes the object itself.
 *
 * <p>Beyond CLEVR's functions it runs the extension functions of {@code docs/language.md}: {@code exclude} (set
 * difference), {@code extreme[dir]} (the member farthest left, right, front or behind, or nearest the members' centre
 * for {@code middle}, as a set of one),
 * {@code nearest} (the member of a set nearest on the ground plane to an object), {@code between} (the objects
 * between the two members of a set), {@code count_distinct[attr]},
 * {@code most_common[attr]}, {@code least_common[attr]}, {@code all_same[attr]}, {@code subtract}, {@code farthest}
 * (the member of a set farthest from an object), {@code unmatched[attr]} (the members no other member shares the
 * value with), {@code identical} (the members another member matches in every attribute) and {@code number[N]}
 * (the integer N, 0 to 10); positions are {@link ObjectPositions}' integers and ties go to the lower object index, as in the ASP theory.
 *
 * <p>Failures are {@link VqaspException}s: {@code unique} (a unique step over zero or several objects),
 * {@code unknown_function}, {@code bad_program} (wrong number or type of inputs), {@code bad_value} (a relation
 * the scene does not have), {@code tie} ({@code most_common} without a single most common value), {@code pair} ({@code between}
 * over a set that does not have two members),
 * {@code no_position} (a scene without positions). Instances are stateless and thread-safe.
 */
public final class ReferenceExecutor {

    /** Creates an executor. */
    public ReferenceExecutor() {
    }

    /**
     * Returns the program's answer as a CLEVR string ({@code "yes"}, {@code "3"}, {@code "large"}).
     *
     * @throws VqaspException when the program cannot be executed on the scene
     */
    public String answer(Program program, ClevrScene scene) {
        return execute(program, scene).answer();
    }

    /**
     * Returns the value of the program's last step.
     *
     * @throws VqaspException when the program cannot be executed on the scene
     */
    public ProgramValue execute(Program program, ClevrScene scene) {
        List<ProgramValue> t = trace(program, scene);
        return t.get(t.size() - 1);
    }

    /**
     * Returns the value of every step, in order.
     *
     * @throws VqaspException when the program cannot be executed on the scene
     */
    public List<ProgramValue> trace(Program program, ClevrScene scene) {
        SceneFacts facts = new SceneFacts(scene);
        ProgramValue[] out = new ProgramValue[program.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = step(program.step(i), i, out, facts);
            if (out[i] == null) {
                throw uniqueFailure(program.step(i), i, out, facts);
            }
        }
        return Arrays.asList(out);
    }

    /**
     * Executes one step given the outputs of the earlier steps; returns null when a unique step does not find
     * exactly one object (the generator's "invalid" state).
     */
    static ProgramValue step(ProgramStep s, int index, ProgramValue[] out, SceneFacts f) {
        String fn = s.function();
        List<String> v = s.valueInputs();
        switch (fn) {
            case "scene":
                arity(s, index, 0, 0);
                return new ObjectSet(f.all);
            case "filter_size":
            case "filter_color":
            case "filter_material":
            case "filter_shape": {
                arity(s, index, 1, 1);
                long in = set(s, index, out, 0);
                return new ObjectSet(in & f.withValue(attributeOf(fn), v.get(0)));
            }
            case "filter":
            case "filter_unique":
            case "filter_count":
            case "filter_exist": {
                arity(s, index, 1, 4);
                long m = filter(set(s, index, out, 0), v, 0, f);
                return finish(fn, m);
            }
            case "relate": {
                arity(s, index, 1, 1);
                return new ObjectSet(related(s, index, object(s, index, out, 0), v.get(0), f));
            }
            case "relate_filter":
            case "relate_filter_unique":
            case "relate_filter_count":
            case "relate_filter_exist": {
                arity(s, index, 1, 5);
                long m = filter(related(s, index, object(s, index, out, 0), v.get(0), f), v, 1, f);
                return finish(fn, m);
            }
            case "unique":
                arity(s, index, 1, 0);
                return finish(fn, set(s, index, out, 0));
            case "union":
                arity(s, index, 2, 0);
                return new ObjectSet(set(s, index, out, 0) | set(s, index, out, 1));
            case "intersect":
                arity(s, index, 2, 0);
                return new ObjectSet(set(s, index, out, 0) & set(s, index, out, 1));
            case "count":
                arity(s, index, 1, 0);
                return new Count(Long.bitCount(set(s, index, out, 0)));
            case "exist":
                arity(s, index, 1, 0);
                return new Bool(set(s, index, out, 0) != 0);
            case "query_size":
            case "query_color":
            case "query_material":
            case "query_shape": {
                arity(s, index, 1, 0);
                return new Attribute(f.value(object(s, index, out, 0), attributeOf(fn)));
            }
            case "same_size":
            case "same_color":
            case "same_material":
            case "same_shape": {
                arity(s, index, 1, 0);
                return new ObjectSet(f.same[attributeOf(fn)][object(s, index, out, 0)]);
            }
            case "equal_size":
            case "equal_color":
            case "equal_material":
            case "equal_shape":
                arity(s, index, 2, 0);
                return new Bool(attribute(s, index, out, 0).equals(attribute(s, index, out, 1)));
            case "equal_integer":
                arity(s, index, 2, 0);
                return new Bool(count(s, index, out, 0) == count(s, index, out, 1));
            case "less_than":
                arity(s, index, 2, 0);
                return new Bool(count(s, index, out, 0) < count(s, index, out, 1));
            case "greater_than":
                arity(s, index, 2, 0);
                return new Bool(count(s, index, out, 0) > count(s, index, out, 1));
            case "equal_object":
                arity(s, index, 2, 0);
                return new Bool(object(s, index, out, 0) == object(s, index, out, 1));
            case "exclude":
                arity(s, index, 2, 0);
                return new ObjectSet(set(s, index, out, 0) & ~set(s, index, out, 1));
            case "extreme": {
                arity(s, index, 1, 1);
                return new ObjectSet(extreme(set(s, index, out, 0), direction(s, index), f));
            }
            case "nearest": {
                arity(s, index, 2, 0);
                return new ObjectSet(nearest(set(s, index, out, 0), object(s, index, out, 1), f));
            }
            case "between":
                arity(s, index, 1, 0);
                return new ObjectSet(between(s, index, set(s, index, out, 0), f));
            case "count_distinct":
                arity(s, index, 1, 1);
                return new Count(distinct(set(s, index, out, 0), attributeValue(s, index), f));
            case "all_same":
                arity(s, index, 1, 1);
                return new Bool(distinct(set(s, index, out, 0), attributeValue(s, index), f) <= 1);
            case "most_common":
                arity(s, index, 1, 1);
                return new Attribute(mostCommon(s, index, set(s, index, out, 0), attributeValue(s, index), f, true));
            case "least_common":
                arity(s, index, 1, 1);
                return new Attribute(mostCommon(s, index, set(s, index, out, 0), attributeValue(s, index), f, false));
            case "farthest": {
                arity(s, index, 2, 0);
                return new ObjectSet(farthest(set(s, index, out, 0), object(s, index, out, 1), f));
            }
            case "unmatched":
                arity(s, index, 1, 1);
                return new ObjectSet(unmatched(set(s, index, out, 0), attributeValue(s, index), f));
            case "identical":
                arity(s, index, 1, 0);
                return new ObjectSet(identical(set(s, index, out, 0), f));
            case "number":
                arity(s, index, 0, 1);
                return new Count(number(s, index));
            case "subtract":
                arity(s, index, 2, 0);
                return new Count(count(s, index, out, 0) - count(s, index, out, 1));
            default:
                throw new VqaspException(ErrorKind.UNKNOWN_FUNCTION, "step " + index + ": unknown function \"" + fn + "\"");
        }
    }

    // ---- extension functions (docs/language.md): positions are the integers of ObjectPositions, ties go to the
    // lower object index, exactly as the ASP theory decides them

    private static String direction(ProgramStep s, int index) {
        String d = s.valueInputs().get(0);
        if (!ObjectPositions.DIRECTIONS.contains(d) && !d.equals("middle")) {
            throw new VqaspException("bad_value", "step " + index + " (" + s.function() + "): no direction \"" + d
                    + "\" (expected " + ObjectPositions.DIRECTIONS + ")");
        }
        return d;
    }

    private static int attributeValue(ProgramStep s, int index) {
        int k = SceneFacts.ATTRIBUTES.indexOf(s.valueInputs().get(0));
        if (k < 0) {
            throw new VqaspException("bad_value", "step " + index + " (" + s.function() + "): no attribute \""
                    + s.valueInputs().get(0) + "\" (expected " + SceneFacts.ATTRIBUTES + ")");
        }
        return k;
    }

    /**
     * The member farthest along a direction, or for {@code middle} the member nearest the members' centre on the
     * ground plane, as a set of one (empty for an empty set).
     */
    private static long extreme(long members, String direction, SceneFacts f) {
        if (direction.equals("middle")) {
            return middle(members, f);
        }
        int[] at = f.along(direction);
        int best = -1;
        for (long m = members; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            if (best < 0 || at[i] > at[best]) {
                best = i;
            }
        }
        return best < 0 ? 0L : 1L << best;
    }

    /** The member nearest the members' centre: least (n x - sum x)^2 + (n y - sum y)^2, as in the theory. */
    private static long middle(long members, SceneFacts f) {
        int[][] g = f.ground();
        long n = Long.bitCount(members);
        long sx = 0;
        long sy = 0;
        for (long m = members; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            sx += g[i][0];
            sy += g[i][1];
        }
        int best = -1;
        long bestOff = Long.MAX_VALUE;
        for (long m = members; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            long dx = n * g[i][0] - sx;
            long dy = n * g[i][1] - sy;
            long off = dx * dx + dy * dy;
            if (off < bestOff) {
                bestOff = off;
                best = i;
            }
        }
        return best < 0 ? 0L : 1L << best;
    }

    /** The member other than {@code x} nearest to {@code x} on the ground plane, as a set of one. */
    private static long nearest(long members, int x, SceneFacts f) {
        int[][] g = f.ground();
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (long m = members & ~(1L << x); m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            long dx = g[i][0] - g[x][0];
            long dy = g[i][1] - g[x][1];
            long d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best < 0 ? 0L : 1L << best;
    }

    /**
     * The objects between the two members of a set on the ground plane: past neither end along the line
     * through them, and nearer to it than half their distance.
     */
    private static long between(ProgramStep s, int index, long ends, SceneFacts f) {
        if (Long.bitCount(ends) != 2) {
            throw new VqaspException("pair", "step " + index + " (" + s.function()
                    + "): expected two objects to look between, found " + Long.bitCount(ends));
        }
        int a = Long.numberOfTrailingZeros(ends);
        int b = 63 - Long.numberOfLeadingZeros(ends);
        int[][] g = f.ground();
        long abx = g[b][0] - g[a][0];
        long aby = g[b][1] - g[a][1];
        long out = 0;
        for (int o = 0; o < f.count; o++) {
            if (o == a || o == b) {
                continue;
            }
            long ax = g[o][0] - g[a][0];
            long ay = g[o][1] - g[a][1];
            long bx = g[o][0] - g[b][0];
            long by = g[o][1] - g[b][1];
            long cross = ax * aby - ay * abx;
            if (ax * abx + ay * aby > 0 && -(bx * abx + by * aby) > 0
                    && 2 * Math.abs(cross) <= abx * abx + aby * aby) {
                out |= 1L << o;
            }
        }
        return out;
    }

    /** The number of different values of attribute {@code k} among the members. */
    private static int distinct(long members, int k, SceneFacts f) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long m = members; m != 0; m &= m - 1) {
            seen.add(f.value(Long.numberOfTrailingZeros(m), k));
        }
        return seen.size();
    }

    /** The integer of {@code number[N]}: 0 to 10, as the theory's numerals. */
    private static int number(ProgramStep s, int index) {
        String v = s.valueInputs().get(0);
        if (!v.matches("[0-9]{1,2}") || Integer.parseInt(v) > 10) {
            throw new VqaspException("bad_value", "step " + index + " (" + s.function() + "): no number \"" + v
                    + "\" (expected 0 to 10)");
        }
        return Integer.parseInt(v);
    }

    /** The members whose value of attribute k no other member has. */
    private static long unmatched(long members, int k, SceneFacts f) {
        long out = 0;
        for (long m = members; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            boolean alone = true;
            for (long n = members & ~(1L << i); n != 0 && alone; n &= n - 1) {
                alone = !f.value(Long.numberOfTrailingZeros(n), k).equals(f.value(i, k));
            }
            if (alone) {
                out |= 1L << i;
            }
        }
        return out;
    }

    /** The members another member matches in every attribute. */
    private static long identical(long members, SceneFacts f) {
        long out = 0;
        for (long m = members; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            for (long n = members & ~(1L << i); n != 0; n &= n - 1) {
                int j = Long.numberOfTrailingZeros(n);
                boolean same = true;
                for (int k = 0; k < SceneFacts.ATTRIBUTES.size() && same; k++) {
                    same = f.value(i, k).equals(f.value(j, k));
                }
                if (same) {
                    out |= 1L << i;
                    break;
                }
            }
        }
        return out;
    }

    /** The member other than {@code x} farthest from {@code x} on the ground plane, as a set of one. */
    private static long farthest(long members, int x, SceneFacts f) {
        int[][] g = f.ground();
        int best = -1;
        long bestDistance = -1;
        for (long m = members & ~(1L << x); m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            long dx = g[i][0] - g[x][0];
            long dy = g[i][1] - g[x][1];
            long d = dx * dx + dy * dy;
            if (d > bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best < 0 ? 0L : 1L << best;
    }

    /** The most (or, for {@code most} false, the least) common value of attribute k among the members. */
    private static String mostCommon(ProgramStep s, int index, long members, int k, SceneFacts f, boolean most) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (long m = members; m != 0; m &= m - 1) {
            counts.merge(f.value(Long.numberOfTrailingZeros(m), k), 1, Integer::sum);
        }
        int top = most ? counts.values().stream().max(Integer::compare).orElse(0)
                : counts.values().stream().min(Integer::compare).orElse(0);
        java.util.List<String> best = counts.entrySet().stream().filter(e -> e.getValue() == top)
                .map(java.util.Map.Entry::getKey).toList();
        if (best.size() != 1) {
            throw new VqaspException("tie", "step " + index + " (" + s.function() + "): " + (best.isEmpty()
                    ? "no objects" : "no single " + (most ? "most" : "least") + " common value, " + best.size() + " tie: " + best));
        }
        return best.get(0);
    }

    /** Applies the four fused filter values (size, colour, material, shape) starting at {@code from}. */
    private static long filter(long in, List<String> v, int from, SceneFacts f) {
        long m = in;
        for (int k = 0; k < 4; k++) {
            String value = v.get(from + k);
            if (!isAny(value, k)) {
                m &= f.withValue(k, value);
            }
        }
        return m;
    }

    /** Whether a fused filter value means "any": empty, or {@code thing} for the shape. */
    static boolean isAny(String value, int attributeIndex) {
        return value == null || value.isEmpty() || attributeIndex == 3 && value.equals("thing");
    }

    /** Ends a (fused) filter by its function's suffix: the set, its unique object, its size or whether any. */
    private static ProgramValue finish(String fn, long m) {
        if (fn.endsWith("unique")) {
            return Long.bitCount(m) == 1 ? new SceneObject(Long.numberOfTrailingZeros(m)) : null;
        }
        if (fn.endsWith("count")) {
            return new Count(Long.bitCount(m));
        }
        if (fn.endsWith("exist")) {
            return new Bool(m != 0);
        }
        return new ObjectSet(m);
    }

    /** The attribute index (size, colour, material, shape) a function name ends with. */
    private static int attributeOf(String fn) {
        return fn.endsWith("size") ? 0 : fn.endsWith("color") ? 1 : fn.endsWith("material") ? 2 : 3;
    }

    private static long related(ProgramStep s, int index, int object, String relation, SceneFacts f) {
        long[] masks = f.relations.get(relation);
        if (masks == null) {
            throw new VqaspException(ErrorKind.BAD_VALUE, "step " + index + " (" + s.function() + "): the scene has no relation \""
                    + relation + "\" (it has " + f.relations.keySet() + ")");
        }
        return masks[object];
    }

    private static VqaspException uniqueFailure(ProgramStep s, int index, ProgramValue[] out, SceneFacts f) {
        long m;
        String fn = s.function();
        if (fn.equals("unique")) {
            m = set(s, index, out, 0);
        } else if (fn.equals("filter_unique")) {
            m = filter(set(s, index, out, 0), s.valueInputs(), 0, f);
        } else {
            m = filter(related(s, index, object(s, index, out, 0), s.valueInputs().get(0), f), s.valueInputs(), 1, f);
        }
        return new VqaspException(ErrorKind.UNIQUE, "step " + index + " (" + fn + "): expected exactly one object, found "
                + Long.bitCount(m));
    }

    private static void arity(ProgramStep s, int index, int inputs, int values) {
        if (s.inputs().size() != inputs || s.valueInputs().size() != values) {
            throw new VqaspException(ErrorKind.BAD_PROGRAM, "step " + index + " (" + s.function() + "): expects " + inputs
                    + " input(s) and " + values + " value input(s), has " + s.inputs().size() + " and "
                    + s.valueInputs().size());
        }
    }

    private static ProgramValue input(ProgramStep s, int index, ProgramValue[] out, int k) {
        int i = s.inputs().get(k);
        if (i < 0 || i >= index || out[i] == null) {
            throw new VqaspException(ErrorKind.BAD_PROGRAM, "step " + index + " (" + s.function() + "): input " + i
                    + " is not an earlier step");
        }
        return out[i];
    }

    private static long set(ProgramStep s, int index, ProgramValue[] out, int k) {
        if (input(s, index, out, k) instanceof ObjectSet o) {
            return o.members();
        }
        throw typeError(s, index, out, k, "a set of objects");
    }

    private static int object(ProgramStep s, int index, ProgramValue[] out, int k) {
        if (input(s, index, out, k) instanceof SceneObject o) {
            return o.index();
        }
        throw typeError(s, index, out, k, "one object");
    }

    private static int count(ProgramStep s, int index, ProgramValue[] out, int k) {
        if (input(s, index, out, k) instanceof Count c) {
            return c.value();
        }
        throw typeError(s, index, out, k, "a number");
    }

    private static String attribute(ProgramStep s, int index, ProgramValue[] out, int k) {
        if (input(s, index, out, k) instanceof Attribute a) {
            return a.value();
        }
        throw typeError(s, index, out, k, "an attribute value");
    }

    private static VqaspException typeError(ProgramStep s, int index, ProgramValue[] out, int k, String expected) {
        ProgramValue got = out[s.inputs().get(k)];
        return new VqaspException(ErrorKind.BAD_PROGRAM, "step " + index + " (" + s.function() + "): input " + k
                + " should be " + expected + ", found " + got.getClass().getSimpleName() + " " + got.answer());
    }
}
