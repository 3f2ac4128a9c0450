package org.vqasp.reasoning.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.SemanticString;
import org.vqasp.reasoning.Answer;

/**
 * Every GQA operation over the real scene graphs of {@code samples/gqa/sample}, with questions written for them.
 * Each expected answer was checked by hand against {@code sceneGraphs.json}; the comment of each test names the
 * objects, attributes, relations and boxes it rests on. Positions are thirds of the image along the axis, taken
 * at the box centre (x + w/2, y + h/2).
 */
class GqaOperationsTest {

    private static final GqaDataset.SceneGraphIndex GRAPHS =
            GqaDataset.loadSceneGraphs(Samples.path("gqa/sample/sceneGraphs.json"));
    /** A farm building with a white horse, 500x333. */
    private static final GqaSceneGraph FARM = GRAPHS.get("2375429");
    /** A street with two cars, 500x270, outdoors. */
    private static final GqaSceneGraph STREET = GRAPHS.get("2354786");
    /** A living room with two dogs, 500x332, indoors. */
    private static final GqaSceneGraph ROOM = GRAPHS.get("2336498");

    private static final GqaReasoner REASONER = new GqaReasoner();

    private static String answer(GqaSceneGraph g, String semanticStr) {
        return REASONER.answer(g, SemanticString.parse(semanticStr));
    }

    private static VqaspException failure(GqaSceneGraph g, String semanticStr) {
        return assertThrows(VqaspException.class, () -> answer(g, semanticStr));
    }

    @Test
    void should_select_objects_by_class_and_by_parent_class() {
        // given the room (one fireplace 968673; animals: dog 968662, dog 968660, both named "dog") and the farm
        // (its one animal is horse 722308; "doors" 2184080 on the street is a plural name)
        // when objects are selected by their class and by a super-class of the hierarchy
        // then the fireplace exists, the animals are dogs (one answer for two dogs), the farm's animal a horse
        assertEquals("yes", answer(ROOM, "select: fireplace (968673)->exist: ? [0]"));
        assertEquals("dog", answer(ROOM, "select: animal (968662,968660)->query: name [0]"));
        assertEquals("horse", answer(FARM, "select: animal (722308)->query: name [0]"));
        assertEquals("doors", answer(STREET, "select: door (2184080)->query: name [0]"));
    }

    @Test
    void should_report_a_missing_object_as_an_annotation_gap_and_fall_back_on_the_annotated_id() {
        // given the street, which has no cat and no object 123, and no object named "cab" but car 2260042
        // when a program selects them
        VqaspException e = failure(STREET, "select: cat (123)->query: color [0]");
        // then the missing cat is an error of its own kind; the cab is found through its annotated id
        assertEquals("missing_object", e.kind());
        assertEquals("step 0 (select: cat (123)): the scene graph has no cat and not the annotated object: an annotation gap",
                e.getMessage());
        assertEquals("car", answer(STREET, "select: cab (2260042)->query: name [0]"));
        // and an object the program does not annotate ("-") may simply be absent
        assertEquals("no", answer(STREET, "select: cat (-)->exist: ? [0]"));
    }

