package org.vqasp.vision.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;
import org.vqasp.core.Samples;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.nn.AttentionVariant;
import org.vqasp.vision.SceneExtractor;

class ModelConversionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void should_convert_the_bundled_model_to_mla_with_the_same_scene_graphs() throws Exception {
        // given the bundled GQA-2 model converted to MLA of rank 2 G dh = 64
        AttentionSpec mla = AttentionSpec.builder().setHeads(8).optLatentRank(64).build();
        ModelConversion.Result r = ModelConversion.convert(null, mla, tmp.resolve("mla"), List.of("vqa", "test"));
        assertEquals("GQA-2", r.from());
        assertEquals("MLA-r64", r.to());
        assertTrue(r.maxOutputDifference() < 1e-4, "probe difference " + r.maxOutputDifference());
        JsonNode provenance = MAPPER.readTree(tmp.resolve("mla/provenance.json").toFile());
        assertEquals("MLA-r64", provenance.get("conversion").get("to_attention").asText());
        assertTrue(provenance.get("init_provenance").has("command_line"));
        // when both read the real images
        JsonNode recorded;
        try (InputStream in = getClass().getResourceAsStream("bundled-real-dev-scenes.json")) {
            recorded = MAPPER.readTree(in);
        }
        Path images = Samples.path("clevr/real-dev/images");
        try (SceneExtractor converted = SceneExtractor.load(tmp.resolve("mla"))) {
            assertEquals(mla, converted.config().attention());
            assertEquals(0.3, converted.config().threshold());
            assertTrue(converted.config().mirrorAverage());
            for (JsonNode image : recorded.get("images")) {
                // then the converted model reads each exactly as the GQA model does
                SceneNetConfigTest.assertSameScene(image.get("objects"),
                        converted.extract(images.resolve(image.get("image").asText())), image.get("image").asText());
            }
        }
    }

    @Test
    void should_up_train_between_variants_and_refuse_other_architectures() {
        try (NDManager m = NDManager.newBaseManager()) {
            // given a tiny GQA-2 network with random weights
            SceneNetConfig gqa = SceneNetConfig.builder().optInput(64, 48).optStemChannels(List.of(4, 8, 8))
                    .optEmbedDim(16).optLayers(2).optAttention(AttentionVariant.GQA.defaults(8, 2).build())
                    .optHeadDim(8).build();
            SceneNet source = net(m, gqa);
            NDArray x = m.randomNormal(new Shape(2, 3, 48, 64));
            // when MHA (heads repeated) and MLA (exact) networks start from it, then they compute the same
            for (AttentionVariant v : List.of(AttentionVariant.MHA, AttentionVariant.MLA)) {
                SceneNet target = net(m, gqa.withAttention(v.defaults(8, 2).build()));
                ModelConversion.initialise(target, source, "gqa");
                float diff = out(source, x).sub(out(target, x)).abs().max().getFloat();
                assertTrue(diff < 1e-4, v + ": " + diff);
            }
            // and every other variant starts from it
            for (AttentionVariant v : AttentionVariant.values()) {
                SceneNet target = net(m, gqa.withAttention(v.defaults(8, 2).build()));
                ModelConversion.initialise(target, source, "gqa");
                assertTrue(Float.isFinite(out(target, x).abs().max().getFloat()), v.name());
            }
            // but a network that differs outside the attention is refused, naming the source
            SceneNet wider = net(m, gqa.toBuilder().optHeadDim(16).build());
            InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                    () -> ModelConversion.initialise(wider, source, "SRC"));
            assertEquals("init_mismatch", e.kind());
            assertTrue(e.getMessage().startsWith("SRC holds"), e.getMessage());
        }
    }

    private static SceneNet net(NDManager m, SceneNetConfig c) {
        SceneNet net = new SceneNet(c);
        net.initialize(m, DataType.FLOAT32, new Shape(2, 3, c.inputHeight(), c.inputWidth()));
        return net;
    }

    private static NDArray out(SceneNet net, NDArray x) {
        return net.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).head();
    }
}
