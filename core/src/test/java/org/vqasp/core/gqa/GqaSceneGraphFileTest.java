package org.vqasp.core.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;
import org.vqasp.core.Samples;

class GqaSceneGraphFileTest {

    @TempDir
    Path tmp;

    @Test
    void should_read_one_image_of_a_real_file_as_the_whole_file_reads_it() {
        // given the real scene graphs of four GQA train images
        Path file = Samples.path("gqa/sample/sceneGraphs.json");
        GqaDataset.SceneGraphIndex all = GqaDataset.loadSceneGraphs(file);

        // when the file is indexed and each image read alone
        GqaSceneGraphFile index = GqaSceneGraphFile.index(file);

        // then the ids are those of the file, in its order, and each graph equals the one read with the others
        assertEquals(List.of("2375429", "2354786", "2336498", "2315892"), List.copyOf(index.imageIds()));
        for (String id : index.imageIds()) {
            assertEquals(all.get(id), index.graph(id), id);
        }
        assertEquals(21, index.graph("2375429").objects().size());
        assertNull(index.graph("1"));
        assertFalse(index.imageIds().contains("1"));
    }

    @Test
    void should_read_a_good_image_beside_a_broken_one_and_name_what_is_wrong_with_the_broken_one()
            throws IOException {
        // given a file whose second entry is not a scene graph
        Path file = tmp.resolve("sg.json");
        Files.writeString(file, "{\"7\": {\"width\": 10, \"height\": 20, \"objects\": {\"1\": {\"name\": \"cat\","
                + " \"x\": 1, \"y\": 2, \"w\": 3, \"h\": 4, \"attributes\": [\"white\"], \"relations\": []}}},"
                + " \"8\": {\"width\": 10, \"objects\": []},\n \"9\": {\"width\": 1, \"height\": 1, \"objects\": {}}}");

        // when it is indexed
        GqaSceneGraphFile index = GqaSceneGraphFile.index(file);

        // then every id is listed, the good graphs read, and the broken one fails naming the image and the key
        assertEquals(3, index.size());
        assertEquals("cat", index.graph("7").objects().get("1").name());
        assertTrue(index.graph("9").objects().isEmpty());
        InputException e = assertThrows(InputException.class, () -> index.graph("8"));
        assertTrue(e.getMessage().contains("scene graph 8") && e.getMessage().contains("height"), e.getMessage());
    }

    @Test
    void should_reject_a_file_that_is_not_json_naming_the_place() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"7\": {\"width\": 10,, }");
        InputException e = assertThrows(InputException.class, () -> GqaSceneGraphFile.index(file));
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
        assertThrows(InputException.class, () -> GqaSceneGraphFile.index(tmp.resolve("missing.json")));
    }
}
