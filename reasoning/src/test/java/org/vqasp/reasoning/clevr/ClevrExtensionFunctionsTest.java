package org.vqasp.reasoning.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;

/**
 * The extension functions of docs/language.md over the real CLEVR val scene 0, worked out by hand from its
 * JSON: 0 large brown rubber cylinder, 1 large gray rubber cube, 2 small green rubber cylinder, 3 large purple
 * metal sphere, 4 small gray metal cube. Positions (hundredths) along left: 248, 57, 193, -91, -178; along
 * front: 18, 256, -143, -187, 200; ground (x, y): (-149,-199), (156,-210), (-234,-52), (-81,191), (268,3).
 */
class ClevrExtensionFunctionsTest {

    private static ClevrScene scene;
    private static ClevrScene twins;
    private final ClevrReasoner reasoner = new ClevrReasoner();

    @BeforeAll
    static void load() {
        scene = ClevrDataset.loadScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")).get(0);
        twins = ClevrDataset.loadScenes(Samples.path("clevr/humans/scenes.json")).get(48);
    }

    private static Program p(String text) {
        return ClevrFunctionsTest.program(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // exclude: all but the metal objects
        "scene ; scene ; filter_material[metal](1) ; exclude(0,2) ; count(3) | 3",
        "scene ; filter_shape[cube](0) ; scene ; filter_size[small](2) ; exclude(1,3) ; unique(4) ; query_color(5) | gray",
        // extreme: the member farthest in a direction
        "scene ; extreme[left](0) ; unique(1) ; query_shape(2) | cylinder",
        "scene ; extreme[right](0) ; unique(1) ; query_size(2) | small",
        "scene ; extreme[front](0) ; unique(1) ; query_size(2) | large",
        "scene ; extreme[behind](0) ; unique(1) ; query_color(2) | purple",
        "scene ; filter_shape[cylinder](0) ; extreme[front](1) ; unique(2) ; query_color(3) | brown",
        "scene ; filter_color[yellow](0) ; extreme[left](1) ; count(2) | 0",
        // middle: centre (-8, -53.4); object 0 is nearest it (141, 146 away), then 2 (226, 1) and 1 (164, 157)
        "scene ; extreme[middle](0) ; unique(1) ; query_color(2) | brown",
        // nearest: the member nearest an object on the ground plane
        "scene ; scene ; filter_shape[sphere](1) ; unique(2) ; nearest(0,3) ; unique(4) ; query_color(5) | green",
        "scene ; filter_shape[cube](0) ; scene ; filter_color[brown](2) ; unique(3) ; nearest(1,4) ; unique(5) ; query_size(6) | large",
        // farthest: from object 2 at (-234,-52) the squared distances are 28834, 177064, 82458, 255029 (object 4);
        // from the sphere, of the cubes 1 (216970) is farther than 4 (157145)
        "scene ; scene ; filter_color[green](1) ; unique(2) ; farthest(0,3) ; unique(4) ; query_material(5) | metal",
        "scene ; filter_shape[cube](0) ; scene ; filter_shape[sphere](2) ; unique(3) ; farthest(1,4) ; unique(5) ; query_size(6) | large",
        // between: object 1 lies between objects 0 and 4 (2 is behind 0's end, 3 too far from the line);
        // object 2 lies between 0 and 3 (along 0->3 at 51550/156724, off the line by 43146/sqrt(156724))
        "scene ; filter_color[brown](0) ; scene ; filter_size[small](2) ; filter_material[metal](3) ; union(1,4) ; between(5) ; unique(6) ; query_size(7) | large",
        "scene ; filter_color[brown](0) ; scene ; filter_color[purple](2) ; union(1,3) ; between(4) ; unique(5) ; query_color(6) | green",
        // count_distinct, most_common, all_same
        "scene ; count_distinct[color](0) | 4",
        "scene ; count_distinct[shape](0) | 3",
        "scene ; filter_size[large](0) ; count_distinct[material](1) | 2",
        "scene ; most_common[color](0) | gray",
        "scene ; most_common[material](0) | rubber",
        "scene ; filter_shape[cylinder](0) ; all_same[material](1) | yes",
        "scene ; filter_shape[cylinder](0) ; all_same[size](1) | no",
        "scene ; filter_color[yellow](0) ; all_same[size](1) | yes",
        // least_common: 2 metal against 3 rubber, 2 small against 3 large, 1 sphere against 2 cubes and 2 cylinders
        "scene ; least_common[material](0) | metal",
        "scene ; least_common[size](0) | small",
        "scene ; least_common[shape](0) | sphere",
        // unmatched: the sphere is the only sphere, the purple and the green and the brown objects the only ones
        // of their colour; no object is alone in its size
        "scene ; unmatched[shape](0) ; unique(1) ; query_color(2) | purple",
        "scene ; unmatched[color](0) ; count(1) | 3",
        "scene ; unmatched[size](0) ; count(1) | 0",
        "scene ; filter_material[metal](0) ; unmatched[size](1) ; count(2) | 2",
        // identical: no two objects agree in all four attributes (the gray cubes differ in size and material)
        "scene ; identical(0) ; count(1) | 0",
        "scene ; filter_color[gray](0) ; identical(1) ; exist(2) | no",
        // number: a constant to compare counts with
        "scene ; count(0) ; number[5] ; equal_integer(1,2) | yes",
        "scene ; filter_size[large](0) ; count(1) ; number[2] ; greater_than(2,3) | yes",
        "scene ; filter_size[large](0) ; count(1) ; number[3] ; less_than(2,3) | no",
        // subtract
        "scene ; filter_size[large](0) ; scene ; filter_size[small](2) ; count(1) ; count(3) ; subtract(4,5) | 1",
        "scene ; filter_size[small](0) ; scene ; filter_size[large](2) ; count(1) ; count(3) ; subtract(4,5) | -1",
        // a most_common value compared like any attribute
        "scene ; most_common[color](0) ; scene ; filter_size[small](2) ; filter_material[metal](3) ; unique(4) ; query_color(5) ; equal_color(1,6) | yes",
    })
    void should_answer_each_extension_function_as_worked_out_by_hand(String program, String expected) {
        assertEquals(expected, reasoner.answer(scene, p(program)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // real CLEVR train image 48: 0 and 3 large yellow rubber cubes, 1 a small yellow rubber cube (only its size
        // tells it from them), 2 a large purple rubber cylinder
        "scene ; identical(0) ; count(1) | 2",
        "scene ; identical(0) ; most_common[color](1) | yellow",
        "scene ; filter_size[small](0) ; identical(1) ; exist(2) | no",
        "scene ; filter_shape[cube](0) ; identical(1) ; count(2) | 2",
        "scene ; filter_shape[cube](0) ; identical(1) ; scene ; filter_shape[cube](3) ; count(2) ; count(4) ; equal_integer(5,6) | no",
    })
    void should_find_the_objects_another_object_matches_in_every_attribute(String program, String expected) {
        assertEquals(expected, reasoner.answer(twins, p(program)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "scene ; most_common[shape](0) | tie | no single most common value (2 tie)",
        "scene ; filter_color[yellow](0) ; most_common[shape](1) | tie | no objects",
        "scene ; least_common[color](0) | tie | no single least common value (3 tie)",
        "scene ; count(0) ; number[11] ; equal_integer(1,2) | unknown_value | unknown value \"11\"",
        "scene ; count(0) ; number ; equal_integer(1,2) | missing_value | missing value",
        "scene ; extreme[up](0) ; count(1) | unknown_value | unknown value \"up\"",
        "scene ; count_distinct[weight](0) | unknown_value | unknown value \"weight\"",
        "scene ; count_distinct(0) | missing_value | missing value",
        "scene ; scene ; nearest(0,1) ; count(2) | type | has the wrong type for nearest",
        "scene ; most_common[color](0) ; count(1) | type | has the wrong type for count",
        "scene ; extreme[left](0) | not_terminal | does not produce an answer",
        "scene ; between(0) ; count(1) | pair | expected two objects to look between, found 5",
    })
    void should_name_what_is_wrong_with_an_extension_step(String program, String kind, String message) {
        VqaspException e = assertThrows(VqaspException.class, () -> reasoner.answer(scene, p(program)));
        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void should_accept_extension_programs_in_a_check_against_an_empty_scene() {
        // given programs whose answer depends on the scene (a tie, an empty set)
        List<Program> programs = List.of(p("scene ; most_common[shape](0)"),
                p("scene ; extreme[left](0) ; unique(1) ; query_color(2)"));
        // then check finds nothing wrong with them, but does with a typo
        assertEquals(List.of(Optional.empty(), Optional.empty()), reasoner.checkAll(programs));
        assertEquals("unknown_function", reasoner.check(p("scene ; extremes[left](0) ; count(1)")).orElseThrow().kind());
    }

    @Test
    void should_read_extension_functions_over_a_scene_with_probabilities() {
        // given the vision model unsure whether object 1 is a cube or a cylinder (0.55 cube)
        List<ClevrObject> objects = new ArrayList<>(scene.objects());
        ClevrObject o = objects.get(1);
        objects.set(1, new ClevrObject("cube", "gray", "rubber", "large", o.coords(), o.pixelCoords(), 0, 0.98,
                Map.of("shape", Map.of("cube", 0.55, "cylinder", 0.45))));
        ClevrScene s = new ClevrScene(scene.split(), 0, scene.imageFilename(), objects, scene.relationships(),
                scene.directions());
        // when asked for the frontmost cylinder's colour: in the most likely scene (object 1 a cube) it is
        // object 0, brown; positions are plain facts, not choices
        Program frontCylinder = p("scene ; filter_shape[cylinder](0) ; extreme[front](1) ; unique(2) ; query_color(3)");
        assertEquals("brown", reasoner.answerLikely(s, frontCylinder, false).answer());
        // and the most common shape: a tie in the most likely scene, so the weighted reading makes object 1
        // a cylinder (the cheapest scene in which the question has an answer)
        assertEquals("cylinder", reasoner.answerLikely(s, p("scene ; most_common[shape](0)"), false).answer());
        assertEquals("tie", assertThrows(VqaspException.class,
                () -> reasoner.answer(s, p("scene ; most_common[shape](0)"))).kind());
    }

    @Test
    void should_fail_clearly_on_a_scene_without_positions() {
        // given a scene whose objects have neither 3d_coords nor pixel_coords
        List<ClevrObject> objects = new ArrayList<>();
        for (ClevrObject o : scene.objects()) {
            objects.add(new ClevrObject(o.shape(), o.color(), o.material(), o.size(), null, null, 0));
        }
        ClevrScene bare = new ClevrScene("val", 0, "x", objects, scene.relationships(), Map.of());
        // then extreme names the object without a position; programs without positions still work
        VqaspException e = assertThrows(VqaspException.class,
                () -> reasoner.answer(bare, p("scene ; extreme[left](0) ; count(1)")));
        assertEquals("no_position", e.kind());
        assertEquals("3", reasoner.answer(bare, p("scene ; filter_size[large](0) ; count(1)")));
    }
}
