package org.vqasp.eval.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.world.questions.ReferenceExecutor;

/**
 * The extension functions (exclude, extreme, nearest, farthest, between, count_distinct, most_common, least_common,
 * all_same, subtract, number, unmatched, identical) give the
 * same answers, and fail the same way, in the ASP theory and in the Java reference executor, over the 60 real
 * CLEVR scenes of samples/clevr/humans and programs drawn from each scene's own attribute values.
 */
class ExtensionFunctionsAgreeTest {

    private static final List<String> ATTRIBUTES = List.of("size", "color", "material", "shape");
    private static final List<String> DIRECTIONS = List.of("left", "right", "front", "behind", "middle");

    /** Builds a program step by step. */
    private static final class B {
        final List<ProgramStep> steps = new ArrayList<>();

        int add(String fn, List<String> values, Integer... inputs) {
            steps.add(ProgramStep.of(fn, values, inputs));
            return steps.size() - 1;
        }

        /** A filtered set: the scene, then one or two attribute values of random objects of the scene. */
        int set(ClevrScene s, Random r) {
            int at = add("scene", List.of());
            int n = r.nextInt(3);
            for (int k = 0; k < n; k++) {
                ClevrObject o = s.objects().get(r.nextInt(s.objects().size()));
                String a = ATTRIBUTES.get(r.nextInt(4));
                at = add("filter_" + a, List.of(o.attribute(a)), at);
            }
            return at;
        }

        Program program() {
            return new Program(steps);
        }
    }

    private static List<Program> programs(ClevrScene s, Random r) {
        List<Program> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            B b = new B();
            String a = ATTRIBUTES.get(r.nextInt(4));
            String d = DIRECTIONS.get(r.nextInt(5));
            switch (i % 10) {
                case 0 -> {
                    int x = b.set(s, r);
                    int y = b.set(s, r);
                    b.add("count", List.of(), b.add("exclude", List.of(), x, y));
                }
                case 1 -> {
                    int e = b.add("extreme", List.of(d), b.set(s, r));
                    b.add("query_" + a, List.of(), b.add("unique", List.of(), e));
                }
                case 2 -> {
                    int x = b.set(s, r);
                    int anchor = b.add("unique", List.of(), b.add("extreme", List.of(d), b.set(s, r)));
                    int near = b.add("nearest", List.of(), x, anchor);
                    b.add("query_" + a, List.of(), b.add("unique", List.of(), near));
                }
                case 3 -> {
                    if (i < 10) {
                        b.add("count_distinct", List.of(a), b.set(s, r));
                    } else {
                        b.add("count", List.of(), b.add("identical", List.of(), b.set(s, r)));
                    }
                }
                case 4 -> b.add("most_common", List.of(a), b.set(s, r));
                case 5 -> {
                    if (i < 7) {
                        b.add("all_same", List.of(a), b.set(s, r));
                    } else {
                        // between two extreme objects (or one, when they are the same: a pair error)
                        int x = b.add("extreme", List.of(d), b.set(s, r));
                        int y = b.add("extreme", List.of(DIRECTIONS.get(r.nextInt(4))), b.set(s, r));
                        int between = b.add("between", List.of(), b.add("union", List.of(), x, y));
                        b.add("count", List.of(), b.add("filter_" + a, List.of(s.objects().get(0).attribute(a)), between));
                    }
                }
                case 7 -> {
                    int x = b.set(s, r);
                    int anchor = b.add("unique", List.of(), b.add("extreme", List.of(d), b.set(s, r)));
                    int far = b.add("farthest", List.of(), x, anchor);
                    b.add("query_" + a, List.of(), b.add("unique", List.of(), far));
                }
                case 8 -> {
                    if (i < 10) {
                        b.add("least_common", List.of(a), b.set(s, r));
                    } else {
                        b.add("count", List.of(), b.add("unmatched", List.of(a), b.set(s, r)));
                    }
                }
                case 9 -> {
                    int x = b.add("count", List.of(), b.set(s, r));
                    int n = b.add("number", List.of(String.valueOf(r.nextInt(5))));
                    b.add(List.of("equal_integer", "less_than", "greater_than").get(r.nextInt(3)), List.of(), x, n);
                }
                default -> {
                    int x = b.add("count", List.of(), b.set(s, r));
                    int y = b.add("count", List.of(), b.add("extreme", List.of(d), b.set(s, r)));
                    b.add("subtract", List.of(), x, y);
                }
            }
            out.add(b.program());
        }
        return out;
    }

    @Test
    void should_answer_every_extension_program_alike_in_asp_and_java() {
        // given 60 real CLEVR scenes and 20 programs drawn for each
        List<ClevrScene> scenes = new ArrayList<>(
                ClevrDataset.loadScenes(Samples.path("clevr/humans/scenes.json")).scenes().values());
        ReferenceExecutor java = new ReferenceExecutor();
        ClevrReasoner asp = new ClevrReasoner();
        Random r = new Random(13);
        List<String> bad = new ArrayList<>();
        int answered = 0;
        int failed = 0;
        for (ClevrScene s : scenes) {
            List<Program> programs = programs(s, r);
            // when each is answered by clingo (one call per scene) and by the reference executor
            List<Answer> answers = asp.answerAll(s, programs);
            for (int i = 0; i < programs.size(); i++) {
                String expected;
                try {
                    expected = java.answer(programs.get(i), s);
                    answered++;
                } catch (VqaspException e) {
                    expected = "error " + e.kind();
                    failed++;
                }
                Answer a = answers.get(i);
                String got = a.ok() ? a.answer() : "error " + a.error().kind();
                if (!got.equals(expected)) {
                    bad.add("image " + s.imageIndex() + " " + programs.get(i) + ": asp " + got + ", java " + expected);
                }
            }
        }
        // then they agree on every answer and on every failure's kind
        assertEquals(60, scenes.size());
        assertTrue(bad.isEmpty(), bad.size() + " disagreements:\n" + String.join("\n", bad));
        assertTrue(answered > 500 && failed > 20, answered + " answered, " + failed + " failed");
    }
}
