package org.vqasp.language.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.TemplateLibrary;

class ClevrQuestionParserTest {

    private static ClevrQuestionParser parser;

    @BeforeAll
    static void compile() {
        parser = ClevrQuestionParser.load();
    }

    /** Parses every question and returns the failures, one line each. */
    private static List<String> failures(List<ClevrQuestion> questions, boolean checkTemplate) {
        List<String> bad = new ArrayList<>();
        for (ClevrQuestion q : questions) {
            ParseResult r = parser.parse(q.question());
            if (!(r instanceof ParseResult.Parsed p)) {
                bad.add(q.questionIndex() + " " + q.family() + " \"" + q.question() + "\": "
                        + ((ParseResult.NotUnderstood) r).message());
                continue;
            }
            if (!p.program().equals(q.program())) {
                bad.add(q.questionIndex() + " " + q.family() + " \"" + q.question() + "\": parsed " + p.program()
                        + " as " + p.templateFilename() + "/" + p.templateIndex() + ", released " + q.program());
            } else if (checkTemplate && !(p.templateFilename().equals(q.templateFilename())
                    && p.templateIndex() == q.templateIndex())
                    && parser.readings(q.question()).stream().noneMatch(x -> x.templateFilename()
                            .equals(q.templateFilename()) && x.templateIndex() == q.templateIndex())) {
                // a different template is fine only where two templates share the text and the program
                bad.add(q.questionIndex() + " " + q.family() + " \"" + q.question() + "\": template "
                        + p.templateFilename() + "/" + p.templateIndex());
            }
        }
        return bad;
    }

