package org.vqasp.core.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.InputException;
import org.vqasp.core.Samples;
import org.vqasp.core.json.DatasetReader;

class GqaDatasetTest {

    @TempDir
    Path tmp;

    private static <T> List<DatasetItem<T>> all(DatasetReader<T> r) {
        List<DatasetItem<T>> out = new ArrayList<>();
        try (r) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void should_read_every_key_of_the_released_questions() {
        // given the two real balanced questions in the released layout
        // when they are read
        List<DatasetItem<GqaQuestion>> items = all(GqaDataset.questions(Samples.path("gqa/sample/questions.json")));

        // then every key is there, as in the file
        assertEquals(2, items.size());
        GqaQuestion sky = items.get(0).value();
        assertEquals("02930152", sky.id());
        assertEquals("2354786", sky.imageId());
        assertEquals("Is the sky dark?", sky.question());
        assertEquals("yes", sky.answer());
        assertEquals("Yes, the sky is dark.", sky.fullAnswer());
        assertEquals(List.of(new GqaOperation("select", "sky (2486325)", List.of()),
                new GqaOperation("verify color", "dark", List.of(0))), sky.semantic());
        assertEquals("select: sky (2486325)->verify color: dark [0]", sky.semanticStr());
        assertEquals(new GqaTypes("verify", "attr", "verifyAttr"), sky.types());
        assertEquals(new GqaGroups(null, "06-sky_dark"), sky.groups());
        assertEquals(Boolean.TRUE, sky.isBalanced());
        assertEquals(7, sky.entailed().size());
        assertEquals(List.of("02930152"), sky.equivalent());
        assertEquals("2486325", sky.annotations().get("question").get("2").asText());
        assertEquals(List.of("structural/verify", "semantic/attr"), sky.families());
        GqaQuestion wall = items.get(1).value();
        assertEquals(4, wall.semantic().size());
        assertEquals("relate", wall.semantic().get(2).verb());
        assertEquals("color", wall.semantic().get(1).qualifier());
        assertEquals("", wall.groups().global());
    }

    @Test
    void should_keep_unknown_keys_and_parse_semantic_str_when_semantic_is_absent() throws IOException {
        // given a question with only semanticStr and a key the released files do not have
        Path f = tmp.resolve("q.json");
        Files.writeString(f, "{\"1\": {\"question\": \"Is the flag the same color as the pillow?\", \"imageId\": \"552\","
                + " \"answer\": \"yes\", \"difficulty\": 3, \"semanticStr\":"
                + " \"select: flag (1063924)->select: pillow (1063920) ->same color:  [0, 1]\"}}");

        // when it is read
        GqaQuestion q = all(GqaDataset.questions(f)).get(0).value();

        // then the program comes from semanticStr and the unknown key is kept
        assertEquals(3, q.semantic().size());
        assertEquals(new GqaOperation("same color", "", List.of(0, 1)), q.semantic().get(2));
        assertEquals(3, q.raw().get("difficulty").asInt());
        assertEquals(List.of(), q.families());
        assertNull(q.types().structural());
    }

    @Test
    void should_read_the_real_scene_graphs() {
        // given the four real scene graphs of the sample
        // when they are loaded
        GqaDataset.SceneGraphIndex index = GqaDataset.loadSceneGraphs(Samples.path("gqa/sample/sceneGraphs.json"));

        // then objects, boxes, attributes and relations are as in the file
        assertEquals(4, index.size());
        GqaSceneGraph g = index.get("2375429");
        assertEquals(500, g.width());
        assertEquals(333, g.height());
        assertEquals(21, g.objects().size());
        GqaObject pipe = g.objects().get("722335");
        assertEquals("pipe", pipe.name());
        assertEquals(List.of(104, 1, 17, 167), List.of(pipe.x(), pipe.y(), pipe.w(), pipe.h()));
        assertEquals(List.of("white"), pipe.attributes());
        assertTrue(pipe.relations().contains(new GqaRelation("on", "722332")));
        assertEquals("outdoors", index.get("2354786").location());
        assertEquals(76, index.get("2336498").objects().values().stream().mapToInt(o -> o.relations().size()).sum());
    }

    @Test
    void should_keep_only_the_scene_graphs_of_the_questions_images() {
        // given the sample's questions (first: image 2354786) and its four scene graphs
        Set<String> first = GqaDataset.imageIds(Samples.path("gqa/sample/questions.json"), 1);

        // when only the first question's image is wanted
        GqaDataset.SceneGraphIndex index = GqaDataset.loadSceneGraphs(Samples.path("gqa/sample/sceneGraphs.json"),
                first::contains);

        // then only its graph is kept
        assertEquals(Set.of("2354786"), first);
        assertEquals(Set.of("2354786"), index.graphs().keySet());
        assertEquals(2, GqaDataset.imageIds(Samples.path("gqa/sample/questions.json"), 0).size());
        assertEquals(2, GqaDataset.countQuestions(Samples.path("gqa/sample/questions.json")));
    }

    @Test
    void should_turn_bad_entries_into_error_items_and_go_on() throws IOException {
        // given a questions file whose first entry has no question text and whose second has a broken program
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"q1\": {\"imageId\": \"1\"},"
                + " \"q2\": {\"question\": \"?\", \"imageId\": \"1\", \"semanticStr\": \"select sky\"},"
                + " \"q3\": {\"question\": \"Is it?\", \"imageId\": \"1\", \"semanticStr\": \"select: sky (-)->exist: ? [0]\"}}");

        // when it is read
        List<DatasetItem<GqaQuestion>> items = all(GqaDataset.questions(f));

        // then the bad entries are error items naming the file, the entry and the problem, and the good one is read
        assertEquals(3, items.size());
        assertFalse(items.get(0).ok());
        assertEquals("bad.json: question q1: missing \"question\"", items.get(0).error().getMessage());
        assertFalse(items.get(1).ok());
        assertTrue(items.get(1).error().getMessage().contains("expected \"operation: argument\""),
                items.get(1).error().getMessage());
        assertTrue(items.get(2).ok());
    }

    @Test
    void should_reject_a_malformed_file_with_one_clear_line() throws IOException {
        // given a scene-graphs file cut off in the middle
        Path f = tmp.resolve("sg.json");
        Files.writeString(f, "{\"1\": {\"width\": 5, \"height\": 5, \"objects\": {");

        // when it is read, then an input error names the file and the position
        InputException e = assertThrows(InputException.class, () -> all(GqaDataset.sceneGraphs(f)));
        assertTrue(e.getMessage().startsWith(f + ":1:"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void should_reject_a_relation_to_a_missing_object() throws IOException {
        // given a scene graph whose relation points to an object that is not there
        Path f = tmp.resolve("sg.json");
        Files.writeString(f, "{\"7\": {\"width\": 5, \"height\": 5, \"objects\": {\"1\": {\"name\": \"cup\", \"x\": 0,"
                + " \"y\": 0, \"w\": 1, \"h\": 1, \"attributes\": [], \"relations\": [{\"name\": \"on\", \"object\": \"9\"}]}}}}");

        // when it is read, then the graph is an error item naming the relation
        DatasetItem<GqaSceneGraph> item = all(GqaDataset.sceneGraphs(f)).get(0);
        assertEquals("sg.json: scene graph 7: object 1: relation \"on\" points to unknown object 9",
                item.error().getMessage());
    }
}
