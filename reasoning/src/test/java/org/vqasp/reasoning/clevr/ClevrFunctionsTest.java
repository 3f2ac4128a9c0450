package org.vqasp.reasoning.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.ExplainedAnswer;

/**
 * Every CLEVR function, including the fused template forms, over the real CLEVR val scene 0
 * (samples/clevr/val-sample). Expected answers were worked out by hand from the scene JSON:
 * 0 large brown rubber cylinder, 1 large gray rubber cube, 2 small green rubber cylinder,
 * 3 large purple metal sphere, 4 small gray metal cube; left[3] = [0,1,2], behind[0] = [2,3], right[1] = [3,4].
 */
class ClevrFunctionsTest {

    private static ClevrScene scene;
    private final ClevrReasoner reasoner = new ClevrReasoner();

    @BeforeAll
    static void load() {
        scene = ClevrDataset.loadScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")).get(0);
    }

    /** Parses steps written as {@code fn[v1,v2](in1,in2)}, separated by " ; ". */
    static Program program(String text) {
        List<ProgramStep> steps = new ArrayList<>();
        for (String s : text.split(" ; ")) {
            String fn = s.replaceAll("[\\[(].*", "");
            List<String> values = s.contains("[")
                    ? Arrays.asList(s.substring(s.indexOf('[') + 1, s.indexOf(']')).split(",", -1)) : List.of();
            List<Integer> inputs = new ArrayList<>();
            if (s.contains("(")) {
                for (String i : s.substring(s.indexOf('(') + 1, s.indexOf(')')).split(",")) {
                    inputs.add(Integer.parseInt(i.trim()));
                }
            }
            steps.add(new ProgramStep(fn, inputs, values));
        }
        return new Program(steps);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "scene ; filter_size[large](0) ; count(1) | 3",
        "scene ; filter_shape[sphere](0) ; unique(1) ; query_color(2) | purple",
        "scene ; filter_color[gray](0) ; filter_material[metal](1) ; unique(2) ; query_shape(3) | cube",
        "scene ; filter_color[green](0) ; unique(1) ; query_size(2) | small",
        "scene ; filter_color[brown](0) ; unique(1) ; query_material(2) | rubber",
        "scene ; filter_size[large](0) ; filter_material[metal](1) ; unique(2) ; same_shape(3) ; exist(4) | no",
        "scene ; filter_color[gray](0) ; filter_size[small](1) ; unique(2) ; same_color(3) ; count(4) | 1",
        "scene ; filter_shape[cylinder](0) ; filter_size[large](1) ; unique(2) ; same_material(3) ; count(4) | 2",
        "scene ; filter_shape[sphere](0) ; unique(1) ; same_size(2) ; count(3) | 2",
        "scene ; filter_color[purple](0) ; unique(1) ; relate[left](2) ; count(3) | 3",
        "scene ; filter_color[gray](0) ; scene ; filter_shape[cylinder](2) ; union(1,3) ; count(4) | 4",
        "scene ; filter_material[rubber](0) ; scene ; filter_size[large](2) ; intersect(1,3) ; count(4) | 2",
        "scene ; filter_material[rubber](0) ; count(1) ; scene ; filter_material[metal](3) ; count(4) ; greater_than(2,5) | yes",
        "scene ; filter_material[rubber](0) ; count(1) ; scene ; filter_material[metal](3) ; count(4) ; less_than(2,5) | no",
        "scene ; filter_material[rubber](0) ; count(1) ; scene ; filter_material[metal](3) ; count(4) ; equal_integer(2,5) | no",
        "scene ; filter_shape[cube](0) ; filter_size[large](1) ; unique(2) ; query_color(3) ; scene ; filter_shape[cube](5) ; filter_size[small](6) ; unique(7) ; query_color(8) ; equal_color(4,9) | yes",
        "scene ; filter_shape[cube](0) ; filter_size[large](1) ; unique(2) ; query_material(3) ; scene ; filter_shape[cube](5) ; filter_size[small](6) ; unique(7) ; query_material(8) ; equal_material(4,9) | no",
        "scene ; filter_color[green](0) ; unique(1) ; query_shape(2) ; scene ; filter_color[brown](4) ; unique(5) ; query_shape(6) ; equal_shape(3,7) | yes",
        "scene ; filter_color[green](0) ; unique(1) ; query_size(2) ; scene ; filter_color[brown](4) ; unique(5) ; query_size(6) ; equal_size(3,7) | no",
        "scene ; filter_color[purple](0) ; unique(1) ; scene ; filter_shape[sphere](3) ; unique(4) ; equal_object(2,5) | yes",
        "scene ; filter[large,,rubber,](0) ; count(1) | 2",
        "scene ; filter_count[large,,rubber,](0) | 2",
        "scene ; filter_exist[small,green,,](0) | yes",
        "scene ; filter_exist[small,green,metal,](0) | no",
        "scene ; filter_unique[large,,metal,](0) ; relate_filter_count[left,,,rubber,](1) | 3",
        "scene ; filter_unique[large,brown,,](0) ; relate_filter_exist[behind,small,,,cube](1) | no",
        "scene ; filter_unique[large,brown,,](0) ; relate_filter_exist[behind,small,,,cylinder](1) | yes",
        "scene ; filter_unique[,gray,rubber,](0) ; relate_filter_unique[right,,,metal,sphere](1) ; query_size(2) | large",
        "scene ; filter_unique[,gray,rubber,](0) ; relate_filter[right,,,metal,](1) ; count(2) | 2",
    })
    void should_answer_each_function_as_worked_out_by_hand(String program, String expected) {
        assertEquals(expected, reasoner.answer(scene, program(program)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "scene ; filter_color[red](0) ; unique(1) ; query_shape(2) | unique | step 2 (unique): found 0 objects",
        "scene ; filter_size[large](0) ; unique(1) ; query_shape(2) | unique | step 2 (unique): found 3 objects",
        "scene ; filter_colour[red](0) ; count(1) | unknown_function | unknown function \"filter_colour\"",
        "scene ; filter_color[pink](0) ; count(1) | unknown_value | unknown value \"pink\"",
        "scene ; filter_color[Red Cube](0) ; count(1) | unknown_value | unknown value \"Red Cube\"",
        "scene ; filter_shape[sphere](0) ; query_color(1) | type | step 2 (query_color)",
        "scene ; filter_color[purple](0) ; unique(1) ; relate[above](2) ; count(3) | unknown_relation | unknown relation \"above\"",
        "scene ; filter_color[gray](0) ; count(1) ; equal_integer(2) | inputs | step 3 (equal_integer)",
        "scene ; filter_color[gray](0) | not_terminal | the last step does not produce an answer",
        "scene ; filter_color(0) ; count(1) | missing_value | step 1 (filter_color): missing value input",
    })
    void should_name_the_failing_step_and_why(String program, String kind, String message) {
        VqaspException e = assertThrows(VqaspException.class, () -> reasoner.answer(scene, program(program)));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void should_answer_a_batch_and_keep_each_error_with_its_question() {
        // given three programs over one scene, the middle one failing
        List<Program> programs = List.of(
                program("scene ; filter_size[large](0) ; count(1)"),
                program("scene ; filter_size[large](0) ; unique(1) ; query_shape(2)"),
                program("scene ; filter_shape[sphere](0) ; unique(1) ; query_color(2)"));
        // when answered in one call
        List<Answer> answers = reasoner.answerAll(scene, programs);
        // then each gets its own outcome, in order
        assertEquals("3", answers.get(0).answer());
        assertEquals("unique", answers.get(1).error().kind());
        assertTrue(answers.get(1).error().getMessage().startsWith("step 2 (unique)"), answers.get(1).error().getMessage());
        assertEquals("purple", answers.get(2).answer());
    }

    @Test
    void should_answer_questions_over_several_scenes_in_one_call() {
        // given the val scene and a copy with object 3 turned into a red cube: same program, two images
        ClevrScene other = new ClevrScene(scene.split(), 1, "copy", List.of(scene.objects().get(0),
                scene.objects().get(1), scene.objects().get(2),
                new org.vqasp.core.clevr.ClevrObject("cube", "red", "metal", "large", null, null, 0),
                scene.objects().get(4)), scene.relationships(), scene.directions());
        Program p = program("scene ; filter_shape[cube](0) ; count(1)");
        Program same = program("scene ; filter_color[gray](0) ; filter_size[small](1) ; unique(2) ; same_shape(3) ; count(4)");
        // when answered in one call
        List<Answer> a = reasoner.answerAll(List.of(new DatasetReasoner.Question<>(scene, p),
                new DatasetReasoner.Question<>(other, p), new DatasetReasoner.Question<>(scene, same),
                new DatasetReasoner.Question<>(other, same)));
        // then each question sees only its own scene: 2 cubes, then 3; same_shape counts within the image
        assertEquals(List.of("2", "3", "1", "2"), a.stream().map(Answer::answer).toList());
    }

    @Test
    void should_reject_a_step_that_refers_to_a_later_step() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> program("scene ; filter_size[large](2) ; count(1)"));
        assertTrue(e.getMessage().contains("step 1 (filter_size) takes input 2"), e.getMessage());
    }

    @Test
    void should_show_the_intermediate_steps_when_explaining() {
        ExplainedAnswer r = reasoner.explain(scene, program("scene ; filter_size[large](0) ; count(1)"), true);
        assertEquals("3", r.answer());
        List<String> counted = r.outcome().models().get(0).atoms("set", 2).stream()
                .filter(s -> s.arg(0).number() == 1).map(s -> s.arg(1).toString()).sorted().toList();
        assertEquals(List.of("0", "1", "3"), counted);
    }

    @Test
    void should_explain_which_objects_each_step_kept_and_the_answer_used() {
        // given "how many large things are left of the purple thing?" over val scene 0 (left[3] = 0, 1, 2)
        Program p = program("scene ; filter_color[purple](0) ; unique(1) ; relate[left](2) ; filter_size[large](3) ; count(4)");
        ExplainedAnswer r = reasoner.explain(scene, p, true);
        // when explained
        ClevrExplanation e = ClevrExplanation.of(p, r.outcome());
        // then each step shows its output and the counted objects (0 and 1) plus the purple one (3) were used
        assertEquals("2", r.answer());
        assertEquals(List.of("0 scene -> objects 0, 1, 2, 3, 4", "1 filter_color[purple] (0) -> object 3",
                "2 unique (1) -> object 3", "3 relate[left] (2) -> objects 0, 1, 2",
                "4 filter_size[large] (3) -> objects 0, 1", "5 count (4) -> 2"), e.lines());
        assertEquals(java.util.Set.of(0, 1, 3), e.usedObjects());
    }
}