    @Test
    void should_recover_every_program_of_gen_dev() {
        // given 3,200 questions of the original generator
        List<ClevrQuestion> questions = ClevrDataset.loadQuestions(Samples.path("clevr/gen-dev/questions.json"));

        // when each text is parsed
        List<String> bad = failures(questions, true);

        // then every program is the released one, and so is every template but where two share the text
        // (same_relate k and k + 8 with an empty second filter: "How many other things are the same ...")
        assertEquals(3200, questions.size());
        assertTrue(bad.isEmpty(), bad.size() + " of " + questions.size() + " wrong:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    @Test
    void should_recover_every_program_of_real_dev_and_val_sample() {
        // given real CLEVR questions (too_clevr's, with "right it" phrases) and val question 0
        List<ClevrQuestion> questions = new ArrayList<>(ClevrDataset.loadQuestions(Samples.path("clevr/real-dev/questions.json")));
        questions.addAll(ClevrDataset.loadQuestions(Samples.path("clevr/val-sample/CLEVR_val_questions.json")));

        // when each text is parsed
        List<String> bad = failures(questions, false);

        // then every program is the released one
        assertEquals(21, questions.size());
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void should_name_the_templates_of_real_dev() {
        // given too_clevr's questions: "1_<name>.json" is <name>.json, and the restricted same_relate subset
        // maps its indices 0..5 to same_relate 4, 5, 14, 15, 18, 20 (real-dev/SOURCES.md)
        List<Integer> restricted = List.of(4, 5, 14, 15, 18, 20);
        for (ClevrQuestion q : ClevrDataset.loadQuestions(Samples.path("clevr/real-dev/questions.json"))) {
            String file = q.templateFilename().substring(2);
            int index = q.templateIndex();
            if (file.equals("same_relate_restricted.json")) {
                file = "same_relate.json";
                index = restricted.get(index);
            }

            // when parsed / then the same template
            ParseResult.Parsed p = assertInstanceOf(ParseResult.Parsed.class, parser.parse(q.question()));
            assertEquals(file + "/" + index, p.templateFilename() + "/" + p.templateIndex(), q.question());
        }
    }

    @Test
    void should_ignore_casing_question_marks_and_extra_spaces() {
        // given a question written carelessly
        ParseResult r = parser.parse("  how MANY   red cubes are there ??  ");

        // when parsed / then the zero_hop count program
        ParseResult.Parsed p = assertInstanceOf(ParseResult.Parsed.class, r);
        assertEquals("0:scene 1:filter_color[red][0] 2:filter_shape[cube][1] 3:count[2]", p.program().toString());
        assertEquals("zero_hop.json", p.templateFilename());
        assertEquals(0, p.templateIndex());
    }

    @Test
    void should_read_synonyms_and_bare_relations() {
        // given synonyms (ball, shiny, big) and a bare relation word as in too_clevr's texts ("right it")
        ParseResult r = parser.parse("There is a big shiny ball; how many blocks are right it?");

        // when parsed / then one_hop/0 with canonical values
        ParseResult.Parsed p = assertInstanceOf(ParseResult.Parsed.class, r);
        assertEquals("0:scene 1:filter_size[large][0] 2:filter_material[metal][1] 3:filter_shape[sphere][2]"
                + " 4:unique[3] 5:relate[right][4] 6:filter_shape[cube][5] 7:count[6]", p.program().toString());
        assertEquals("one_hop.json", p.templateFilename());
    }

    @Test
    void should_read_texts_after_the_other_heuristic() {
        // given a same_relate/16 text whose "other" the generator dropped (the two objects differ in shape)
        ParseResult r = parser.parse("What color is the cube that is the same size as the sphere?");

        // when parsed / then the same_relate program, "other" adding no step
        ParseResult.Parsed p = assertInstanceOf(ParseResult.Parsed.class, r);
        assertEquals("0:scene 1:filter_shape[sphere][0] 2:unique[1] 3:same_size[2] 4:filter_shape[cube][3]"
                + " 5:unique[4] 6:query_color[5]", p.program().toString());
        assertEquals("same_relate.json", p.templateFilename());
        assertEquals(16, p.templateIndex());
    }

    @Test
    void should_name_the_closest_template_when_not_understood() {
        // given a text no template produces
        ParseResult r = parser.parse("How many purple unicorns are there?");

        // when parsed / then not understood, naming the unknown word and the closest template
        ParseResult.NotUnderstood n = assertInstanceOf(ParseResult.NotUnderstood.class, r);
        assertEquals("How many <Z> <C> <M> <S>s are there?", n.closestTemplateText());
        assertTrue(n.message().contains("unicorns") && n.message().contains("zero_hop/0"), n.message());
    }

    @Test
    void should_not_understand_non_questions() {
        // given texts that are not CLEVR questions
        for (String text : List.of("", "   ", "Is it raining?", "What size is it made of the red of?")) {
            // when parsed / then never a program
            ParseResult r = parser.parse(text);
            ParseResult.NotUnderstood n = assertInstanceOf(ParseResult.NotUnderstood.class, r, text);
            assertTrue(n.message().startsWith("not understood"), n.message());
        }
        VqaspException e = assertThrows(VqaspException.class, () -> parser.program("Is it raining?"));
        assertEquals("not_understood", e.kind());
    }

    @Test
    void should_prefer_readings_that_meet_null_constraints() {
        // given "How many other things are the same size as the cube?": same_relate/4 (count) or same_relate/12
        // with an empty filter; both give one program, and the generator mostly writes this text for /4
        List<ParseResult.Parsed> readings = parser.readings("How many other things are the same size as the cube?");

        // when parsed / then the lower family, same program
        assertEquals(2, readings.size());
        assertEquals(readings.get(0).program(), readings.get(1).program());
        ParseResult.Parsed p = assertInstanceOf(ParseResult.Parsed.class,
                parser.parse("How many other things are the same size as the cube?"));
        assertEquals(4, p.templateIndex());
    }

    @Test
    void should_expose_its_vocabulary() {
        // given the parser / when its vocabulary is read / then it holds template words, values and synonyms
        Set<String> words = parser.vocabulary();
        assertTrue(words.containsAll(Set.of("how", "many", "cylinder", "cylinders", "balls", "shiny", "matte",
                "left", "front", "behind", "thing", "objects", "gray", "tiny", "either", "both")), words.toString());
        assertFalse(words.contains("unicorns"));
    }

    @Test
    void should_read_back_exactly_what_the_generator_writes() {
        // given 2,000 questions the generator writes over 250 gen-dev scenes (8 each, seed 1)
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json"));
        QuestionGenerator generator = new QuestionGenerator(TemplateLibrary.load(), 1);
        List<ClevrQuestion> generated = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            generated.addAll(generator.generate(scenes.get(i), 8));
        }

        // when every text is parsed
        List<String> bad = new ArrayList<>();
        for (ClevrQuestion q : generated) {
            ParseResult r = parser.parse(q.question());
            if (!(r instanceof ParseResult.Parsed p) || !p.program().equals(q.program())) {
                bad.add(q.family() + " \"" + q.question() + "\" " + q.program() + " -> " + r);
            }
        }

        // then every program comes back step for step
        assertEquals(List.of(), bad);
    }
}