    @Test
    void should_relate_on_the_subject_and_the_object_side_with_any_class_or_a_given_one() {
        // given the room: dog 968660 "sitting on" step 968661; mirror 968672 "hanging on" wall 968681;
        // bowl 968670 "sitting on" table 968671; the street: cars 2260042 and 3776209 are both "on" street 2260043
        // when relations are followed
        // then what sits on the step is a dog (subject side, any class), the mirror hangs on a wall (object side),
        // the animal on the step is a dog (class given), the vehicles on the street are cars
        assertEquals("dog", answer(ROOM, "select: step (968661)->relate: _,sitting on,s (968660) [0]->query: name [1]"));
        assertEquals("wall", answer(ROOM, "select: mirror (968672)->relate: _,hanging on,o (968681) [0]->query: name [1]"));
        assertEquals("dog", answer(ROOM, "select: step (968661)->relate: animal,sitting on,s (968660) [0]->query: name [1]"));
        assertEquals("wood", answer(ROOM, "select: bowl (968670)->relate: furniture,sitting on,o (968671) [0]->query: material [1]"));
        assertEquals("car", answer(STREET, "select: street (2260043)->relate: vehicle,on,s (2260042) [0]->query: name [1]"));
        // and a relation that leads nowhere leaves the next step an empty input
        assertEquals("empty", failure(ROOM, "select: mirror (968672)->relate: _,on,o (-) [0]->query: name [1]").kind());
        // and the error names the step where the objects ran out: the room's wall 968681 is not white, so "What is
        // on the white wall?" fails at the filter, two steps before the query that has nothing to report
        VqaspException e = failure(ROOM, "select: wall->filter color: white [0]->relate: _,on,s [1]->query: name [2]");
        assertEquals("step 3 (query: name): no objects to work on; they ran out at step 1 (filter color: white), "
                + "which found none", e.getMessage());
    }

    @Test
    void should_count_the_objects_of_a_set_beyond_gqa_operations() {
        // given the room: dogs 968660 and 968662; pillow 968677, pillow 968678 and "pillows" 968676 (one object);
        // dog 968660 "sitting on" step 968661; no cat
        // when the objects of a set are counted (vqasp's count, which GQA's programs never use)
        // then each object counts once, an empty set counts 0, and a relation narrows what is counted
        assertEquals("2", answer(ROOM, "select: dog->count: ? [0]"));
        assertEquals("3", answer(ROOM, "select: pillow->count: ? [0]"));
        assertEquals("0", answer(ROOM, "select: cat->count: ? [0]"));
        assertEquals("1", answer(ROOM, "select: step->relate: animal,sitting on,s [0]->count: ? [1]"));
    }

    @Test
    void should_check_a_class_through_the_hierarchy() {
        // given the room: the animals are dogs; the sofa 968675 is furniture
        // when the class of a set is checked by name
        // then the animal is a dog and not a cat, and the furniture includes a sofa
        assertEquals("yes", answer(ROOM, "select: animal->verify name: dog [0]"));
        assertEquals("no", answer(ROOM, "select: animal->verify name: cat [0]"));
        assertEquals("yes", answer(ROOM, "select: furniture->verify name: sofa [0]"));
    }

    @Test
    void should_find_a_possessive_in_what_an_object_has_with_it() {
        // given the room: sofa 968675 "with" pillows 968676, and no relation "of" anywhere in the graph
        // when a program asks for the sofa's pillows ("of", GQA's possessive) from either side
        // then the pillows are the sofa's, the sofa is what the pillows are of, and the sofa has no lamp
        assertEquals("yes", answer(ROOM, "select: sofa->relate: pillow,of,s [0]->exist: ? [1]"));
        assertEquals("sofa", answer(ROOM, "select: pillow->relate: furniture,of,o [0]->query: name [1]"));
        assertEquals("no", answer(ROOM, "select: sofa->relate: lamp,of,s [0]->exist: ? [1]"));
        // and "with" itself is not widened: the sofa is with the pillows, the pillows are not with the sofa
        assertEquals("yes", answer(ROOM, "select: sofa->relate: pillow,with,o [0]->exist: ? [1]"));
        assertEquals("no", answer(ROOM, "select: sofa->relate: pillow,with,s [0]->exist: ? [1]"));
    }

    @Test
    void should_select_any_object_for_an_underscore() {
        // given the room: dog 968660 "sitting on" step 968661 and bowl 968670 "sitting on" table 968671; the
        // street has no animal
        // when a program starts from any object (select: _, as the parser writes "What animal is sitting on
        // something?")
        // then the animal sitting on something is the dog, things sit on something in the room, and the street
        // has no animal sitting on anything
        assertEquals("dog", answer(ROOM, "select: _->relate: animal,sitting on,s [0]->query: name [1]"));
        assertEquals("yes", answer(ROOM, "select: _->relate: _,sitting on,s [0]->exist: ? [1]"));
        assertEquals("no", answer(STREET, "select: _->relate: animal,sitting on,s [0]->exist: ? [1]"));
        // and an id after "_" still selects just that object
        assertEquals("bowl", answer(ROOM, "select: _ (968670)->query: name [0]"));
    }

