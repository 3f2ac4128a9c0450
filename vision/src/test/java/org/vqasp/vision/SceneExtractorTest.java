package org.vqasp.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.vision.model.SceneDecoder;
import org.vqasp.vision.model.SceneNetConfig;
import org.vqasp.vision.train.TrainListener;
import org.vqasp.vision.train.TrainerFixtures;
import org.vqasp.vision.train.VisionTrainer;

class SceneExtractorTest {

    @TempDir
    static Path dir;

    static Path model;
    static Path image;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        Path data = dir.resolve("data");
        TrainerFixtures.writeData(data, 16, 4);
        model = dir.resolve("model");
        VisionTrainer.train(TrainerFixtures.tiny(data, model).optEpochs(1).build(), new TrainListener() { });
        image = data.resolve("images/val/CLEVR_val_000001.png");
    }

    @Test
    void should_extract_a_scene_with_probabilities_and_relationships() {
        // given a trained model directory
        try (SceneExtractor extractor = SceneExtractor.load(model)) {
            // when a CLEVR file is read
            ClevrScene scene = extractor.extract(image);
            // then the file name gives split and index, and every object carries distributions
            assertEquals("val", scene.split());
            assertEquals(1, scene.imageIndex());
            assertEquals("CLEVR_val_000001.png", scene.imageFilename());
            assertEquals(ClevrScene.RELATIONS.size(), scene.relationships().size());
            for (ClevrObject o : scene.objects()) {
                assertTrue(o.confidence() >= extractor.config().threshold());
                double sum = o.probabilities().get("shape").values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(1.0, sum, 1e-6);
                assertEquals(o.size().equals("large") ? 0.7 : 0.35, o.coords().z());
            }
        }
    }

    @Test
    void should_give_the_same_scenes_from_several_threads() throws Exception {
        // given one extractor shared by four threads
        BufferedImage img = ImageIO.read(image.toFile());
        try (SceneExtractor extractor = SceneExtractor.load(model)) {
            ClevrScene expected = extractor.extract(img);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                // when they extract the same image at once
                List<Future<ClevrScene>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> extractor.extract(img)));
                }
                // then every result equals the single-threaded one
                for (Future<ClevrScene> f : futures) {
                    assertEquals(expected, f.get());
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(List.of(expected, expected), extractor.extractAll(List.of(img, img)));
        }
    }

    @Test
    void should_average_the_bundled_model_over_a_real_image_and_its_mirror() throws Exception {
        // given the bundled model as a directory with mirror averaging switched on, and a real CLEVR image
        Path mirrored = Files.createDirectories(dir.resolve("bundled-mirror"));
        try (InputStream in = ModelDirectory.class.getResourceAsStream(ModelDirectory.DEFAULT_RESOURCE
                + ModelDirectory.PARAMS)) {
            Files.copy(in, mirrored.resolve(ModelDirectory.PARAMS));
        }
        SceneNetConfig bundled;
        try (SceneExtractor plain = SceneExtractor.loadDefault()) {
            bundled = plain.config();
        }
        Files.writeString(mirrored.resolve(ModelDirectory.CONFIG),
                bundled.withMirrorAverage(true).toJson(new ObjectMapper()).toString());
        BufferedImage real = ImageIO.read(Samples.path("clevr/real-dev/images/CLEVR_train_000108.png").toFile());
        try (SceneExtractor plain = SceneExtractor.loadDefault();
                SceneExtractor averaged = SceneExtractor.load(mirrored)) {
            // when both read the image, and the plain one also reads its mirror image
            ClevrScene one = plain.extract(real);
            ClevrScene other = plain.extract(mirror(real));
            ClevrScene both = averaged.extract(real);
            // then the averaged scene has the plain scene's objects and positions, and attributes of the combination
            assertTrue(averaged.config().mirrorAverage());
            assertTrue(one.objects().size() >= 3, one.objects().size() + " objects");
            assertEquals(one.objects().size(), other.objects().size());
            // (one batch of two images against two batches of one: equal up to float rounding)
            ClevrScene expected = SceneDecoder.averageMirror(one, other, plain.config(), real.getWidth());
            assertEquals(expected.objects().size(), both.objects().size());
            assertEquals(expected.relationships(), both.relationships());
            // and a batch of two images hands each its own pair of outputs back
            List<ClevrScene> batch = averaged.extractAll(List.of(real, mirror(real)));
            assertEquals(both.objects().stream().map(ClevrObject::shape).toList(),
                    batch.get(0).objects().stream().map(ClevrObject::shape).toList());
            assertEquals(both.objects().size(), batch.get(1).objects().size());
            assertEquals(real.getWidth() - both.objects().get(0).pixelCoords().x(),
                    batch.get(1).objects().get(0).pixelCoords().x(), 2.0);
            for (int i = 0; i < both.objects().size(); i++) {
                ClevrObject e = expected.objects().get(i);
                ClevrObject o = both.objects().get(i);
                assertEquals(List.of(e.shape(), e.color(), e.material(), e.size()),
                        List.of(o.shape(), o.color(), o.material(), o.size()));
                assertEquals(one.objects().get(i).pixelCoords().x(), o.pixelCoords().x(), 1e-4);
                assertEquals(one.objects().get(i).pixelCoords().y(), o.pixelCoords().y(), 1e-4);
                for (String attribute : List.of("shape", "color", "material", "size")) {
                    double sum = 0;
                    for (var v : o.probabilities().get(attribute).entrySet()) {
                        assertEquals(e.probabilities().get(attribute).get(v.getKey()), v.getValue(), 1e-6,
                                attribute + " " + v.getKey());
                        sum += v.getValue();
                    }
                    assertEquals(1.0, sum, 1e-9, attribute);
                }
            }
        }
    }

    /** The left-right mirror image, column x becoming column width - 1 - x. */
    private static BufferedImage mirror(BufferedImage image) {
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, image.getRGB(x, y));
            }
        }
        return out;
    }

    @Test
    void should_reject_a_directory_without_a_model() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        InputException e = assertThrows(InputException.class, () -> SceneExtractor.load(empty));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }
}
