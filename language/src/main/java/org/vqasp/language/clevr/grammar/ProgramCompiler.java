package org.vqasp.language.clevr.grammar;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;

/**
 * Turns a {@link Sem.Answer} into a CLEVR program with the generator's conventions: every branch starts at its
 * own {@code scene} step, inputs come before the step that takes them (left input first), and an object's set
 * is followed by {@code unique}; two objects compared are both found before either is queried, as the
 * comparison templates do.
 */
final class ProgramCompiler {

    private final List<ProgramStep> steps = new ArrayList<>();
    /** The attribute the question asks for, for "the one that is different" without an attribute. */
    private String asked = "shape";

    private ProgramCompiler() {
    }

    /** Compiles an answer expression. */
    static Program compile(Sem.Answer answer) {
        ProgramCompiler c = new ProgramCompiler();
        c.answer(answer);
        return new Program(c.steps);
    }

    private int add(String function, List<String> values, Integer... inputs) {
        steps.add(ProgramStep.of(function, values, inputs));
        return steps.size() - 1;
    }

    private int set(Sem.SetE s) {
        if (s instanceof Sem.Scene) {
            return add("scene", List.of());
        } else if (s instanceof Sem.Filter f) {
            int in = set(f.in());
            return add("filter_" + f.attribute(), List.of(f.value()), in);
        } else if (s instanceof Sem.Relate r) {
            int o = object(r.of());
            return add("relate", List.of(r.relation()), o);
        } else if (s instanceof Sem.Same m) {
            int o = object(m.of());
            return add("same_" + m.attribute(), List.of(), o);
        } else if (s instanceof Sem.Union u) {
            int a = set(u.a());
            int b = set(u.b());
            return add("union", List.of(), a, b);
        } else if (s instanceof Sem.Intersect i) {
            int a = set(i.a());
            int b = set(i.b());
            return add("intersect", List.of(), a, b);
        } else if (s instanceof Sem.Exclude e) {
            int a = set(e.a());
            int b = set(e.b());
            return add("exclude", List.of(), a, b);
        } else if (s instanceof Sem.Extreme e) {
            int in = set(e.in());
            return add("extreme", List.of(e.direction()), in);
        } else if (s instanceof Sem.Unmatched u) {
            int in = set(u.in());
            return add("unmatched", List.of(u.attribute() == null ? asked : u.attribute()), in);
        } else if (s instanceof Sem.Identical i) {
            return add("identical", List.of(), set(i.in()));
        } else if (s instanceof Sem.Between b) {
            return add("between", List.of(), set(b.ends()));
        } else {
            Sem.Nearest n = (Sem.Nearest) s;
            int in = set(n.in());
            int o = object(n.to());
            return add(n.far() ? "farthest" : "nearest", List.of(), in, o);
        }
    }

    private int object(Sem.ObjE o) {
        int s = set(o.set());
        return add("unique", List.of(), s);
    }

    private int answer(Sem.Answer a) {
        if (a instanceof Sem.Count c) {
            return add("count", List.of(), set(c.set()));
        } else if (a instanceof Sem.Exist e) {
            return add("exist", List.of(), set(e.set()));
        } else if (a instanceof Sem.Query q) {
            asked = q.attribute();
            return add("query_" + q.attribute(), List.of(), object(q.of()));
        } else if (a instanceof Sem.Equal e) {
            int x = object(e.a());
            int y = object(e.b());
            int qx = add("query_" + e.attribute(), List.of(), x);
            int qy = add("query_" + e.attribute(), List.of(), y);
            return add("equal_" + e.attribute(), List.of(), qx, qy);
        } else if (a instanceof Sem.Compare c) {
            int x = answer(c.a());
            int y = answer(c.b());
            return add(c.function(), List.of(), x, y);
        } else if (a instanceof Sem.CountDistinct d) {
            return add("count_distinct", List.of(d.attribute()), set(d.set()));
        } else if (a instanceof Sem.MostCommon m) {
            asked = m.attribute();
            return add(m.least() ? "least_common" : "most_common", List.of(m.attribute()), set(m.set()));
        } else if (a instanceof Sem.Number n) {
            return add("number", List.of(String.valueOf(n.n())));
        } else if (a instanceof Sem.Subtract s) {
            int x = answer(s.a());
            int y = answer(s.b());
            return add("subtract", List.of(), x, y);
        } else {
            Sem.AllSame s = (Sem.AllSame) a;
            return add("all_same", List.of(s.attribute()), set(s.set()));
        }
    }
}
