package org.vqasp.language.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.Samples;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.SemanticString;
import org.vqasp.core.json.DatasetReader;

class GqaQuestionParserTest {

    private static GqaQuestionParser parser;

    @BeforeAll
    static void load() {
        parser = GqaQuestionParser.load();
    }

    private static String parsed(String question) {
        GqaParse r = parser.parse(question);
        GqaParse.Parsed p = assertInstanceOf(GqaParse.Parsed.class, r, () -> question + ": " + r);
        return SemanticString.withoutIds(p.semanticStr());
    }

    private static List<GqaQuestion> sample() {
        List<GqaQuestion> out = new ArrayList<>();
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(Samples.path("gqa/ood-dev/questions.json"))) {
            while (r.hasNext()) {
                DatasetItem<GqaQuestion> item = r.next();
                out.add(item.value());
            }
        }
        return out;
    }

    @Test
    void should_read_most_real_gqa_questions_of_the_sample_into_their_released_programs() {
        // given 328 real GQA-OOD questions of every detailed type, with their released programs
        List<GqaQuestion> questions = sample();
        assertEquals(328, questions.size());

        // when each is parsed and compared without object ids
        int right = 0;
        Map<String, int[]> byStructural = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (GqaQuestion q : questions) {
            GqaParse r = parser.parse(q.question());
            String gold = SemanticString.withoutIds(q.semanticStr());
            String got = r instanceof GqaParse.Parsed p ? SemanticString.withoutIds(p.semanticStr()) : r.toString();
            boolean ok = got.equals(gold);
            right += ok ? 1 : 0;
            boolean same = ok || r instanceof GqaParse.Parsed p && SemanticString.withoutIdsOrChoiceOrder(
                    p.semanticStr()).equals(SemanticString.withoutIdsOrChoiceOrder(q.semanticStr()));
            int[] c = byStructural.computeIfAbsent(q.types().structural(), k -> new int[2]);
            c[0]++;
            c[1] += same ? 1 : 0;
            if (!ok) {
                wrong.add(q.question() + "\n  gold " + gold + "\n  got  " + got);
            }
        }

        // then at least 88% are exact (many of the rest are choices whose order GQA takes from the answer), and
        // every structural type is mostly right up to that order
        assertTrue(right >= 0.88 * questions.size(), right + "/" + questions.size() + " right:\n"
                + String.join("\n", wrong));
        byStructural.forEach((type, c) -> assertTrue(c[1] >= 0.8 * c[0], type + ": " + c[1] + "/" + c[0]));
    }

    @Test
    void should_write_noun_phrases_as_select_or_relate_then_filters() {
        assertEquals("select: wall->filter color: white [0]->relate: _,on,s [1]->query: name [2]",
                parsed("What is on the white wall?"));
        assertEquals("select: label->relate: bottle,near,s [0]->filter color: white [1]->verify size: large [2]"
                        + "->verify shape: round [2]->and: [3, 4]",
                parsed("Is the white bottle near the label round and large?"));
        assertEquals("select: paddle->relate: person,to the left of,o [0]->query: name [1]",
                parsed("Who is the oar to the left of?"));
        assertEquals("select: man->relate: hat,wearing,o [0]->query: color [1]",
                parsed("Which color is the hat that the man is wearing?"));
        assertEquals("select: boy->relate: hair,of,s [0]->query: color [1]", parsed("What color is the boy's hair?"));
    }

    @Test
    void should_follow_gqa_conventions_for_verbs_synonyms_plurals_and_categories() {
        // verb forms of relations, a synonym, the category of an ambiguous word
        assertEquals("select: pants->relate: person,wearing,s [0]->query: name [1]", parsed("Who wears the trousers?"));
        // a kind of thing in the plural is written singular; a plural name stays
        assertEquals("select: desk->relate: device,on top of,s [0]->query: name [1]",
                parsed("What are the devices on top of the desk called?"));
        assertEquals("select: trees->verify color: red [0]->verify height: tall [0]->and: [1, 2]",
                parsed("Are the trees tall and red?"));
        // what is asked about existence is singular
        assertEquals("select: car->relate: umbrella,to the left of,s [0]->exist: ? [1]",
                parsed("Are there any umbrellas to the left of the car?"));
        // a name in two words, a plural the scene graphs do not use
        assertEquals("select: sidewalk->query: color [0]", parsed("What color is the side walk?"));
        assertEquals("select: sign->query: color [0]", parsed("What color are the signs?"));
        assertEquals("select: hair->filter length: short [0]->query: color [1]",
                parsed("What color is the hair that looks short?"));
        assertEquals("select: man->filter height: tall [0]->verify rel: glasses,wearing,o [1]",
                parsed("Is the tall man wearing glasses?"));
        // where a thing stands: on what, with or without the preposition, the question word first or last
        assertEquals("select: woman->relate: place,standing on,o [0]->query: name [1]",
                parsed("Where is the woman standing on?"));
        assertEquals("select: woman->relate: place,standing on,o [0]->query: name [1]",
                parsed("Where is the woman standing?"));
        assertEquals("select: car->relate: place,parked on,o [0]->query: name [1]", parsed("The car is parked where?"));
        assertEquals("select: man->relate: place,on,o [0]->query: name [1]", parsed("Where is the man?"));
    }

    @Test
    void should_read_every_structural_type() {
        assertEquals("select: door->choose: open|closed [0]", parsed("Is the door open or closed?"));
        assertEquals("select: plate->choose rel: fork,to the right of|to the left of,s [0]",
                parsed("Is the fork to the left or to the right of the plate?"));
        assertEquals("select: scene->choose location: indoors|outdoors [0]", parsed("Is it indoors or outdoors?"));
        assertEquals("select: bench->exist: ? [0]->select: cat ->exist: ? [2]->or: [1, 3]",
                parsed("Are there cats or benches?"));
        assertEquals("select: fence->select: bench ->choose older: [0, 1]",
                parsed("Which is older, the fence or the bench?"));
    }

    @Test
    void should_write_the_likelier_answer_first_where_the_question_hints_it() {
        // GQA writes the answer's option first; "both ... and" is mostly both there, in the question's order
        assertEquals("select: door->exist: ? [0]->select: window ->exist: ? [2]->and: [1, 3]",
                parsed("Do you see both a door and a window?"));
        assertEquals("select: bench->exist: ? [0]->select: cat ->exist: ? [2]->or: [1, 3]",
                parsed("Is there a cat or a bench?"));
        // a thing beside "the man on the right" is more likely on his left
        assertEquals("select: man->filter hposition: right [0]->choose rel: woman,to the left of|to the right of,s [1]",
                parsed("Is the woman to the right or to the left of the man on the right?"));
        assertEquals("select: man->filter hposition: left [0]->choose rel: woman,to the right of|to the left of,s [1]",
                parsed("Is the woman to the left or to the right of the man on the left?"));
        assertEquals("select: plate->choose rel: cup,to the left of|to the right of,s [0]",
                parsed("Is the cup on the left to the right or to the left of the plate?"));
        // no side named: the option named last, GQA's answer more often
        assertEquals("select: plate->choose rel: cup,to the left of|to the right of,s [0]",
                parsed("Is the cup to the right or to the left of the plate?"));
        assertEquals("select: bench->choose rel: fence,behind|in front of,s [0]",
                parsed("Is the fence in front of or behind the bench?"));
        assertEquals("select: sofa->select: lamp ->same color: [0, 1]",
                parsed("Do the sofa and the lamp have the same color?"));
        assertEquals("select: sofa->select: lamp ->common: [0, 1]",
                parsed("What do the sofa and the lamp have in common?"));
        assertEquals("select: animal->same: type [0]", parsed("Are all the animals of the same species?"));
        assertEquals("select: scene->query: weather [0]", parsed("How is the weather?"));
        assertEquals("select: cup->query: hposition [0]", parsed("On which side of the photo is the cup?"));
    }

    @Test
    void should_read_the_forms_of_gqa_val_questions() {
        // "in the center" is GQA's vertical middle, also before "of the picture"
        assertEquals("select: man->filter vposition: middle [0]->relate: cup,to the right of,s [1]->exist: ? [2]",
                parsed("Do you see cups to the right of the man in the center of the picture?"));
        assertEquals("select: plate->filter vposition: middle [0]->choose material: glass|plastic [1]",
                parsed("Is the plate in the centre made of glass or plastic?"));
        // clear is the weather of the sky and the see-through of anything else
        assertEquals("select: bottle->filter opaqness: clear [0]->verify hposition: left [1]",
                parsed("Is the clear bottle on the left?"));
        assertEquals("select: sky->verify weather: clear [0]", parsed("Is the sky clear?"));
        // different in a category than
        assertEquals("select: chair->select: table ->different color: [0, 1]",
                parsed("Is the chair different in color than the table?"));
        // "what" before two named options is the most specific class they share; none shared: any object
        assertEquals("select: girl->relate: fruit,eating,o [0]->choose name: banana|orange [1]",
                parsed("What is the girl eating, a banana or an orange?"));
        assertEquals("select: table->relate: device,on,s [0]->choose name: laptop|keyboard [1]",
                parsed("What is on the table, a laptop or a keyboard?"));
        assertEquals("select: hat->relate: person,wearing,s [0]->choose name: man|woman [1]",
                parsed("Who is wearing the hat, the man or the woman?"));
        assertEquals("select: woman->relate: _,wearing,o [0]->choose name: hat|helmet [1]",
                parsed("Is the woman wearing a hat or a helmet?"));
        // two materials of two things
        assertEquals("select: table->verify material: wood [0]->select: chair ->verify material: metal [2]"
                + "->and: [1, 3]", parsed("Is the table made of wood and the chair made of metal?"));
    }

    @Test
    void should_read_fronted_prepositions_bare_material_checks_and_other_val_forms() {
        // the preposition before "what"
        assertEquals("select: horse->relate: _,behind,o [0]->query: name [1]", parsed("Behind what is the horse?"));
        assertEquals("select: dog->relate: furniture,under,o [0]->query: name [1]",
                parsed("Under which kind of furniture is the dog?"));
        assertEquals("select: lamp->relate: furniture,next to,o [0]->choose name: desk|bed [1]",
                parsed("Next to what is the lamp, a desk or a bed?"));
        // a bare "made of" at the end checks the subject's material; after a relative clause or of a person, the
        // relation is checked
        assertEquals("select: table->relate: vase,on,s [0]->verify material: glass [1]",
                parsed("Is the vase on the table made of glass?"));
        assertEquals("select: woman->verify rel: bag,carrying,o [0]",
                parsed("Is the woman carrying the bag made of leather?"));
        // a choice of two poses is a pose; golden is the color gold; clear water has no category
        assertEquals("select: cat->choose pose: lying|standing [0]", parsed("What is the cat doing, lying or standing?"));
        assertEquals("select: cat->choose activity: sleeping|eating [0]",
                parsed("What is the cat doing, sleeping or eating?"));
        assertEquals("select: frame->filter color: gold [0]->query: material [1]",
                parsed("What is the golden frame made of?"));
        assertEquals("select: lake->filter: clear [0]->relate: duck,in,s [1]->exist: ? [2]",
                parsed("Are there ducks in the clear lake?"));
        // words that only say an object is in the picture, anywhere; "either" before two options; a class before
        // a comparative; "look like" before options; "kind of material is used to make"
        assertEquals("select: bus->verify color: red [0]", parsed("Is the bus that is pictured red?"));
        assertEquals("select: bench->choose material: wood|metal [0]", parsed("Is the bench either wood or metal?"));
        assertEquals("select: cow->select: horse ->choose bigger: [0, 1]",
                parsed("Which animal is bigger, the cow or the horse?"));
        assertEquals("select: dress->choose: long sleeved|sleeveless [0]",
                parsed("How does the dress look like, long sleeved or sleeveless?"));
        assertEquals("select: fence->query: material [0]", parsed("What kind of material was used to make the fence?"));
        assertEquals("select: life jacket->query: color [0]", parsed("What color is the life vest?"));
        // two values of two categories are two checks; "the color of X the same as Y"
        assertEquals("select: cup->verify size: small [0]->verify color: white [0]->or: [1, 2]",
                parsed("Is the cup white or small?"));
        assertEquals("select: table->verify size: small [0]->verify material: wood [0]->and: [1, 2]",
                parsed("Is the table made of wood and small?"));
        assertEquals("select: shirt->select: pants ->same color: [0, 1]",
                parsed("Is the color of the shirt the same as that of the pants?"));
    }

    @Test
    void should_round_trip_its_programs_through_semantic_string() {
        for (GqaQuestion q : sample()) {
            if (parser.parse(q.question()) instanceof GqaParse.Parsed p) {
                assertEquals(p.program(), SemanticString.parse(p.semanticStr()), q.question());
            }
        }
    }

    @Test
    void should_not_understand_other_text_and_name_the_unknown_words() {
        GqaParse r = parser.parse("Is there a purple zorblax flibbering?");
        GqaParse.NotUnderstood nu = assertInstanceOf(GqaParse.NotUnderstood.class, r);
        assertEquals(GqaQuestionParser.NAME, nu.parser());
        assertTrue(nu.reason().contains("flibbering"), nu.reason());
        assertInstanceOf(GqaParse.NotUnderstood.class, parser.parse("   "));
        assertInstanceOf(GqaParse.NotUnderstood.class, parser.parse("?!"));
        GqaParse.NotUnderstood foreign = assertInstanceOf(GqaParse.NotUnderstood.class, parser.parse("é è à ü"));
        assertEquals("the question has no English words (a-z, 0-9)", foreign.reason());
    }

    @Test
    void should_count_the_objects_of_the_existence_question_a_count_stands_for() {
        // GQA asks no counting questions; vqasp counts what "are there ..." would find, however the count is asked
        assertEquals("select: dog->count: ? [0]", parsed("How many dogs are there?"));
        for (String q : List.of("Count the cats.", "What is the number of cats?", "How many cats do you see?",
                "Can you tell me how many cats there are?", "How many cats are in the picture?")) {
            assertEquals("select: cat->count: ? [0]", parsed(q), q);
        }
        assertEquals("select: sofa->relate: pillow,on,s [0]->count: ? [1]", parsed("How many pillows are on the sofa?"));
        assertEquals("select: dog->filter color: white [0]->count: ? [1]", parsed("How many dogs are white?"));
        assertEquals("select: man->relate: hat,of,s [0]->count: ? [1]", parsed("How many hats does the man have?"));
        assertEquals("select: _->filter color: brown [0]->count: ? [1]", parsed("How many brown things are there?"));
        assertEquals("select: _->filter color: white [0]->query: name [1]", parsed("Which object is white?"));
        GqaParse.Parsed p = assertInstanceOf(GqaParse.Parsed.class, parser.parse("How many dogs are there?"));
        assertTrue(p.note().startsWith("count; counts the objects of: are there dogs"), p.note());
        // comparing counts is not read, and the reason says what is
        for (String q : List.of("Are there more cats than dogs?", "Do you see fewer cats than dogs in the picture?",
                "How many?")) {
            GqaParse.NotUnderstood nu = assertInstanceOf(GqaParse.NotUnderstood.class, parser.parse(q), q);
            assertTrue(nu.reason().startsWith("counts are read as"), q + ": " + nu.reason());
        }
        // the number a bus carries is an object
        assertEquals("select: bus->relate: number,of,s [0]->query: name [1]", parsed("What is the number of the bus?"));
    }

    @Test
    void should_spell_a_name_it_does_not_know_as_the_one_it_most_likely_stands_for() {
        GqaParse.Parsed p = assertInstanceOf(GqaParse.Parsed.class, parser.parse("Are there any pilows?"));
        assertEquals("select: pillow->exist: ? [0]", SemanticString.withoutIds(p.semanticStr()));
        assertTrue(p.note().contains("corrected: pilows -> pillows"), p.note());
        // a word near no known one stays a name
        assertEquals("select: zorblax->query: color [0]", parsed("What color is the zorblax?"));
    }

    @Test
    void should_read_requests_that_are_not_worded_as_questions_and_say_how_it_read_them() {
        // a polite opener, and the embedded question put back in question order
        GqaParse.Parsed p = assertInstanceOf(GqaParse.Parsed.class,
                parser.parse("Can you tell me what color the car is?"));
        assertEquals("select: car->query: color [0]", SemanticString.withoutIds(p.semanticStr()));
        assertTrue(p.note().contains("read as: what color"), p.note());
        assertEquals("select: man->relate: _,holding,o [0]->query: name [1]", parsed("Tell me what the man is holding."));
        assertEquals("select: car->query: hposition [0]",
                parsed("Do you know which side of the picture the car is on?"));
        assertEquals("select: animal->query: name [0]", parsed("what kind of animal this is"));
        assertEquals("select: dog->exist: ? [0]", parsed("I wonder if there are any dogs in the picture."));
        assertEquals("select: car->verify color: red [0]", parsed("Tell me if the car is red, please."));
        // a bare noun phrase asks what it is
        assertEquals("select: car->query: color [0]", parsed("color of the car?"));
        assertEquals("select: bed->relate: animal,on,s [0]->query: name [1]",
                parsed("the name of the animal on the bed"));
        assertEquals("select: dog->exist: ? [0]", parsed("Any dogs?"));
        assertEquals("select: table->relate: _,on,s [0]->exist: ? [1]", parsed("Anything on the table?"));
        // the picture as a place, and where it was taken
        assertEquals("select: scene->verify room: bathroom [0]", parsed("Is this room a bathroom?"));
        assertEquals("select: scene->choose location: indoors|outdoors [0]", parsed("Is it inside or outside?"));
        assertEquals("select: scene->verify location: indoors [0]", parsed("Was this taken inside?"));
        assertEquals("select: scene->query: weather [0]", parsed("What's the weather?"));
        assertEquals("select: animal->query: name [0]", parsed("What animals are there?"));
        // other ways to ask GQA's questions
        assertEquals(parsed("Is the fork to the left or to the right of the plate?"),
                parsed("Which side of the plate is the fork on?"));
        assertEquals("select: plate->choose rel: fork,to the right of|to the left of,s [0]",
                parsed("Is the fork on the left or on the right of the plate?"));
        assertEquals("select: woman->relate: hair,of,s [0]->verify length: long [1]",
                parsed("Does the woman have long hair?"));
        assertEquals(parsed("Is the woman to the left or to the right of the man?"),
                parsed("Is the woman left or right of the man?"));
        // what people say before a statement
        assertEquals("select: table->verify material: wood [0]", parsed("Do you think the table is wooden?"));
        assertEquals("select: dog->exist: ? [0]", parsed("Do you think that there are dogs in the picture?"));
        assertEquals("select: man->verify rel: hat,wearing,o [0]", parsed("Is it true that the man is wearing a hat?"));
        assertEquals("select: sky->verify weather: cloudy [0]", parsed("Would you say the sky is cloudy?"));
        // where a person has something, and what a person is doing somewhere
        assertEquals("select: he->relate: hand,of,s [0]->relate: _,in,s [1]->query: name [2]",
                parsed("What is in his hand?"));
        assertEquals("select: man->relate: _,holding,o [0]->query: name [1]",
                parsed("What is the man holding in his hand?"));
        assertEquals(parsed("What is on the man's head?"), parsed("What is the man wearing on his head?"));
        assertEquals(parsed("What is on the woman's head?"), parsed("What does the woman have on her head?"));
        assertEquals(parsed("What is the man in front of the building doing?"),
                parsed("What is the man doing in front of the building?"));
        assertEquals("select: door->verify: open [0]", parsed("Is the door opened?"));
        assertEquals("select: lamp->query: hposition [0]", parsed("which side is the lamp"));
        assertEquals("select: man->query: face expression [0]", parsed("What is the man's expression?"));
        assertEquals("select: sky->exist: ? [0]", parsed("Is the sky visible?"));
        assertEquals(parsed("What is on the woman's back?"), parsed("What is the woman carrying on her back?"));
        // a check of the class, which GQA asks only as a choice of two
        assertEquals("select: animal->verify name: dog [0]", parsed("Is the animal a dog?"));
        assertEquals("select: bed->relate: animal,on,s [0]->verify name: cat [1]", parsed("Is the animal on the bed a cat?"));
        assertEquals("select: scene->verify room: kitchen [0]", parsed("Is this place a kitchen?"));
        // a final "in color"; a comparison that looks
        assertEquals("select: cup->verify color: white [0]", parsed("Is the cup white in color?"));
        assertEquals("select: man->select: boy ->choose older: [0, 1]", parsed("Who looks older, the man or the boy?"));
        assertEquals("select: dog->select: cat ->choose bigger: [0, 1]", parsed("Does the dog or the cat look bigger?"));
        // "in the room" ending an existence question is the picture (GQA never names the room as an object)
        assertEquals("select: fireplace->exist: ? [0]", parsed("Is there a fireplace in the room?"));
        assertEquals("select: person->exist: ? [0]", parsed("Do you see any people in this room?"));
        assertEquals("select: room->relate: _,in,s [0]->query: name [1]", parsed("What is in the room?"));
        // what a person has: GQA's possessive relation
        assertEquals("select: man->relate: hat,of,s [0]->exist: ? [1]", parsed("Does the man have a hat?"));
        assertEquals("select: he->relate: hat,of,s [0]->filter color: red [1]->exist: ? [2]",
                parsed("Does he have a red hat?"));
        assertEquals("select: woman->relate: hair,of,s [0]->verify length: long [1]",
                parsed("Does the woman have long hair?"));
        // two relations of one object, each with its own verb
        assertEquals("select: man->verify rel: hat,wearing,o [0]->verify rel: bat,holding,o [0]->and: [1, 2]",
                parsed("Is the man wearing a hat and holding a bat?"));
        assertEquals(parsed("Are all the animals zebras?"), parsed("Are all of the animals zebras?"));
        assertEquals("select: shirt->select: pants ->different color: [0, 1]",
                parsed("Is the color of the shirt different from the color of the pants?"));
        assertEquals("select: television->verify: on [0]", parsed("Is the tv turned on?"));
        assertEquals("select: horse->verify rel: man,riding,s [0]", parsed("Is the horse being ridden by a man?"));
        // "his" and "her" before a name: the thing of him or her, as "the man's shirt"
        assertEquals("select: he->relate: shirt,of,s [0]->query: color [1]", parsed("What color is his shirt?"));
        assertEquals("select: she->relate: hair,of,s [0]->verify length: long [1]", parsed("Is her hair long?"));
        assertEquals("select: she->relate: towels,to the left of,s [0]->query: color [1]",
                parsed("What color are the towels to the left of her?"));
        // "displayed in" is one of GQA's relations, while "shown in this photo" only says the thing is pictured
        assertEquals("select: window->relate: chair,displayed in,s [0]->query: color [1]",
                parsed("What color is the chair that is displayed in the window?"));
        assertEquals("select: car->query: color [0]", parsed("What color is the car that is shown in this photo?"));
        // "that" with a relation points at whatever is so related
        assertEquals("select: wall->relate: _,on,s [0]->query: name [1]", parsed("What's that on the wall?"));
        // with typos, the typos are corrected first; a name the lexicon lacks stays a name
        GqaParse.Parsed typo = assertInstanceOf(GqaParse.Parsed.class,
                parser.parse("Please tell me what teh man is holding"));
        assertEquals("select: man->relate: _,holding,o [0]->query: name [1]",
                SemanticString.withoutIds(typo.semanticStr()));
        assertTrue(typo.note().contains("corrected: teh -> the"), typo.note());
        assertEquals("select: zorblax->query: color [0]", parsed("Tell me what color the zorblax is."));
        // a choice of two things with an attribute, no class named: the class both share, or any object
        assertEquals("select: animal->filter color: white [0]->choose name: dog|cat [1]",
                parsed("Which is white, the dog or the cat?"));
        assertEquals("select: _->filter color: white [0]->choose name: table|bowl [1]",
                parsed("What is white, the table or the bowl?"));
        assertEquals("select: plate->relate: _,to the left of,s [0]->choose name: cup|glass [1]",
                parsed("Which is to the left of the plate, the cup or the glass?"));
        // a relation that ends an object clause stays whole ("playing with"), and "to the right of the picture" is
        // a relation to a picture, where "on the right of the picture" is a position
        assertEquals("select: boy->relate: toy,playing with,o [0]->query: name [1]",
                parsed("What is the toy that the boy is playing with?"));
        assertEquals("select: picture->relate: device,to the right of,s [0]->query: name [1]",
                parsed("What device is to the right of the picture?"));
        assertEquals("select: car->filter hposition: left [0]->query: color [1]",
                parsed("Which color is the car on the left of the picture?"));
        // a clause without "that" starts with a determiner or a pronoun: a glass fence is not "the glass a fence is in"
        assertEquals("select: fence->filter material: glass [0]->choose vposition: bottom|top [1]",
                parsed("Is the glass fence in the bottom part or in the top of the picture?"));
        assertEquals("select: she->relate: bag,carrying,o [0]->query: material [1]",
                parsed("What is the bag she carries made of?"));
        // "frame" is one of GQA's names, not a word for the picture
        assertEquals("select: frame->relate: device,on top of,s [0]->query: name [1]",
                parsed("What kind of device is on top of the frame?"));
        // how people say poses, and the sky's look as GQA's weather
        assertEquals("select: animal->filter pose: lying [0]->query: name [1]", parsed("Which animal is lying down?"));
        assertEquals("select: person->filter face expression: happy [0]->query: name [1]",
                parsed("Who appears to be happy?"));
        assertEquals("select: sky->query: weather [0]", parsed("How does the sky look?"));
        // words left out or added
        assertEquals("select: car->query: color [0]", parsed("what color car"));
        assertEquals("select: dog->query: color [0]", parsed("dog color?"));
        assertEquals("select: cat->exist: ? [0]", parsed("is there any cat in picture"));
        assertEquals("select: man->verify rel: hat,wearing,o [0]", parsed("Is the man wearing a hat, yes or no?"));
        assertEquals("select: man->verify rel: hat,wearing,o [0]", parsed("Is the man wearing a hat or not?"));
        // "they" names nothing GQA's graphs have, and the message says what to do
        GqaParse.NotUnderstood they = assertInstanceOf(GqaParse.NotUnderstood.class,
                parser.parse("What are they holding?"));
        assertTrue(they.reason().contains("name them"), they.reason());
        // a request that still reads as nothing is not understood
        assertInstanceOf(GqaParse.NotUnderstood.class, parser.parse("Tell me a story about the car."));
    }

    @Test
    void should_keep_for_answering_the_attributes_that_gqa_leaves_out_of_a_relation_check() {
        // given a relation check whose other phrase has an attribute
        GqaParse.Parsed p = assertInstanceOf(GqaParse.Parsed.class, parser.parse("Is the woman wearing a red shirt?"));
        // then the program is GQA's (the shirt by name only: GQA pins it by id), and the program to answer keeps
        // the colour, so that a blue shirt does not make it true
        assertEquals("select: woman->verify rel: shirt,wearing,o [0]", SemanticString.withoutIds(p.semanticStr()));
        // (joined by "and" to the check as GQA writes it, which fails rather than says no when there is no woman)
        assertEquals("select: woman->verify rel: shirt,wearing,o [0]->relate: shirt,wearing,o [0]"
                + "->filter color: red [2]->exist: ? [3]->and:  [1, 4]", SemanticString.format(p.forAnswering()));
        // the same for each check of two, for the passive (the other phrase is then the subject), and for a
        // relation of the other phrase to a third
        GqaParse.Parsed two = assertInstanceOf(GqaParse.Parsed.class,
                parser.parse("Is the man wearing a black hat and glasses?"));
        assertEquals("select: man->verify rel: hat,wearing,o [0]->relate: hat,wearing,o [0]->filter color: black [2]"
                + "->exist: ? [3]->and:  [1, 4]->verify rel: glasses,wearing,o [0]->and:  [5, 6]",
                SemanticString.format(two.forAnswering()));
        GqaParse.Parsed passive = assertInstanceOf(GqaParse.Parsed.class,
                parser.parse("Is the horse ridden by a young man?"));
        assertEquals("select: horse->verify rel: man,riding,s [0]->relate: man,riding,s [0]->filter age: young [2]"
                + "->exist: ? [3]->and:  [1, 4]", SemanticString.format(passive.forAnswering()));
        GqaParse.Parsed third = assertInstanceOf(GqaParse.Parsed.class,
                parser.parse("Is the man holding the cup that is on the white table?"));
        assertEquals("select: man->verify rel: cup,holding,o [0]", SemanticString.withoutIds(third.semanticStr()));
        assertEquals("select: man->verify rel: cup,holding,o [0]->relate: cup,holding,o [0]->relate: table,on,o [2]"
                + "->filter color: white [3]->exist: ? [4]->and:  [1, 5]", SemanticString.format(third.forAnswering()));
        // a check without attributes is answered as written
        GqaParse.Parsed plain = assertInstanceOf(GqaParse.Parsed.class, parser.parse("Is the man wearing a hat?"));
        assertEquals(plain.program(), plain.forAnswering());
    }

    @Test
    void should_be_less_confident_about_unknown_names() {
        GqaParse.Parsed known = assertInstanceOf(GqaParse.Parsed.class, parser.parse("What color is the car?"));
        GqaParse.Parsed unknown = assertInstanceOf(GqaParse.Parsed.class, parser.parse("What color is the zorblax?"));
        assertEquals("select: zorblax->query: color [0]", SemanticString.withoutIds(unknown.semanticStr()));
        assertTrue(unknown.confidence() < known.confidence());
    }

    @Test
    void should_read_typed_questions_with_typos_and_say_what_it_corrected() {
        // given questions as people type them
        GqaParse.Parsed p = assertInstanceOf(GqaParse.Parsed.class, parser.parse("Wat colr is teh shrit?"));
        // then the typos are read as the words they stand for, and the note says so
        assertEquals("select: shirt->query: color [0]", SemanticString.withoutIds(p.semanticStr()));
        assertTrue(p.note().contains("corrected: wat -> what, colr -> color, teh -> the, shrit -> shirt"), p.note());
        assertEquals("select: door->choose: open|closed [0]", parsed("Is the door opn or closed?"));
        // a name the lexicon does not know is not corrected when the question reads without it
        assertEquals("select: zorblax->query: name [0]", parsed("What is the zorblax called?"));
    }

    @Test
    void should_spell_out_contractions_and_leave_out_words_about_the_picture() {
        assertEquals(List.of("what", "is", "the", "man", "holding"), GqaText.words("What's the man holding?"));
        assertEquals(List.of("which", "kind", "of", "food", "is", "not", "cut"),
                GqaText.words("Which kind of food isn't cut in this photograph?"));
        assertEquals(List.of("which", "side", "is", "the", "cup", "on"), GqaText.words("Which side of the image is the cup on?"));
        assertEquals(List.of("what", "color", "is", "the", "boy", "'s", "hair"), GqaText.words("What color is the boy's hair?"));
        // "of the picture" names an object when nothing positional precedes it
        assertEquals(List.of("what", "is", "the", "shape", "of", "the", "picture"),
                GqaText.words("What is the shape of the picture?"));
    }

    @Test
    void should_read_a_negative_question_as_the_positive_one_it_asks() {
        // "Isn't the cat black?" is answered yes when the cat is black: it asks what "Is the cat black?" asks
        for (String[] pair : new String[][] {
                {"Isn't the cat black?", "Is the cat black?"},
                {"Aren't there any dogs in the picture?", "Are there any dogs in the picture?"},
                {"Doesn't the horse look white?", "Does the horse look white?"},
                {"Don't the trees look green?", "Do the trees look green?"}}) {
            assertEquals(parsed(pair[1]), parsed(pair[0]), pair[0]);
        }
        // a "not" inside the question still negates
        assertEquals("select: animal->filter color: not(white) [0]->query: name [1]",
                parsed("Which animal isn't white?"));
    }

    @Test
    void should_read_the_words_people_use_for_anyone_anything_outside_and_where_a_thing_is_held() {
        // "anyone" and "something" are any person and any object, and asking whether anyone does something asks
        // whether there is one who does
        assertEquals("select: hat->relate: person,wearing,s [0]->exist: ? [1]", parsed("Is anyone wearing a hat?"));
        assertEquals(parsed("Is there a person sitting on the bench?"), parsed("Is somebody sitting on the bench?"));
        assertEquals("select: table->relate: _,on,s [0]->exist: ? [1]", parsed("Is there anything on the table?"));
        assertEquals("select: person->relate: _,holding,o [0]->query: name [1]",
                parsed("What is someone holding?"));
        // where a thing is held is not a relation of GQA's graphs
        assertEquals(parsed("What is the dog holding?"), parsed("What is the dog holding in its mouth?"));
        assertEquals(parsed("What is the woman holding?"), parsed("What is the woman holding in her hands?"));
        // a final outside/inside is GQA's location of the scene, as is "this"
        assertEquals("select: scene->verify location: outdoors [0]", parsed("Is this outside?"));
        assertEquals("select: scene->verify location: indoors [0]", parsed("Was the picture taken inside?"));
        assertEquals("select: scene->verify location: outdoors [0]", parsed("Is this outdoors?"));
        assertEquals("select: scene->verify weather: rainy [0]", parsed("Is it raining?"));
        // shorter forms of attribute questions
        assertEquals(parsed("What color is the shirt the man is wearing?"),
                parsed("What colour shirt is the man wearing?"));
        assertEquals(parsed("What is the color of the man's shirt?"), parsed("What is the man's shirt color?"));
        // other checks of "this" stay checks of the object pointed at
        assertEquals("select: this->verify color: white [0]", parsed("Is this white?"));
    }

    @Test
    void should_read_a_choice_of_class_for_a_described_object_and_other_short_forms() {
        // a choice between two names for an object the question describes chooses its name, as the choice for
        // "which animal is on the bed, a cat or a dog" does
        assertEquals("select: bed->relate: animal,on,s [0]->choose name: cat|dog [1]",
                parsed("Is the animal on the bed a cat or a dog?"));
        assertEquals(parsed("Which animal is on the bed, a cat or a dog?"),
                parsed("Is the animal on the bed a cat or a dog?"));
        assertEquals("select: person->choose name: man|woman [0]", parsed("Is the person a man or a woman?"));
        // two attribute values stay a choice of attribute, even when one of them is also a name (orange)
        assertEquals("select: ball->choose color: orange|white [0]", parsed("Is the ball orange or white?"));
        // the possessive before a category noun: "the shirt's color" is the shirt's
        assertEquals(parsed("What is the color of the shirt?"), parsed("What is the shirt's color?"));
        // "these" and "those" point at the picture as "this" does
        assertEquals(parsed("What is this?"), parsed("What are these?"));
        assertEquals(parsed("Is this a dog?"), parsed("Are these dogs?"));
        assertEquals(parsed("Is that a banana?"), parsed("Are those bananas?"));
        // the passive people write: "the shirt worn by the man" is the shirt the man is wearing; GQA's own relations
        // with "by" stay relations
        assertEquals(parsed("What is the color of the shirt the man is wearing?"),
                parsed("What is the color of the shirt worn by the man?"));
        assertEquals(parsed("Is the umbrella that the woman is holding red?"),
                parsed("Is the umbrella that is held by the woman red?"));
        assertEquals("select: horse->relate: cart,pulled by,s [0]->verify color: red [1]",
                parsed("Is the cart pulled by the horse red?"));
        assertEquals(parsed("What is the man holding?"), parsed("What is held by the man?"));
        assertEquals(parsed("What kind of food is the man holding?"), parsed("What kind of food is held by the man?"));
        // a passive check and a passive question about the subject: the one named after "by" rides
        assertEquals("select: horse->verify rel: man,riding,s [0]", parsed("Is the horse ridden by a man?"));
        assertEquals("select: horse->relate: person,riding,s [0]->query: name [1]",
                parsed("Who is the horse ridden by?"));
        // two relation checks of one object, joined as GQA joins two attribute checks; a choice of two names stays
        // a choice
        assertEquals("select: man->verify rel: hat,wearing,o [0]->verify rel: glasses,wearing,o [0]->and: [1, 2]",
                parsed("Is the man wearing a hat and glasses?"));
        assertEquals("select: cup->verify rel: table,on,o [0]->verify rel: counter,on,o [0]->or: [1, 2]",
                parsed("Is the cup on the table or on the counter?"));
        assertEquals("select: man->relate: _,wearing,o [0]->choose name: hat|helmet [1]",
                parsed("Is the man wearing a hat or a helmet?"));
        assertEquals(parsed("Are both the man and the woman happy?"), parsed("Do the man and the woman look happy?"));
        // "What is white?" asks for any object with the attribute (GQA would name a class: "Which animal is white?")
        assertEquals("select: _->filter color: white [0]->query: name [1]", parsed("What is white?"));
        assertEquals("select: _->filter material: wood [0]->query: name [1]", parsed("What is made of wood?"));
        // "something" after a relation is any object; the reasoner selects every object for it
        assertEquals("select: _->relate: person,holding,s [0]->query: name [1]",
                parsed("Who is holding something?"));
    }
}
