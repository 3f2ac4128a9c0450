package org.vqasp.language.clevr.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.world.questions.ReferenceExecutor;

/**
 * Constructions of human CLEVR questions the grammar reads (frequent in CLEVR-Humans' wording), answered by the
 * reference executor over the real CLEVR val scene 0, worked out by hand from its JSON: 0 large brown rubber
 * cylinder, 1 large gray rubber cube, 2 small green rubber cylinder, 3 large purple metal sphere, 4 small gray
 * metal cube; ground positions (x, y): (-149,-199), (156,-210), (-234,-52), (-81,191), (268,3).
 */
class HumanWordingTest {

    private static ClevrGrammarParser parser;
    private static ClevrScene scene;
    private static ClevrScene twins;
    private final ReferenceExecutor executor = new ReferenceExecutor();

    @BeforeAll
    static void load() {
        parser = ClevrGrammarParser.load();
        scene = ClevrDataset.loadScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")).get(0);
        twins = ClevrDataset.loadScenes(Samples.path("clevr/humans/scenes.json")).get(48);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // farthest from X: from the green cylinder, the small gray cube (squared distance 255029) is farthest
        "What color is the object farthest from the green cylinder? | gray",
        "What size is the thing that is furthest away from the purple ball? | large",
        // least common value: one sphere against two cubes and two cylinders
        "Which shape occurs the least? | sphere",
        "What is the least common material? | metal",
        // numbers: 2 gray, 3 large, 2 metal, 2 cylinders
        "Is there more than one gray object? | yes",
        "Are there three large objects? | yes",
        "Are there exactly two cylinders? | yes",
        "Are there at least three metal things? | no",
        "Is there only one sphere? | yes",
        // alone in a value, and not alone: the sphere is the only sphere; the cylinders and cubes share shapes
        "What color is the thing that is different in shape from the others? | purple",
        "What color is the object that is the only one of its shape? | purple",
        "What color is the object that does not share its shape with any of the other objects? | purple",
        "How many objects are the same color? | 2",
        "What material are the objects that are the same shape? | rubber",
        // the only one
        "Is the purple sphere the only metal sphere? | yes",
        "Is the large cube the only gray object? | no",
        // a count asked at the end: the green cylinder is small, as is the gray cube
        "The green cylinder is the same size as how many other objects? | 1",
        // a value named with its attribute
        "How many objects have a matte finish? | 3",
        "What shape is the object with a purple color? | sphere",
        // some value of one kind is one of another: cubes are rubber and metal, cylinders rubber, the sphere metal
        "Is there a cube and a cylinder that are the same material? | yes",
        "Is there a sphere and a cylinder made of the same material? | no",
        // counts of sets joined
        "Are there more cylinders than cubes and spheres combined? | no",
        "Which of the large objects is metal? | sphere",
        "Which color has the most cubes? | gray",
        "Is the object farthest to the right a cube? | yes",
        // relations to several objects (left to right 0 2 1 3 4, front to back 1 4 0 2 3): from the farthest one
        "How many objects are to the left of all the cubes? | 2",
        "How many things are behind both cubes? | 3",
        "How many objects are in front of the cylinders? | 2",
        "What is the material of the sphere behind the cylinders? | metal",
        "What color is the cylinder that is in front of all the other cylinders? | brown",
        "Is there a sphere behind all the objects? | yes",
        "Is there a cube to the left of all of the other objects? | no",
        // "the one X", "made of a metallic material", "surface texture"
        "What shape is the one object that is purple? | sphere",
        "How many objects are made of a metallic material? | 2",
        "How many cubes are made of the matte material? | 1",
        "What is the surface texture of the purple thing? | metal",
        // most of: 3 of 5 rubber, 1 of 2 cubes metal, 2 of 3 large things rubber, 1 of 2 small things metal
        "Are most of the objects rubber? | yes",
        "Are most of the cubes metal? | no",
        "Are most of the large things matte instead of shiny? | yes",
        "Do most of the small objects have a metallic finish? | no",
        "Are the majority of the objects large or small? | large",
        "Most of the objects have what kind of material? | rubber",
        "What material are most of the large things made of? | rubber",
        // more of one or the other, told apart by the one attribute both name: 1 metal cube, 2 rubber cylinders
        "Are there more metal cubes or rubber cylinders? | cylinder",
        "Are there more gray cubes or green cylinders? | cube",
        // the value two objects share
        "What color are the large cube and the small cube? | gray",
        "What color do the two cubes share? | gray",
        // counts compared, counted, values: 2 cubes, 2 cylinders, 3 rubber, 2 metal, 3 shapes
        "Are there the same number of cubes as there are cylinders? | yes",
        "Are there the same amount of rubber things to metal things? | no",
        "How many cubes in all? | 2",
        "How many different shapes are? | 3",
        "What is the most prevalent material? | rubber",
        // the value of an attribute named first: the leftmost object is the brown cylinder
        "Is the color of the leftmost object brown? | yes",
        "Is the shape of the large purple thing a cube? | no",
        "Is the material of the cylinders rubber? | yes",
        // a bare "made of" after the phrase inside a relation says what the subject is made of
        "Is the thing behind the green cylinder made of metal? | yes",
        // the same value as some or all of several objects (large: brown rubber, gray rubber, purple metal)
        "Is the large gray cube the same color as any of the cylinders? | no",
        "Is the small gray cube the same color as either of the large objects? | yes",
        "Is the green cylinder the same material as the large things? | no",
        "Does the brown cylinder have the same material as the other rubber things? | yes",
        // all different, the same (plural attribute names), equal numbers of adjectives sharing a noun
        "Are the cylinders all different colors? | yes",
        "Are all of the large objects different colors? | yes",
        "Do all objects have different sizes? | no",
        "Are the cubes made of the same materials? | no",
        "Are there an equal numbers of rubber and metal cylinders? | no",
        "Are there equal amount of gray to purple things? | no",
        // the most common value, in more words: rubber on 3 of 5
        "Which material is on the most objects? | rubber",
        "What material is most prominent? | rubber",
        "What material of object is there the most of? | rubber",
        // another object of the same value (the sphere has none of its shape; the gray ones share a colour), and
        // "match": the large cube's colour is the small cube's, the cylinders are both rubber
        "What color is the object that does not have another object of the same shape? | purple",
        "How many objects have another object of the same color? | 2",
        "What color is the object that does not have a similar shaped object? | purple",
        "What color is the thing that does not match the others in shape? | purple",
        "What material is the thing that matches the color of the large cube? | metal",
        "What shape are the objects that are matching in color? | cube",
        "Do the cylinders match in material? | yes",
        "Do the large cylinder and the small cube match in size? | no",
        "Are the cubes similar in size? | no",
        // more superlatives (left to right 0 2 1 3 4, front to back 1 4 0 2 3, object 0 nearest the centre)
        "What color is the item to the farthest left? | brown",
        "What color is the most forward object? | gray",
        "What shape is the center most object? | cylinder",
        "What color is the object farthest most right? | gray",
        "What shape is the thing on the left most side? | cylinder",
        // the size compared with the others (CLEVR has two sizes)
        "What material is the smaller of the two cubes? | metal",
        "What color is the larger of the two cylinders? | brown",
        "What color is the cylinder that is bigger than the other cylinders? | brown",
        // a different value than another object: brown and gray, rubber and metal, both gray
        "Is the leftmost object a different color than the rightmost object? | yes",
        "Is the large cube made of a different material than the small cube? | yes",
        "Is the large cube a different color from the small cube? | no",
        "How many objects are a different shape than the large cube? | 3",
        // "the one" with a clause after it; after "there are two cylinders", one of them
        "Is the object in front the same color as the one in back? | no",
        "How many objects are the same shape as the one on the far right? | 1",
        "There are two cylinders; what color is the one in front? | brown",
        // kinds of a value among some objects, "non cylinder", "cylindrical shaped", a trailing "there"
        "How many different colors of cubes are there? | 1",
        "How many different color cylinders are there? | 2",
        "How many non cylinder things are there? | 3",
        "How many cylindrical shaped objects are there? | 2",
        "How many of the matte cylinders are there? | 2",
        "Are there any small cubes there? | yes",
        // three attributes named: the small gray cube shares shape and colour with the large one, not its size
        "How many objects are the same shape, color and size as the large cube? | 0",
        "How many objects are the same shape, color and material as the brown cylinder? | 0",
        "How many things are the same shape, size and color as each other? | 0",
        "How many things are the same shape and color as each other? | 2",
        // a negative question asks what the positive one asks: there is a purple sphere and no cyan object
        "Isn't there a purple sphere? | yes",
        "Aren't there any cyan objects? | no",
        "Isn't the purple sphere metal? | yes",
    })
    void should_read_and_answer_human_wording(String question, String expected) {
        assertReadAndAnswered(question, expected, scene);
    }

    private void assertReadAndAnswered(String question, String expected, ClevrScene on) {
        Parse<Program> p = parser.parse(question);
        Parse.Parsed<Program> parsed = assertInstanceOf(Parse.Parsed.class, p, () -> question + ": " + p);
        assertEquals(expected, executor.answer(parsed.program(), on), question + " read as " + parsed.program());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // identical: alike in size, colour, material and shape; on real CLEVR train image 48 the two large yellow
        // rubber cubes are, the small yellow rubber cube differs from them in size alone, the large purple rubber
        // cylinder is alone
        "Are any two objects identical? | yes",
        "Are there two identical objects? | yes",
        "Are any of the cylinders alike? | no",
        "What colour are the two identical objects? | yellow",
        "What is the size of the identical things? | large",
        "What shape are the objects that look identical to each other? | cube",
        "How many identical objects are there? | 2",
        "How many things are not identical to any other thing? | 2",
        "Are the cubes identical? | no",
        "Are the large cubes exactly the same? | yes",
        "Do the two large cubes match? | yes",
        "Are there any yellow cubes that match each other? | yes",
        "Do any two objects look the same? | yes",
        "What material are the cubes that are duplicates? | rubber",
        "How many objects are identical to the small cube? | 0",
        "Is there a twin of the large purple cylinder? | no",
    })
    void should_read_and_answer_identical_objects(String question, String expected) {
        assertReadAndAnswered(question, expected, twins);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "How many of these objects can be stacked?",
        "What color object is reflected in a different object?",
        "If the purple sphere were removed, how many objects would be left?",
    })
    void should_decline_what_lies_outside_the_function_set(String question) {
        Parse<Program> p = parser.parse(question);
        Parse.NotUnderstood<Program> no = assertInstanceOf(Parse.NotUnderstood.class, p, () -> question + ": " + p);
        assertTrue(no.reason().contains("outside the CLEVR grammar") || no.reason().contains("unknown words"),
                no.reason());
    }
}
