package org.vqasp.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;

class ClevrRelationsTest {

    @Test
    void should_give_the_directions_of_the_released_val_scene() {
        // given the directions stored in the real val scene 0
        ClevrScene val0 = WorldTestData.scenes("val_scene0.json").get(0);

        // when ours are computed from the camera at rest
        Map<String, Vec3> ours = ClevrRelations.directions();

        // then all six agree to float precision
        assertEquals(val0.directions().keySet(), ours.keySet());
        for (Map.Entry<String, Vec3> e : val0.directions().entrySet()) {
            Vec3 a = e.getValue();
            Vec3 b = ours.get(e.getKey());
            assertEquals(a.x(), b.x(), 1e-4, e.getKey());
            assertEquals(a.y(), b.y(), 1e-4, e.getKey());
            assertEquals(a.z(), b.z(), 1e-4, e.getKey());
        }
    }

    @Test
    void should_recompute_the_relationships_of_real_and_generated_scenes() {
        // given the real val scene 0 and 120 scenes of CLEVR's own sampler (gen-dev)
        List<ClevrScene> scenes = new java.util.ArrayList<>(WorldTestData.scenes("val_scene0.json"));
        scenes.addAll(WorldTestData.scenes("gen_dev_scenes_120.json"));

        for (ClevrScene s : scenes) {
            // when the relationships are recomputed from the 3d_coords with our directions
            Map<String, List<List<Integer>>> ours = ClevrRelations.relationships(s.objects(),
                    ClevrRelations.directions());

            // then they are the stored ones, relation by relation
            for (String rel : ClevrScene.RELATIONS) {
                assertEquals(s.relationships().get(rel), ours.get(rel), s.imageFilename() + " " + rel);
            }
        }
    }
}
