package org.vqasp.vision.train;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.world.SampledScene;
import org.vqasp.world.SceneSampler;

/**
 * Tiny CLEVR-layout datasets for tests: scenes from the real sampler (so geometry and relationships are CLEVR's),
 * drawn as flat 2-D shapes in CLEVR's colours (metal gets a highlight), far objects first.
 */
final class SyntheticClevr {

    private static final Map<String, Color> COLORS = Map.of(
            "gray", new Color(87, 87, 87), "red", new Color(173, 35, 35), "blue", new Color(42, 75, 215),
            "green", new Color(29, 105, 20), "brown", new Color(129, 74, 25), "purple", new Color(129, 38, 192),
            "cyan", new Color(41, 208, 208), "yellow", new Color(255, 238, 51));

    private SyntheticClevr() {
    }

    /**
     * Writes {@code images} scenes of a split under {@code dir} in the released layout.
     *
     * @return the scenes written
     */
    static List<ClevrScene> write(Path dir, String split, int images, long seed) throws IOException {
        SceneSampler sampler = SceneSampler.builder().build();
        Path imageDir = dir.resolve("images").resolve(split);
        Files.createDirectories(imageDir);
        Files.createDirectories(dir.resolve("scenes"));
        List<ClevrScene> scenes = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            SampledScene sampled = sampler.sample(split, i, seed * 7919 + i);
            ClevrScene scene = sampled.scene();
            ImageIO.write(draw(scene, sampled.camera().focalPixels()), "png",
                    imageDir.resolve(scene.imageFilename()).toFile());
            scenes.add(scene);
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(
                dir.resolve("scenes").resolve("CLEVR_" + split + "_scenes.json").toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("info");
            g.writeStringField("split", split);
            g.writeEndObject();
            g.writeArrayFieldStart("scenes");
            for (ClevrScene s : scenes) {
                ClevrJson.writeScene(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return scenes;
    }

    static BufferedImage draw(ClevrScene scene, double focal) {
        BufferedImage img = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(106, 106, 106), 0, 320, new Color(140, 139, 137)));
        g.fillRect(0, 0, 480, 320);
        List<ClevrObject> objects = new ArrayList<>(scene.objects());
        objects.sort(Comparator.comparingDouble((ClevrObject o) -> o.pixelCoords().z()).reversed());
        for (ClevrObject o : objects) {
            double r = focal * (o.size().equals("large") ? 0.7 : 0.35) / o.pixelCoords().z();
            double x = o.pixelCoords().x();
            double y = o.pixelCoords().y();
            g.setColor(COLORS.get(o.color()));
            switch (o.shape()) {
                case "sphere" -> g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                case "cube" -> g.fill(new RoundRectangle2D.Double(x - r, y - r, 2 * r, 2 * r, r / 3, r / 3));
                default -> {
                    g.fill(new RoundRectangle2D.Double(x - r, y - 1.1 * r, 2 * r, 2.2 * r, r, r / 2));
                    g.setColor(COLORS.get(o.color()).brighter());
                    g.fill(new Ellipse2D.Double(x - r, y - 1.1 * r, 2 * r, r * 0.6));
                }
            }
            if (o.material().equals("metal")) {
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(x - r * 0.4, y - r * 0.6, r * 0.35, r * 0.35));
            }
        }
        g.dispose();
        return img;
    }
}
