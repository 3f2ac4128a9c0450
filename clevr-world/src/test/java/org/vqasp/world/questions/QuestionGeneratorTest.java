package org.vqasp.world.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;

class QuestionGeneratorTest {

    private static TemplateLibrary library;
    private static ClevrDataset.SceneIndex scenes;
    /** 8 questions for each of the first 250 gen-dev scenes (one count period), seed 1. */
    private static List<ClevrQuestion> generated;
    private final ReferenceExecutor executor = new ReferenceExecutor();

    @BeforeAll
    static void generate() {
        library = TemplateLibrary.load();
        scenes = Fixtures.scenes(Fixtures.GEN_DEV_SCENES);
        QuestionGenerator generator = new QuestionGenerator(library, 1);
        generated = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            generated.addAll(generator.generate(scenes.get(i), 8));
        }

    }

    private static ClevrScene scene(int i) {
        return scenes.get(i);
    }

    @Test
    void should_cover_all_90_templates_over_2000_questions() {
        // given 2,000 questions over 250 real-layout scenes
        // when their families are counted
        Set<Integer> families = new HashSet<>();
        Set<String> templates = new HashSet<>();
        for (ClevrQuestion q : generated) {
            families.add(q.familyIndex());
            templates.add(q.family());
            Template t = library.family(q.familyIndex());
            assertEquals(t.filename(), q.templateFilename());
            assertEquals(t.index(), q.templateIndex());
        }

        // then all 90 templates appear
        assertEquals(2000, generated.size());
        assertEquals(90, families.size());
        assertEquals(90, templates.size());
    }

    @Test
    void should_give_the_answers_the_executor_gives_again() {
        // given the generated questions
        // when every program is executed again on its scene
        List<String> bad = new ArrayList<>();
        for (ClevrQuestion q : generated) {
            String again = executor.answer(q.program(), scene(q.imageIndex()));
            if (!again.equals(q.answer())) {
                bad.add(q.family() + " " + q.question() + ": " + q.answer() + " then " + again);
            }
        }

        // then the answers agree
        assertEquals(List.of(), bad);
    }

    @Test
    void should_expand_programs_to_released_basic_functions() {
        // given the functions of the generated programs
        Set<String> functions = new HashSet<>();
        for (ClevrQuestion q : generated) {
            q.program().steps().forEach(s -> functions.add(s.function()));
        }

        // then no fused template-only function is left, and the released functions are there
        for (String fused : ProgramExpansion.FUSED) {
            assertFalse(functions.contains(fused), fused);
        }
        assertTrue(functions.containsAll(List.of("scene", "filter_size", "filter_color", "filter_material",
                "filter_shape", "unique", "relate", "union", "intersect", "count", "exist", "same_shape",
                "equal_color", "equal_integer", "less_than", "greater_than", "query_material")), functions.toString());
    }

    @Test
    void should_write_clean_texts_and_the_released_fields() {
        // given the generated questions
        long index = 0;
        for (ClevrQuestion q : generated) {
            String text = q.question();
            // then no placeholder, bracket or double space is left, and the text reads like CLEVR's
            assertFalse(text.contains("<") || text.contains("[") || text.contains("  "), text);
            assertEquals(text.trim(), text);
            assertTrue(Character.isUpperCase(text.charAt(0)), text);
            assertTrue(text.endsWith("?") || q.family().equals("same_relate/6"), text);
            // and the released fields are filled in order
            assertEquals(index++, q.questionIndex());
            assertEquals("dev", q.split());
            assertEquals(String.format("CLEVR_dev_%06d.png", q.imageIndex()), q.imageFilename());
        }
    }

    @Test
    void should_round_trip_through_the_released_layout() throws Exception {
        // given generated questions written as released JSON
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (ClevrQuestion q : generated.subList(0, 50)) {
            java.io.StringWriter w = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = mapper.getFactory().createGenerator(w)) {
                ClevrJson.writeQuestion(g, q);
            }

            // when read back / then the same question, program steps with "function"
            assertEquals(q, ClevrJson.question("0", mapper.readTree(w.toString())));
            assertTrue(w.toString().contains("\"function\":\"scene\""), w.toString());
        }
    }

    @Test
    void should_be_deterministic_for_a_seed() {
        // given two generators with the same seed and one with another
        QuestionGenerator a = new QuestionGenerator(library, 42);
        QuestionGenerator b = new QuestionGenerator(library, 42);
        QuestionGenerator c = new QuestionGenerator(library, 43);

        // when each writes questions for the same 10 scenes
        List<ClevrQuestion> qa = new ArrayList<>();
        List<ClevrQuestion> qb = new ArrayList<>();
        List<ClevrQuestion> qc = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            qa.addAll(a.generate(scene(i), 5));
            qb.addAll(b.generate(scene(i), 5));
            qc.addAll(c.generate(scene(i), 5));
        }

        // then the same seed gives the same questions, another seed other questions
        assertEquals(qa, qb);
        assertNotEquals(qa.stream().map(ClevrQuestion::question).toList(),
                qc.stream().map(ClevrQuestion::question).toList());
    }

    @Test
    void should_balance_the_answers_of_each_template() {
        // given the answers of each yes/no template over one count period
        Map<String, Map<String, Integer>> byFamily = new TreeMap<>();
        for (ClevrQuestion q : generated) {
            byFamily.computeIfAbsent(q.family(), k -> new HashMap<>()).merge(q.answer(), 1, Integer::sum);
        }

        // then no answer ran ahead of the other by more than the 1.1 rule allows
        for (Map.Entry<String, Map<String, Integer>> e : byFamily.entrySet()) {
            Map<String, Integer> c = e.getValue();
            if (c.keySet().stream().allMatch(a -> a.equals("yes") || a.equals("no"))) {
                int yes = c.getOrDefault("yes", 0);
                int no = c.getOrDefault("no", 0);
                assertTrue(Math.max(yes, no) <= 1.1 * Math.min(yes, no) + 1, e.getKey() + " " + c);
            }
        }
    }

    @Test
    void should_reject_over_represented_answers() {
        // given answer counts of a yes/no template and of a counting template
        Map<String, Integer> bool = new LinkedHashMap<>(Map.of("yes", 12, "no", 10));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i <= 10; i++) {
            counts.put(Integer.toString(i), 0);
        }
        counts.put("0", 30);
        counts.put("1", 29);
        counts.put("2", 4);

        // when answers are checked / then: above 1.1 x the second count, or above 5 x the median (at least 5)
        assertTrue(QuestionGenerator.overRepresented(bool, "yes"));
        assertFalse(QuestionGenerator.overRepresented(bool, "no"));
        assertTrue(QuestionGenerator.overRepresented(counts, "0"));
        assertTrue(QuestionGenerator.overRepresented(counts, "1"));
        assertFalse(QuestionGenerator.overRepresented(counts, "2"));
        assertFalse(QuestionGenerator.overRepresented(counts, "7"));
    }

    /** An instance found on a scene. */
    private record Found(ClevrScene scene, QuestionGenerator.Instance inst) {
    }

    /** Instantiates a template on each of the first scenes, with fresh answer counts. */
    private static List<Found> instances(String family, int sceneCount, long seed) {
        Template t = library.templates().stream().filter(x -> x.family().equals(family)).findFirst().orElseThrow();
        QuestionGenerator g = new QuestionGenerator(library, seed);
        List<Found> out = new ArrayList<>();
        for (int i = 0; i < sceneCount; i++) {
            SceneFacts facts = new SceneFacts(scene(i));
            Optional<QuestionGenerator.Instance> inst = g.instantiate(t, facts, new FilterOptions(facts),
                    new HashMap<>());
            if (inst.isPresent()) {
                out.add(new Found(scene(i), inst.get()));
            }
        }
        return out;
    }

    @Test
    void should_keep_null_constrained_parameters_empty() {
        // given zero_hop/2 ("What shape is the <Z> <C> <M> <S>?", <S> NULL) on 20 real scenes
        List<Found> found = instances("zero_hop/2", 20, 5);

        // then the shape is never named: no filter_shape before query_shape
        assertFalse(found.isEmpty());
        for (Found f : found) {
            QuestionGenerator.Instance inst = f.inst();
            assertEquals("thing", inst.values().get("<S>"));
            assertTrue(inst.program().steps().stream().noneMatch(s -> s.function().equals("filter_shape")),
                    inst.program().toString());
        }
    }

    @Test
    void should_make_out_neq_nodes_differ() {
        // given comparison/0 ("Is the <Z> <C> <M> <S> the same size as the <Z2> ...?", OUT_NEQ on the two
        // objects) and compare_integer/0 (OUT_NEQ on the two counts) on 20 real scenes
        List<Found> objects = instances("comparison/0", 20, 6);
        List<Found> numbers = instances("compare_integer/0", 20, 6);

        // then the two unique objects are different objects, and the two counts different numbers
        assertFalse(objects.isEmpty());
        for (Found f : objects) {
            Program p = f.inst().program();
            List<ProgramValue> uniques = uniqueOutputs(p, executor.trace(p, f.scene()));
            assertEquals(2, uniques.size());
            assertNotEquals(uniques.get(0), uniques.get(1));
        }
        assertFalse(numbers.isEmpty());
        for (Found f : numbers) {
            Program p = f.inst().program();
            List<ProgramValue> trace = executor.trace(p, f.scene());
            List<ProgramValue> counts = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                if (p.step(i).function().equals("count")) {
                    counts.add(trace.get(i));
                }
            }
            assertEquals(2, counts.size());
            assertNotEquals(counts.get(0), counts.get(1));
            assertEquals("no", f.inst().answer());
        }
    }

    private static List<ProgramValue> uniqueOutputs(Program p, List<ProgramValue> trace) {
        List<ProgramValue> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.step(i).function().equals("unique")) {
                out.add(trace.get(i));
            }
        }
        return out;
    }

    @Test
    void should_make_neq_parameters_differ() {
        // given a template with a NEQ constraint between two colours, on 20 real scenes
        Template base = library.templates().stream().filter(x -> x.family().equals("compare_integer/1"))
                .findFirst().orElseThrow();
        Template neq = new Template("test.json", 0, 0, base.params(), base.texts(), base.nodes(),
                List.of(new Template.Constraint("NEQ", List.of("<C>", "<C2>"))));
        QuestionGenerator g = new QuestionGenerator(library, 7);
        int found = 0;
        for (int i = 0; i < 20; i++) {
            SceneFacts facts = new SceneFacts(scene(i));
            Optional<QuestionGenerator.Instance> inst = g.instantiate(neq, facts, new FilterOptions(facts),
                    new HashMap<>());
            // then the two colours are never the same value
            if (inst.isPresent()) {
                found++;
                assertNotEquals(inst.get().values().get("<C>"), inst.get().values().get("<C2>"));
            }
        }
        assertTrue(found > 0);
    }

    @Test
    void should_reject_questions_whose_relation_changes_nothing() {
        // given val scene 0 (object 1, the large gray cube, has objects 0 and 2 to its left) and two programs
        ClevrScene val = Fixtures.scenes(Fixtures.VAL_SCENES).get(0);
        SceneFacts facts = new SceneFacts(val);
        Program exists = new Program(List.of(ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_shape", List.of("cube"), 0), ProgramStep.of("filter_color", List.of("gray"), 1),
                ProgramStep.of("filter_size", List.of("large"), 2), ProgramStep.of("unique", List.of(), 3),
                ProgramStep.of("relate", List.of("left"), 4), ProgramStep.of("exist", List.of(), 5)));
        Program count = new Program(List.of(ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_shape", List.of("cube"), 0), ProgramStep.of("filter_color", List.of("gray"), 1),
                ProgramStep.of("filter_size", List.of("large"), 2), ProgramStep.of("unique", List.of(), 3),
                ProgramStep.of("relate", List.of("left"), 4), ProgramStep.of("count", List.of(), 5)));

        // when checked for degeneracy
        // then "is anything left of it?" is degenerate (yes with or without the relation), the count is not
        assertEquals("yes", executor.answer(exists, val));
        assertTrue(QuestionGenerator.isDegenerate(exists, "yes", facts));
        assertEquals("2", executor.answer(count, val));
        assertFalse(QuestionGenerator.isDegenerate(count, "2", facts));
    }

    @Test
    void should_never_accept_degenerate_single_and_questions() {
        // given the generated single_and questions ("... both left of the X and behind the Y ...")
        int checked = 0;
        for (ClevrQuestion q : generated) {
            if (q.templateFilename().equals("single_and.json")) {
                // then replacing either relate step by the scene changes the answer
                assertFalse(QuestionGenerator.isDegenerate(q.program(), q.answer(),
                        new SceneFacts(scene(q.imageIndex()))), q.question());
                checked++;
            }
        }
        assertTrue(checked >= 100, "checked " + checked);
    }

    @Test
    void should_keep_about_a_tenth_of_trivial_relate_options() {
        // given a real scene and the relate-filter options from each of its objects
        SceneFacts facts = new SceneFacts(scene(3));
        FilterOptions options = new FilterOptions(facts);
        for (int object = 0; object < facts.count; object++) {
            List<FilterOptions.Choice> choices = options.relateFilter(object, false, true, new Random(1));
            // when the trivial ones are counted (the relation keeps every object of the filter)
            int trivial = 0;
            for (FilterOptions.Choice c : choices) {
                long related = facts.relations.get(c.relation())[object];
                long filtered = new ReferenceExecutor().execute(new Program(List.of(ProgramStep.of("scene", List.of()),
                        ProgramStep.of("filter", nullsToEmpty(c.filter()), 0))), facts.scene) instanceof
                        ProgramValue.ObjectSet s ? s.members() : -1;
                if ((related & filtered) == filtered) {
                    trivial++;
                }
            }
            // then they are at most a ninth of the others, rounded
            int nonTrivial = choices.size() - trivial;
            assertTrue(trivial <= Math.round(nonTrivial / 9.0), trivial + " trivial of " + choices.size());
        }
    }

    private static List<String> nullsToEmpty(List<String> values) {
        return values.stream().map(v -> v == null ? "" : v).toList();
    }

    @Test
    void should_pick_unique_objects_with_filter_unique() {
        // given zero_hop/4 ("What color is the <Z> <C> <M> <S>?") on 20 real scenes
        List<Found> found = instances("zero_hop/4", 20, 8);

        // then each program's unique step finds exactly one object of its scene (the executor does not throw)
        assertFalse(found.isEmpty());
        for (Found f : found) {
            Program p = f.inst().program();
            assertEquals(1, uniqueOutputs(p, executor.trace(p, f.scene())).size());
            assertEquals(f.inst().answer(), executor.answer(p, f.scene()));
        }
    }

    @Test
    void should_drop_other_when_the_two_objects_must_differ() {
        // given the values of a same_relate question whose two objects differ in material
        Map<String, String> differ = new LinkedHashMap<>();
        Map<String, String> same = new LinkedHashMap<>();
        for (String p : List.of("<Z>", "<C>", "<M>", "<S>", "<Z2>", "<C2>", "<M2>", "<S2>")) {
            differ.put(p, "");
            same.put(p, "");
        }
        differ.put("<S>", "thing");
        differ.put("<S2>", "thing");
        differ.put("<M>", "rubber");
        differ.put("<M2>", "metal");
        same.put("<S>", "thing");
        same.put("<S2>", "thing");
        same.put("<C2>", "red");

        // when the heuristic runs / then "other" goes, "another" becomes "a", only when they must differ
        assertEquals("How many metal things are the same size as the rubber thing?",
                QuestionGenerator.otherHeuristic("How many other metal things are the same size as the rubber thing?",
                        differ));
        assertEquals("Is there a metal thing of the same size as the rubber thing?",
                QuestionGenerator.otherHeuristic("Is there another metal thing of the same size as the rubber thing?",
                        differ));
        assertEquals("Is there another red thing of the same size as the thing?",
                QuestionGenerator.otherHeuristic("Is there another red thing of the same size as the thing?", same));
    }

    @Test
    void should_follow_the_original_text_style() {
        // given the generated texts and the original generator's texts (gen-dev)
        List<ClevrQuestion> original = Fixtures.questions(Fixtures.GEN_DEV_QUESTIONS);

        // when the share of optional parts and synonyms is measured / then it is close (0.5 chance each)
        for (String phrase : List.of(" that is ", " big ", " tiny ", " ball", " block", " object", " matte ",
                " shiny ", " to the left of ", ";")) {
            double ours = share(generated, phrase);
            double theirs = share(original, phrase);
            assertTrue(Math.abs(ours - theirs) < 0.05, phrase + ": " + ours + " vs " + theirs);
        }
    }

    private static double share(List<ClevrQuestion> qs, String phrase) {
        return qs.stream().filter(q -> (" " + q.question() + " ").contains(phrase)).count() / (double) qs.size();
    }
}