    @Test
    void should_leave_a_check_of_the_location_or_weather_unanswered_when_the_graph_does_not_annotate_it() {
        // given the street, annotated as outdoors, and the farm, whose graph gives no location and no weather
        // when each is checked for a location and the weather
        // then the street answers, and the farm has no answer rather than a closed-world "no"
        assertEquals("yes", answer(STREET, "select: scene->verify location: outdoors [0]"));
        assertEquals("no", answer(STREET, "select: scene->verify location: indoors [0]"));
        assertEquals("missing_attribute", failure(FARM, "select: scene->verify location: outdoors [0]").kind());
        assertEquals("missing_attribute", failure(FARM, "select: scene->verify weather: sunny [0]").kind());
        // and an object's attributes stay closed-world: the white horse is not brown
        assertEquals("no", answer(FARM, "select: horse (722308)->verify color: brown [0]"));
    }

    @Test
    void should_answer_what_an_object_is_doing_with_its_pose_when_it_has_no_activity() {
        // given the farm, whose horse 722308 is "walking" (a pose in GQA's hierarchy) and has no activity, and the
        // street, whose car 2260042 is "waiting" (an activity)
        // when they are asked what they are doing (query activity) or asked their pose
        // then the horse answers with its pose, the car with its activity, and a pose query still finds no activity
        assertEquals("walking", answer(FARM, "select: horse (722308)->query: activity [0]"));
        assertEquals("walking", answer(FARM, "select: horse (722308)->query: pose [0]"));
        assertEquals("waiting", answer(STREET, "select: car (2260042)->query: activity [0]"));
        assertEquals("missing_attribute", failure(STREET, "select: car (2260042)->query: pose [0]").kind());
    }

    @Test
    void should_relate_to_objects_sharing_a_value_of_a_category() {
        // given the room, where the white objects are fireplace 968673 and dog 968660 (floor 968663 is "light",
        // a tone) and everything else with a colour is brown or orange
        // when the objects with the same colour as the fireplace are found
        // then it is the white dog
        assertEquals("dog", answer(ROOM, "select: fireplace (968673)->relate: _,same color,s (968660) [0]->query: name [1]"));
        assertEquals("top", answer(ROOM, "select: fireplace (968673)->relate: animal,same color,s (968660) [0]->query: vposition [1]"));
    }

    @Test
    void should_filter_by_value_with_and_without_category_and_by_negation() {
        // given the farm: walls 722333 (no attributes) and 722332 (white); the street: doors 2184080 "shut";
        // the room: dog 968662 brown (box 10,256,45,55: centre y 283.5 > 2/3 of 332) and dog 968660 white
        // (box 0,74,49,51: centre y 99.5 < 1/3 of 332)
        // when sets are filtered
        // then the white wall is the one with a pipe on it, the shut doors exist, the dog that is not white is
        // brown, the dog at the top is white and the one at the bottom brown
        assertEquals("pipe", answer(FARM, "select: wall (722332)->filter color: white [0]->relate: _,on,s (722335) [1]->query: name [2]"));
        assertEquals("yes", answer(STREET, "select: doors (2184080)->filter: shut [0]->exist: ? [1]"));
        assertEquals("brown", answer(ROOM, "select: dog (968662)->filter color: not(white) [0]->query: color [1]"));
        assertEquals("white", answer(ROOM, "select: dog (968660)->filter vposition: top [0]->query: color [1]"));
        assertEquals("brown", answer(ROOM, "select: dog (968662)->filter vposition: bottom [0]->query: color [1]"));
        assertEquals("no", answer(ROOM, "select: dog (-)->filter hposition: right [0]->exist: ? [1]"));
    }

