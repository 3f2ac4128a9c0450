package org.vqasp.reasoning.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vqasp.core.InputException;
import org.vqasp.core.Samples;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaObject;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.core.gqa.SemanticString;

class GqaEncoderTest {

    private static final GqaVocabulary VOCABULARY = GqaVocabulary.bundled();

    @Test
    void should_encode_a_real_scene_graph_with_classes_categories_and_quoted_names() {
        // given the real street scene graph (outdoors; "license plate" 1869638 left of car 2260042; sky "dark")
        GqaSceneGraph street = GqaDataset.loadSceneGraphs(Samples.path("gqa/sample/sceneGraphs.json")).get("2354786");

        // when it is encoded
        String facts = GqaSceneEncoder.encode(street, VOCABULARY);

        // then names with blanks are quoted, classes carry the hierarchy, and categories come only for values there
        assertTrue(facts.startsWith("image(500,270).\nclass(scene,scene).\nhas(scene,outdoors).\n"), facts);
        assertTrue(facts.contains("label(1869638,\"license plate\").\n"));
        assertTrue(facts.contains("class(2260042,car).\nclass(2260042,vehicle).\n"));
        assertTrue(facts.contains("rel(1869638,\"to the left of\",2260042).\n"));
        assertTrue(facts.contains("name(2184080,door).\n"), "plural names are matched singular");
        assertTrue(facts.contains("cat(dark,color).\ncat(dark,tone).\n"));
        assertTrue(facts.contains("cat(outdoors,location).\n"));
        assertFalse(facts.contains("cat(red,"), "no category facts for values the graph does not use");
    }

    @Test
    void should_quote_untrusted_names_so_that_no_input_injects_rules() {
        // given an object whose name and attribute try to close the fact and add a rule
        GqaSceneGraph g = new GqaSceneGraph("1", 10, 10, null, null, Map.of("7",
                new GqaObject("7", "t-shirt). answer(0,x", 0, 0, 5, 5, List.of("Red\"). x :- y. %"), List.of())));

        // when it is encoded
        String facts = GqaSceneEncoder.encode(g, VOCABULARY);

        // then every untrusted text is one quoted term
        assertTrue(facts.contains("label(7,\"t-shirt). answer(0,x\").\n"), facts);
        assertTrue(facts.contains("has(7,\"red\\\"). x :- y. %\").\n"), facts);
    }

    @Test
    void should_encode_each_argument_form_of_a_program() {
        // given real programs of semantic-dev (questions 04357567, 00922070, 0447251) and a comparative
        // when they are encoded
        String chooseRel = GqaProgramEncoder.encode(SemanticString.parse("select: tennis ball (558630)->filter hposition: right [0]"
                + "->choose rel: player,to the left of|to the right of,s (558583) [1]"), VOCABULARY);
        String negated = GqaProgramEncoder.encode(SemanticString.parse(
                "select: food (1121140)->filter: not(burnt) [0]->query: name [1]"), VOCABULARY);
        String same = GqaProgramEncoder.encode(SemanticString.parse(
                "select: flag (1063924)->select: pillow (1063920) ->same color:  [0, 1]"), VOCABULARY);
        String older = GqaProgramEncoder.encode(SemanticString.parse(
                "select: man (1)->select: boy (2) ->choose older:  [0, 1]"), VOCABULARY);

        // then each part of an argument becomes an arg/3 fact
        assertEquals("step(0,select).\narg(0,class,\"tennis ball\").\narg(0,ref,558630).\n"
                + "step(1,filter).\narg(1,cat,hposition).\ncategory(hposition).\narg(1,value,right).\ncat(right,hposition).\n"
                + "in(1,0,0).\n"
                + "step(2,choose_rel).\narg(2,class,player).\narg(2,rel,\"to the left of\").\n"
                + "arg(2,rel,\"to the right of\").\narg(2,side,s).\nin(2,0,1).\ngoal(2).\n", chooseRel);
        assertTrue(negated.contains("step(1,filter).\narg(1,negate,yes).\narg(1,value,burnt).\n"), negated);
        assertTrue(same.contains("step(2,same).\narg(2,cat,color).\ncategory(color).\nin(2,0,0).\nin(2,1,1).\n"), same);
        assertTrue(older.contains("step(2,compare).\narg(2,value,old).\narg(2,polarity,more).\narg(2,opposite,young).\n"),
                older);
    }

    @Test
    void should_reject_an_argument_it_cannot_read() {
        // given a relate without a side and a choose with one option
        // when they are encoded, then the error names the step
        InputException a = assertThrows(InputException.class, () -> GqaProgramEncoder.encode(
                SemanticString.parse("select: sky (1)->relate: _,on (2) [0]"), VOCABULARY));
        assertEquals("bad_program", a.kind());
        assertEquals("step 1 (relate: _,on (2)): expected \"class,relation,s|o\"", a.getMessage());
        InputException b = assertThrows(InputException.class, () -> GqaProgramEncoder.encode(
                SemanticString.parse("select: sky (1)->choose color: blue [0]"), VOCABULARY));
        assertEquals("step 1 (choose color: blue): expected two options, as in \"blue|red\"", b.getMessage());
    }
}
