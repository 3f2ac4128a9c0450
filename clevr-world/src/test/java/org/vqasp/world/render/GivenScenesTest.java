package org.vqasp.world.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.InputException;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.world.CameraFit;
import org.vqasp.world.ClevrCamera;
import org.vqasp.world.ClevrProperties;
import org.vqasp.world.SampledScene;

class GivenScenesTest {

    private static final Path HUMANS_SCENES = Samples.path("clevr/humans/scenes.json");
    private static ClevrRenderer renderer;

    @BeforeAll
    static void build() {
        renderer = ClevrWorldGeneratorTest.cheapRenderer();
    }

    @Test
    void should_recover_the_camera_of_real_scenes_from_their_pixel_coords() {
        // given the 60 real CLEVR train scenes of the bundled CLEVR-Humans sample
        List<ClevrScene> scenes = GivenScenes.load(HUMANS_SCENES, null, -1, ClevrProperties.bundled());
        assertEquals(60, scenes.size());
        for (ClevrScene s : scenes) {
            // when the camera is fitted to the recorded pixel_coords
            CameraFit.Result fit = CameraFit.fit(s.objects(), ClevrCamera.atRest());
            // then every object re-projects within rounding (0.71 px) plus a little of where the scene says
            assertTrue(fit.maxPixelError() < 0.9, s.imageFilename() + ": " + fit.maxPixelError() + " px");
            // and the camera moved by CLEVR's jitter, at most 0.5 per axis
            Vec3 d = fit.camera().position().minus(ClevrCamera.REST_POSITION);
            assertTrue(Math.abs(d.x()) <= 0.51 && Math.abs(d.y()) <= 0.51 && Math.abs(d.z()) <= 0.51,
                    s.imageFilename() + ": jitter " + d);
        }
    }

    @Test
    void should_show_each_object_of_a_real_scene_at_its_recorded_pixel() {
        // given real scenes staged for rendering
        List<ClevrScene> scenes = GivenScenes.load(HUMANS_SCENES, null, 6, ClevrProperties.bundled());
        int seen = 0;
        int objects = 0;
        for (ClevrScene s : scenes) {
            SampledScene staged = GivenScenes.stage(s, ClevrWorldGenerator.imageSeed(1L, s.split(), s.imageIndex()));
            ObjectMask mask = renderer.mask(staged);
            for (int i = 0; i < s.objects().size(); i++) {
                Vec3 p = s.objects().get(i).pixelCoords();
                int id = mask.id((int) Math.min(479, p.x()), (int) Math.min(319, p.y()));
                objects++;
                if (id == i) {
                    seen++;
                } else {
                    // when another object covers the centre, it is nearer the camera
                    assertTrue(id >= 0 && s.objects().get(id).pixelCoords().z() < p.z(),
                            s.imageFilename() + " object " + i + " at " + p + " shows " + id);
                }
            }
        }
        // then most object centres show their own object
        assertTrue(seen >= objects * 0.9, seen + " of " + objects);
    }

    @Test
    void should_render_given_scenes_under_their_own_names_and_resume(@TempDir Path dir) throws IOException {
        // given the scenes of the CLEVR-Humans demo questions
        Set<String> wanted = GivenScenes.imagesOf(Samples.path("clevr/humans/demo_questions.json"));
        List<ClevrScene> given = GivenScenes.load(HUMANS_SCENES, wanted, 2, ClevrProperties.bundled());
        assertEquals(2, given.size());
        for (ClevrScene s : given) {
            assertTrue(wanted.contains(s.imageFilename()), s.imageFilename());
        }
        // when they are rendered
        ClevrWorldGenerator.Summary first = ClevrWorldGenerator.builder().setOutput(dir).setSeed(3L).optThreads(2)
                .optRenderer(renderer).optGivenScenes(given).build().run();

        // then each image has the given file name, and the scenes file holds the given scenes unchanged
        assertEquals(2, first.rendered());
        List<String> files = new ArrayList<>();
        try (var s = Files.list(dir.resolve("images/train"))) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(files::add);
        }
        assertEquals(given.stream().map(ClevrScene::imageFilename).sorted().toList(), files);
        BufferedImage img = ImageIO.read(dir.resolve("images/train").resolve(given.get(0).imageFilename()).toFile());
        assertEquals(480, img.getWidth());
        List<ClevrScene> written = new ArrayList<>();
        try (DatasetReader<ClevrScene> r = ClevrDataset.scenes(ClevrLayout.scenesPath(dir, "train"))) {
            while (r.hasNext()) {
                DatasetItem<ClevrScene> item = r.next();
                written.add(item.value());
            }
        }
        assertEquals(given, written);
        assertTrue(Files.notExists(ClevrLayout.questionsPath(dir, "train")));

        // and a second run keeps both images
        ClevrWorldGenerator.Summary again = ClevrWorldGenerator.builder().setOutput(dir).setSeed(3L).optThreads(2)
                .optRenderer(renderer).optGivenScenes(given).build().run();
        assertEquals(2, again.reused());
    }

    @Test
    void should_name_the_scene_and_object_of_a_bad_scene(@TempDir Path dir) throws IOException {
        // given a real scene file in which the second scene's second object has an unknown colour
        String text = Files.readString(HUMANS_SCENES);
        ClevrScene second = GivenScenes.load(HUMANS_SCENES, null, 2, ClevrProperties.bundled()).get(1);
        int start = text.indexOf("{\"image_index\": " + second.imageIndex() + ",");
        assertTrue(start > 0, "fixture layout changed");
        int firstObj = text.indexOf("\"color\"", start);
        int secondObj = text.indexOf("\"color\"", firstObj + 1);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.substring(0, secondObj) + text.substring(secondObj).replaceFirst(
                "\"color\": \"[a-z]+\"", "\"color\": \"mauve\""));

        // when it is loaded, then the error names the file, the scene, the object and the colour
        InputException e = assertThrows(InputException.class,
                () -> GivenScenes.load(bad, null, -1, ClevrProperties.bundled()));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains(second.imageFilename())
                && e.getMessage().contains("object 1") && e.getMessage().contains("mauve"), e.getMessage());

        // and a file name that escapes the image directory is refused too
        Path escape = dir.resolve("escape.json");
        Files.writeString(escape, text.replaceFirst("CLEVR_train_000002\\.png", "../../x.png"));
        InputException e2 = assertThrows(InputException.class,
                () -> GivenScenes.load(escape, null, -1, ClevrProperties.bundled()));
        assertTrue(e2.getMessage().contains("../../x.png"), e2.getMessage());
        assertNotNull(GivenScenes.fittedCamera(second));
    }
}