    @Test
    void should_query_names_attribute_categories_and_positions() {
        // given the farm: bench 722346 "wood"; horse 722308 at 257,134,243,198 (centre x 378.5 > 2/3 of 500);
        // pipe 722335 at 104,1,17,167 (centre x 112.5 < 1/3 of 500); the street: sky 2486325 at 0,2,500,144
        // (centre y 74 < 1/3 of 270); "license plate" 1869638 (a name with a blank) is the only object
        // "to the right of" doors 2184080
        // when they are queried
        assertEquals("wood", answer(FARM, "select: bench (722346)->query: material [0]"));
        assertEquals("right", answer(FARM, "select: horse (722308)->query: hposition [0]"));
        assertEquals("left", answer(FARM, "select: pipe (722335)->query: hposition [0]"));
        assertEquals("top", answer(STREET, "select: sky (2486325)->query: vposition [0]"));
        assertEquals("license plate", answer(STREET, "select: doors (2184080)->relate: _,to the right of,s (1869638) [0]->query: name [1]"));
        // and a category the graph gives no value for is reported as such
        VqaspException e = failure(FARM, "select: bench (722346)->query: color [0]");
        assertEquals("missing_attribute", e.kind());
    }

    @Test
    void should_verify_attributes_positions_and_relations() {
        // given the street: sky 2486325 "dark"; license plate 1869638 "to the left of" car 2260042; the farm:
        // door 722329 "dark", "wood", "closed"; pipe 722335 on the left (see the query test); the room: dog 968660
        // "sitting on" step 968661, bowl 968670 "sitting on" and "on top of" table 968671 but not "on" it
        // when facts are verified
        assertEquals("yes", answer(STREET, "select: sky (2486325)->verify color: dark [0]"));
        assertEquals("no", answer(FARM, "select: door (722329)->verify: open [0]"));
        assertEquals("yes", answer(FARM, "select: pipe (722335)->verify hposition: left [0]"));
        assertEquals("no", answer(FARM, "select: pipe (722335)->verify hposition: right [0]"));
        assertEquals("yes", answer(STREET, "select: license plate (1869638)->verify rel: car,to the left of,o (2260042) [0]"));
        assertEquals("yes", answer(ROOM, "select: step (968661)->verify rel: dog,sitting on,s (968660) [0]"));
        assertEquals("no", answer(ROOM, "select: table (968671)->verify rel: bowl,on,s (-) [0]"));
    }

    @Test
    void should_choose_between_attributes_names_positions_and_relations() {
        // given the farm: fence 722342 "wood", "old"; door 722329 "closed"; horse 722308 on the right; the room:
        // the animals are two dogs; bowl 968670 "to the left of" fireplace 968673
        // when a choice is asked
        assertEquals("wood", answer(FARM, "select: fence (722342)->choose material: metal|wood [0]"));
        assertEquals("closed", answer(FARM, "select: door (722329)->choose: open|closed [0]"));
        assertEquals("right", answer(FARM, "select: horse (722308)->choose hposition: left|right [0]"));
        assertEquals("dog", answer(ROOM, "select: animal (968662)->choose name: cat|dog [0]"));
        // then a chosen relation is answered as GQA does ("left" for "to the left of")
        assertEquals("left", answer(ROOM,
                "select: fireplace (968673)->choose rel: bowl,to the left of|to the right of,s (968670) [0]"));
    }

    @Test
    void should_choose_by_comparatives() {
        // given the farm: fence 722342 is "old", bench 722346 is "wood" only
        // when asked which is older and which younger (young is the opposite of old)
        // then the fence is older and the bench younger
        assertEquals("fence", answer(FARM, "select: fence (722342)->select: bench (722346) ->choose older:  [0, 1]"));
        assertEquals("bench", answer(FARM, "select: fence (722342)->select: bench (722346) ->choose younger:  [0, 1]"));
        assertEquals("bench", answer(FARM, "select: fence (722342)->select: bench (722346) ->choose less old:  [0, 1]"));
    }

