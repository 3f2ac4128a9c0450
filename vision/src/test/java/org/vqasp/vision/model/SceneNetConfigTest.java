package org.vqasp.vision.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.nn.AttentionVariant;
import org.vqasp.nn.HeadAllocation;
import org.vqasp.vision.SceneExtractor;

class SceneNetConfigTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void should_read_the_bundled_config_written_before_the_attention_spec() throws Exception {
        // given the bundled model's config.json, with head counts at the top level
        JsonNode json;
        try (InputStream in = ModelDirectory.class.getResourceAsStream(ModelDirectory.DEFAULT_RESOURCE
                + ModelDirectory.CONFIG)) {
            json = MAPPER.readTree(in);
        }
        assertTrue(json.has("kv_heads") && !json.has("attention"), json.toString());
        // when it is read
        SceneNetConfig config = SceneNetConfig.fromJson(json);
        // then it is plain GQA with 8 query and 2 key/value heads, and its new form reads back the same
        assertEquals(AttentionSpec.builder().setHeads(8).optQueryHeads(8).optKvHeads(2).build(), config.attention());
        assertEquals("GQA-2", config.attention().label());
        assertEquals(384, config.mlpDim());
        assertEquals(List.of(32, 64, 128), config.stemChannels());
        assertTrue(config.mirrorAverage());
        assertEquals(config, SceneNetConfig.fromJson(config.toJson(MAPPER)));
    }

    @Test
    void should_read_real_images_exactly_as_before_the_attention_variants() throws Exception {
        // given the scene graphs the bundled model gave for the real images with the code before this change
        JsonNode recorded;
        try (InputStream in = getClass().getResourceAsStream("bundled-real-dev-scenes.json")) {
            recorded = MAPPER.readTree(in);
        }
        Path images = Samples.path("clevr/real-dev/images");
        // when today's code reads them
        try (SceneExtractor extractor = SceneExtractor.loadDefault()) {
            for (JsonNode image : recorded.get("images")) {
                ClevrScene scene = extractor.extract(images.resolve(image.get("image").asText()));
                // then every object, attribute, position and probability is the same
                assertSameScene(image.get("objects"), scene, image.get("image").asText());
            }
        }
    }

    /** Compares a scene with a recorded one: attributes exactly, numbers within 1e-5. */
    static void assertSameScene(JsonNode expected, ClevrScene scene, String what) {
        assertEquals(expected.size(), scene.objects().size(), what + " objects");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            ClevrObject o = scene.objects().get(i);
            String where = what + " object " + i;
            assertEquals(e.get("shape").asText() + e.get("color").asText() + e.get("material").asText()
                    + e.get("size").asText(), o.shape() + o.color() + o.material() + o.size(), where);
            assertEquals(e.get("x").asDouble(), o.pixelCoords().x(), 1e-3, where + " x");
            assertEquals(e.get("y").asDouble(), o.pixelCoords().y(), 1e-3, where + " y");
            assertEquals(e.get("confidence").asDouble(), o.confidence(), 1e-5, where + " confidence");
            e.get("probabilities").fields().forEachRemaining(attr -> attr.getValue().fields().forEachRemaining(v ->
                    assertEquals(v.getValue().asDouble(), o.probabilities().get(attr.getKey()).get(v.getKey()), 1e-5,
                            where + " " + attr.getKey() + "=" + v.getKey())));
        }
    }

    @Test
    void should_build_with_defaults_and_name_bad_values() {
        // the builder's defaults are the default model
        SceneNetConfig d = SceneNetConfig.defaults();
        assertEquals(128, d.embedDim());
        assertEquals(3 * 128, d.mlpDim());
        assertEquals(150, d.tokens());
        assertEquals("GQA-2", d.attention().label());
        // a variant round-trips through JSON
        SceneNetConfig dgqa = d.toBuilder().optAttention(AttentionVariant.DGQA.defaults(8, 16).build()).build();
        assertEquals(new HeadAllocation.EmaKeyNorm(0.99, 100),
                SceneNetConfig.fromJson(dgqa.toJson(MAPPER)).attention().allocation());
        // bad values are named
        assertEquals("embedDim 100 not divisible by numHeads 8", assertThrows(IllegalArgumentException.class,
                () -> SceneNetConfig.builder().optEmbedDim(100).build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SceneNetConfig.builder().optInput(250, 160)
                .build()).getMessage().contains("input 250x160"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SceneNetConfig.builder().optThreshold(1.5)
                .build()).getMessage().contains("threshold 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SceneNetConfig.fromJson(MAPPER
                .createObjectNode().set("attention", MAPPER.createObjectNode().put("heads", 8))))
                .getMessage().contains("attention.query_heads is missing"));
    }
}
