package org.vqasp.reasoning.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.reasoning.Facts;

class ClevrEncoderTest {

    @Test
    void should_encode_every_object_attribute_and_relationship_of_a_real_scene() {
        // given CLEVR val scene 0: 5 objects; relationships list 10 pairs per axis
        ClevrScene scene = ClevrDataset.loadScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")).get(0);
        // when encoded
        List<String> facts = ClevrSceneEncoder.encode(scene).lines().toList();
        // then one object fact and four attribute facts per object, one related fact per listed pair
        assertEquals(List.of("object(0,0).", "object(0,1).", "object(0,2).", "object(0,3).", "object(0,4)."),
                facts.stream().filter(f -> f.startsWith("object(")).toList());
        assertEquals(20, facts.stream().filter(f -> f.startsWith("has(")).count());
        assertTrue(facts.contains("has(3,material,metal)."));
        assertTrue(facts.contains("has(0,color,brown)."));
        int pairs = scene.relationships().values().stream().mapToInt(l -> l.stream().mapToInt(List::size).sum()).sum();
        assertEquals(pairs, facts.stream().filter(f -> f.startsWith("related(")).count());
        // left[3] = [0, 1, 2]: objects 0, 1 and 2 are left of object 3
        assertTrue(facts.containsAll(List.of("related(left,3,0).", "related(left,3,1).", "related(left,3,2).")));
    }

    @Test
    void should_encode_a_branching_program_as_a_step_graph() {
        Program p = new Program(List.of(
                ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_color", List.of("red"), 0),
                ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_unique", List.of("large", "", "metal", ""), 2),
                ProgramStep.of("relate_filter_count", List.of("left", "", "", "", "cube"), 3),
                ProgramStep.of("count", List.of(), 1),
                ProgramStep.of("equal_integer", List.of(), 5, 4)));
        String facts = ClevrProgramEncoder.encode(p);
        assertTrue(facts.contains("in(6,0,5).\nin(6,1,4)."), facts);
        assertTrue(facts.contains("arg(3,0,large).\narg(3,2,metal)."), facts);
        assertTrue(facts.contains("arg(4,0,left).\narg(4,4,cube)."), facts);
        assertTrue(facts.endsWith("goal(6).\n"), facts);
        assertTrue(facts.contains("image(0,0).") && facts.contains("image(2,0)."), facts);
        // the j-th program of a batch is numbered j * 1000 apart and names the image its scene steps look at
        String second = ClevrProgramEncoder.encode(p, 2, 1, new Facts()).toString();
        assertTrue(second.contains("in(2006,1,2004)."), second);
        assertTrue(second.contains("image(2002,1)."), second);
        assertTrue(second.contains("goal(2006)."), second);
    }

    @Test
    void should_number_the_objects_of_a_second_image_apart() {
        ClevrScene scene = ClevrDataset.loadScenes(Samples.path("clevr/val-sample/CLEVR_val_scenes.json")).get(0);
        String facts = ClevrSceneEncoder.encode(scene, 3, new Facts()).toString();
        assertTrue(facts.contains("object(3,304).\nhas(304,size,small)."), facts);
        assertTrue(facts.contains("related(left,303,300)."), facts);
    }

    @Test
    void should_quote_values_that_are_not_constants() {
        Program p = new Program(List.of(ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_color", List.of("Red\"). evil :- a. %"), 0)));
        String facts = ClevrProgramEncoder.encode(p);
        assertTrue(facts.contains("arg(1,0,\"Red\\\"). evil :- a. %\")."), facts);
    }
}