    @Test
    void should_answer_exist_and_or() {
        // given the farm, which has bench 722346 and no cat
        // when existence is combined
        assertEquals("yes", answer(FARM, "select: bench (722346)->exist: ? [0]"));
        assertEquals("no", answer(FARM, "select: bench (722346)->exist: ? [0]->select: cat (-) ->exist: ? [2]->and:  [1, 3]"));
        assertEquals("yes", answer(FARM, "select: bench (722346)->exist: ? [0]->select: cat (-) ->exist: ? [2]->or:  [1, 3]"));
        assertEquals("no", answer(FARM, "select: dog (-)->exist: ? [0]->select: cat (-) ->exist: ? [2]->or:  [1, 3]"));
    }

    @Test
    void should_compare_two_objects_and_one_set() {
        // given the room: sofa 968675 and lamp 968669 are "brown", fireplace 968673 "white"; furniture: table,
        // cabinet, chair, sofa (four names); animals: two dogs
        // when two objects or a set are compared
        assertEquals("yes", answer(ROOM, "select: sofa (968675)->select: lamp (968669) ->same color:  [0, 1]"));
        assertEquals("no", answer(ROOM, "select: sofa (968675)->select: lamp (968669) ->different color:  [0, 1]"));
        assertEquals("yes", answer(ROOM, "select: sofa (968675)->select: fireplace (968673) ->different color:  [0, 1]"));
        assertEquals("yes", answer(ROOM, "select: furniture (968671,968665,968679,968675)->different: type [0]"));
        assertEquals("no", answer(ROOM, "select: furniture (968671,968665,968679,968675)->same: type [0]"));
        assertEquals("yes", answer(ROOM, "select: animal (968662,968660)->same: type [0]"));
        assertEquals("no", answer(ROOM, "select: animal (968662,968660)->same: color [0]"));
    }

    @Test
    void should_find_what_two_objects_have_in_common() {
        // given the room: sofa 968675 and lamp 968669 share "brown"; the farm: fence 722342 and bench 722346
        // share "wood"
        // when asked what they have in common
        assertEquals("color", answer(ROOM, "select: sofa (968675)->select: lamp (968669) ->common:  [0, 1]"));
        assertEquals("material", answer(FARM, "select: fence (722342)->select: bench (722346) ->common:  [0, 1]"));
    }

    @Test
    void should_answer_about_the_scene_as_a_whole() {
        // given the street, annotated "location": "outdoors", and the room, "indoors"; neither annotates a place
        // when global questions select the scene
        // then the location is chosen and queried; the place is reported as not annotated
        assertEquals("outdoors", answer(STREET, "select: scene->choose location: indoors|outdoors [0]"));
        assertEquals("indoors", answer(ROOM, "select: scene->query: location [0]"));
        assertEquals("missing_attribute", failure(ROOM, "select: scene->query: place [0]").kind());
    }

    @Test
    void should_answer_a_batch_per_image_and_keep_bad_programs_to_their_own_rows() {
        // given three programs over the farm: a good one, one with an unknown operation, one with a bad argument
        List<String> texts = List.of("select: bench (722346)->query: material [0]",
                "select: bench (722346)->paint: red [0]",
                "select: bench (722346)->relate: bench [0]->exist: ? [1]");
        // when they are answered together
        List<Answer> out = REASONER.answerAll(FARM, texts.stream().map(SemanticString::parse).toList());
        // then the good one is answered and each bad one is an error row of its kind
        assertEquals("wood", out.get(0).answer());
        assertEquals("unknown_operation", out.get(1).error().kind());
        assertTrue(out.get(1).error().getMessage().contains("unknown operation \"paint\""), out.get(1).error().getMessage());
        assertEquals("bad_program", out.get(2).error().kind());
    }
}
