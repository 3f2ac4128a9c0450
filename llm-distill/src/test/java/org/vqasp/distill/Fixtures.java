package org.vqasp.distill;

import java.time.Duration;
import java.util.List;
import org.vqasp.core.Samples;
import org.vqasp.reasoning.Theory;
import org.vqasp.reasoning.clevr.ClevrAspDataset;
import org.vqasp.reasoning.clingo.GuardedClingo;

/** Test data: the bundled gen-dev CLEVR sample as examples, the bundled theory, a guarded clingo. */
final class Fixtures {

    private static List<Example> genDev;
    private static final java.util.Map<Integer, Task> COLOR_TASKS = new java.util.HashMap<>();

    private Fixtures() {
    }

    /** Returns the 3,200 gen-dev questions as examples, in file order (read once). */
    static synchronized List<Example> genDev() {
        if (genDev == null) {
            genDev = Example.load(ClevrAspDataset.INSTANCE, Samples.path("clevr/gen-dev/questions.json"),
                    Samples.path("clevr/gen-dev/scenes.json"));
        }
        return genDev;
    }

    /** Returns the bundled CLEVR theory without the rules of a predicate. */
    static String clevrWithout(String predicate) {
        TheoryText t = TheoryText.parse(clevrTheory());
        return t.without(t.definitionsOf(PredicateSelector.parse(predicate))).text();
    }

    /** Returns the bundled CLEVR mode bias. */
    static String clevrModes() {
        return Theory.resource("clevr/modes.lp").text();
    }

    /**
     * Returns a task: the CLEVR theory without filter_color's rule, and the first {@code k} gen-dev questions it
     * no longer answers, with what it derives for them.
     */
    static synchronized Task colorTask(int k) {
        return COLOR_TASKS.computeIfAbsent(k, n -> {
            String theory = clevrWithout("filter_color");
            try (GuardedClingo g = clingo(Duration.ofSeconds(10))) {
                Judge j = new Judge(g, 4, 1);
                List<Example> head = genDev().subList(0, 60);
                Judge.Evaluation e = j.evaluate(theory, "", head);
                List<Example> ex = new java.util.ArrayList<>();
                List<Verdict> v = new java.util.ArrayList<>();
                for (int i = 0; i < head.size() && ex.size() < n; i++) {
                    if (!e.verdicts().get(i).correct()) {
                        ex.add(head.get(i));
                        v.add(e.verdicts().get(i));
                    }
                }
                return new Task(theory, ex, v, List.of());
            }
        });
    }

    /** Returns the bundled CLEVR theory's text. */
    static String clevrTheory() {
        return Theory.clevr().text();
    }

    /** Returns a guarded clingo with short limits for tests. */
    static GuardedClingo clingo(Duration wall) {
        return GuardedClingo.create(new GuardedClingo.Limits(wall, 1L << 30, 64L << 20));
    }
}
