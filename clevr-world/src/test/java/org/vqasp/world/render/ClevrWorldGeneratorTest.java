package org.vqasp.world.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.world.CogentCondition;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.ReferenceExecutor;
import org.vqasp.world.questions.TemplateLibrary;

class ClevrWorldGeneratorTest {

    private static ClevrRenderer renderer;

    @BeforeAll
    static void build() {
        renderer = cheapRenderer();
    }

    /** Returns a cheap renderer, for tests that check files, determinism and positions, not the look. */
    static ClevrRenderer cheapRenderer() {
        return ClevrRenderer.builder().optGroundRays(0).optProbeRays(32).optEdgeSamples(1).optNoisySamples(1)
                .optContrastSamples(0).build();
    }

    @Test
    void should_write_the_released_layout_with_scenes_and_questions(@TempDir Path dir) throws IOException {
        // given a generator of three images with the project's question generator behind the seam
        QuestionGenerator questions = new QuestionGenerator(TemplateLibrary.load(), 9L);
        ClevrWorldGenerator gen = ClevrWorldGenerator.builder().setOutput(dir).setImages(3).setSeed(1L)
                .optSplit("val").optThreads(2).optRenderer(renderer).optCommandLine(List.of("vqa", "generate"))
                .optQuestions(s -> questions.generate(s, 4)).optQuestionsPerImage(4).build();

        // when it runs
        ClevrWorldGenerator.Summary summary = gen.run();

        // then the tree holds three 480x320 PNGs, the scenes file and the questions file
        assertEquals(3, summary.rendered());
        for (int i = 0; i < 3; i++) {
            BufferedImage img = ImageIO.read(ClevrLayout.imagePath(dir, "val", i).toFile());
            assertEquals(480, img.getWidth());
            assertEquals(320, img.getHeight());
        }
        assertEquals(List.of("CLEVR_val_000000.png", "CLEVR_val_000001.png", "CLEVR_val_000002.png"),
                list(dir.resolve("images/val")));
        List<ClevrScene> scenes = read(ClevrDataset.scenes(ClevrLayout.scenesPath(dir, "val")));
        assertEquals(3, scenes.size());
        for (int i = 0; i < 3; i++) {
            ClevrScene s = scenes.get(i);
            assertEquals(i, s.imageIndex());
            assertEquals("CLEVR_val_00000" + i + ".png", s.imageFilename());
            assertTrue(s.objects().size() >= 3 && s.objects().size() <= 10);
            assertEquals(4, s.relationships().size());
        }
        // and every question's answer is what the reference executor finds in its scene
        List<ClevrQuestion> qs = read(ClevrDataset.questions(ClevrLayout.questionsPath(dir, "val")));
        assertEquals(summary.questions(), qs.size());
        assertTrue(qs.size() >= 9, "questions " + qs.size());
        ReferenceExecutor executor = new ReferenceExecutor();
        for (ClevrQuestion q : qs) {
            assertEquals(q.answer(), executor.answer(q.program(), scenes.get(q.imageIndex())), q.question());
        }
        // and provenance.json says what made the files
        JsonNode p = new ObjectMapper().readTree(dir.resolve("provenance.json").toFile());
        assertEquals(1, p.get("seed").asLong());
        assertEquals("generate", p.get("command_line").get(1).asText());
        assertEquals(4, p.get("config").get("questions_per_image").asInt());
        assertEquals(renderer.signature(), p.get("config").get("renderer").asText());
    }

    @Test
    void should_resume_without_rendering_again_and_match_any_thread_count(@TempDir Path dir) throws IOException {
        // given a split rendered on two threads
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        ClevrWorldGenerator.builder().setOutput(a).setImages(2).setSeed(5L).optThreads(2).optRenderer(renderer)
                .optCogent(CogentCondition.B).build().run();
        byte[] scenesBefore = Files.readAllBytes(ClevrLayout.scenesPath(a, "train"));
        // and a half-written image left by a killed run
        Path partial = a.resolve("images/train/CLEVR_train_000001.png.7" + AtomicFiles.TEMP_SUFFIX);
        Files.write(partial, new byte[] {1, 2, 3});

        // when the same command runs again, and once more on one thread elsewhere
        ClevrWorldGenerator.Summary again = ClevrWorldGenerator.builder().setOutput(a).setImages(2).setSeed(5L)
                .optThreads(2).optRenderer(renderer).optCogent(CogentCondition.B).build().run();
        ClevrWorldGenerator.builder().setOutput(b).setImages(2).setSeed(5L).optThreads(1).optRenderer(renderer)
                .optCogent(CogentCondition.B).build().run();

        // then nothing was rendered again, the leftover is gone and the scenes file is unchanged
        assertEquals(0, again.rendered());
        assertEquals(2, again.reused());
        assertFalse(Files.exists(partial));
        assertArrayEquals(scenesBefore, Files.readAllBytes(ClevrLayout.scenesPath(a, "train")));
        // and one thread made the same bytes as two
        assertArrayEquals(scenesBefore, Files.readAllBytes(ClevrLayout.scenesPath(b, "train")));
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(Files.readAllBytes(ClevrLayout.imagePath(a, "train", i)),
                    Files.readAllBytes(ClevrLayout.imagePath(b, "train", i)));
        }
        // and the CoGenT B condition held
        for (ClevrScene s : read(ClevrDataset.scenes(ClevrLayout.scenesPath(a, "train")))) {
            for (ClevrObject o : s.objects()) {
                assertTrue(CogentCondition.B.shapeColors().get(o.shape()).contains(o.color()));
            }
        }
    }

    @Test
    void should_render_again_an_image_made_with_other_settings(@TempDir Path dir) throws IOException {
        // given one image made with seed 1
        ClevrWorldGenerator.builder().setOutput(dir).setImages(1).setSeed(1L).optRenderer(renderer).build().run();
        byte[] before = Files.readAllBytes(ClevrLayout.imagePath(dir, "train", 0));

        // when the directory is filled with seed 2
        ClevrWorldGenerator.Summary s = ClevrWorldGenerator.builder().setOutput(dir).setImages(1).setSeed(2L)
                .optRenderer(renderer).build().run();

        // then the image was rendered again, not kept
        assertEquals(1, s.rendered());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(ClevrLayout.imagePath(dir, "train", 0))));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static <T> List<T> read(DatasetReader<T> reader) {
        List<T> out = new ArrayList<>();
        try (reader) {
            while (reader.hasNext()) {
                DatasetItem<T> item = reader.next();
                assertTrue(item.ok(), () -> "unreadable item " + item.id() + ": " + item.error());
                out.add(item.value());
            }
        }
        return out;
    }
}
