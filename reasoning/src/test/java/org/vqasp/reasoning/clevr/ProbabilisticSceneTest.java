package org.vqasp.reasoning.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.reasoning.ExplainedAnswer;

/**
 * Weighted choices over the real CLEVR val scene 0 (0 large brown rubber cylinder, 1 large gray rubber cube,
 * 2 small green rubber cylinder, 3 large purple metal sphere, 4 small gray metal cube), with made-up
 * uncertainty on one object at a time.
 */
class ProbabilisticSceneTest {

    private static ClevrScene gold;
    private final ClevrReasoner reasoner = new ClevrReasoner();

    @BeforeAll
    static void load() {
        gold = ClevrDataset.loadScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")).get(0);
    }

    /** The gold scene with object i replaced. */
    private static ClevrScene with(int i, ClevrObject o) {
        List<ClevrObject> objects = new ArrayList<>(gold.objects());
        objects.set(i, o);
        return new ClevrScene(gold.split(), gold.imageIndex(), gold.imageFilename(), objects, gold.relationships(),
                gold.directions());
    }

    @Test
    void should_give_the_most_likely_answer_when_the_question_needs_no_repair() {
        // given the sphere's colour is unsure, red ahead of purple
        ClevrScene s = with(3, new ClevrObject("sphere", "red", "metal", "large", null, null, 0, 0.99,
                Map.of("color", Map.of("red", 0.55, "purple", 0.45))));
        // when asked its colour, both readings agree with the arg-max scene
        var p = ClevrFunctionsTest.program("scene ; filter_shape[sphere](0) ; unique(1) ; query_color(2)");
        assertEquals("red", reasoner.answer(s, p));
        assertEquals("red", reasoner.answerLikely(s, p, false).answer());
    }

    @Test
    void should_choose_the_most_likely_scene_in_which_the_question_makes_sense() {
        // given the arg-max scene has no purple object (the sphere reads red 0.55 / purple 0.45)
        ClevrScene s = with(3, new ClevrObject("sphere", "red", "metal", "large", null, null, 0, 0.99,
                Map.of("color", Map.of("red", 0.55, "purple", 0.45))));
        var p = ClevrFunctionsTest.program("scene ; filter_color[purple](0) ; unique(1) ; query_shape(2)");
        // when the plain scene is used, unique finds nothing
        VqaspException e = assertThrows(VqaspException.class, () -> reasoner.answer(s, p));
        assertEquals("unique", e.kind());
        // then the weighted reading makes the sphere purple, the cheapest repair, and answers
        ExplainedAnswer r = reasoner.answerLikely(s, p, true);
        assertEquals("sphere", r.answer());
        assertEquals(1, r.outcome().models().get(0).atoms("has", 3).stream()
                .filter(a -> a.arg(0).number() == 3 && a.arg(2).name().equals("purple")).count());
    }

    @Test
    void should_drop_an_unsure_object_when_that_is_cheaper_than_recolouring() {
        // given a doubtful sixth object, a second sphere, that makes "the sphere" ambiguous
        List<ClevrObject> objects = new ArrayList<>(gold.objects());
        objects.add(new ClevrObject("sphere", "blue", "rubber", "small", null, null, 0, 0.6,
                Map.of("shape", Map.of("sphere", 0.95, "cylinder", 0.05))));
        Map<String, List<List<Integer>>> rel = new java.util.HashMap<>();
        for (var e : gold.relationships().entrySet()) {
            List<List<Integer>> l = new ArrayList<>(e.getValue());
            l.add(List.of());
            rel.put(e.getKey(), l);
        }
        ClevrScene s = new ClevrScene("val", 0, "x", objects, rel, Map.of());
        var p = ClevrFunctionsTest.program("scene ; filter_shape[sphere](0) ; unique(1) ; query_color(2)");
        assertEquals("unique", assertThrows(VqaspException.class, () -> reasoner.answer(s, p)).kind());
        // then dropping it (cost -ln 0.4) beats turning it into a cylinder (cost -ln 0.05)
        assertEquals("purple", reasoner.answerLikely(s, p, false).answer());
        assertEquals(5, ProbabilisticSceneEncoder.encode(s, 0, new org.vqasp.reasoning.Facts()).toString()
                .lines().filter(l -> l.startsWith("object(")).count());
        assertEquals(916, ProbabilisticSceneEncoder.cost(0.4));
    }

    @Test
    void should_fall_back_to_the_plain_scene_when_no_scene_makes_sense() {
        // given a question about a yellow object, which no distribution allows
        var p = ClevrFunctionsTest.program("scene ; filter_color[yellow](0) ; unique(1) ; query_shape(2)");
        VqaspException e = assertThrows(VqaspException.class, () -> reasoner.answerLikely(gold, p, false));
        assertEquals("unique", e.kind());
    }

    @Test
    void should_find_the_middle_object_when_every_object_is_unsure() {
        // given every object present with confidence 0.9 but object 0 (the brown cylinder, nearest the centre)
        // with 0.3; before the middle rule compared sums instead of assigning them, gringo ground every subset
        // sum of the members' coordinates here and never finished
        List<ClevrObject> unsure = new ArrayList<>();
        for (ClevrObject o : gold.objects()) {
            unsure.add(new ClevrObject(o.shape(), o.color(), o.material(), o.size(), o.coords(), o.pixelCoords(),
                    o.rotation(), unsure.isEmpty() ? 0.3 : 0.9, Map.of()));
        }
        var p = ClevrFunctionsTest.program("scene ; extreme[middle](0) ; unique(1) ; query_color(2)");
        ClevrScene all = new ClevrScene("val", 0, "x", unsure, Map.of(), Map.of());
        // when the plain scene is used, the brown cylinder is the middle one
        assertEquals("brown", reasoner.answer(all, p));
        // then the most likely scene leaves it out, and its middle is that of the four other objects
        ClevrScene rest = new ClevrScene("val", 0, "x", gold.objects().subList(1, 5), Map.of(), Map.of());
        String middleOfRest = reasoner.answer(rest, p);
        assertEquals(middleOfRest, reasoner.answerLikely(all, p, false).answer());
        // and with object 0 likely present again, it is the answer
        unsure.set(0, gold.objects().get(0));
        assertEquals("brown", reasoner.answerLikely(new ClevrScene("val", 0, "x", unsure, Map.of(), Map.of()), p, false)
                .answer());
    }
}
