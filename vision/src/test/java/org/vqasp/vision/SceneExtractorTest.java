package org.vqasp.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
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
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
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
    void should_reject_a_directory_without_a_model() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        InputException e = assertThrows(InputException.class, () -> SceneExtractor.load(empty));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }
}
