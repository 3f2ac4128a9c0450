package org.vqasp.world.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;
import org.vqasp.world.ClevrCamera;
import org.vqasp.world.ClevrRelations;
import org.vqasp.world.LightRig;
import org.vqasp.world.SampledScene;

/**
 * Makes {@code docs/renders-vs-real.png}: our renders beside real CLEVR images of the same layouts.
 *
 * <p>The real images come without scenes, so each layout was read off the real image by hand: every object's
 * shape, colour, material and size, the pixel at the centre of its silhouette and, for cubes, its turn. The
 * pixel is carried back to the ground through CLEVR's camera at rest (height = the object's scale). Camera
 * and lamps are CLEVR's rest pose, whereas the real images had theirs jittered (camera up to 0.5, lamps up
 * to 1 per axis), so sizes, shadows and highlights may differ a little for that reason alone.
 *
 * <p>Run: {@code java -cp ... org.vqasp.world.render.RendersVsRealPicture REAL_DEV_IMAGES EXAMPLE_RENDERS OUT.png}
 * (the folders {@code clevr/real-dev/images} and {@code clevr/example-renders} of the shared data).
 */
public final class RendersVsRealPicture {

    private RendersVsRealPicture() {
    }

    /** One object read off a real image: pixel position in 480x320 coordinates and turn in degrees. */
    private record Seen(String shape, String color, String material, String size, double px, double py,
            double turn) {
    }

    /** A real image and the layout read off it. */
    private record Layout(String file, int width, int height, List<Seen> objects) {
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("CLEVR_train_000108.png", 480, 320, List.of(
                    new Seen("cube", "yellow", "rubber", "large", 242, 70, 20),
                    new Seen("cube", "blue", "rubber", "small", 264, 99, 10),
                    new Seen("cylinder", "brown", "rubber", "large", 312, 115, 0),
                    new Seen("cube", "brown", "metal", "small", 58, 140, 30),
                    new Seen("cube", "red", "rubber", "large", 110, 140, 15),
                    new Seen("sphere", "gray", "rubber", "small", 183, 204, 0),
                    new Seen("cube", "brown", "metal", "large", 352, 172, 5))),
            new Layout("CLEVR_train_000773.png", 480, 320, List.of(
                    new Seen("cube", "yellow", "rubber", "small", 189, 104, 60),
                    new Seen("sphere", "blue", "metal", "large", 236, 119, 0),
                    new Seen("sphere", "brown", "metal", "large", 335, 112, 0),
                    new Seen("sphere", "cyan", "rubber", "small", 124, 145, 0),
                    new Seen("cube", "green", "metal", "large", 181, 180, 52),
                    new Seen("cube", "cyan", "metal", "large", 321, 148, 47),
                    new Seen("cylinder", "purple", "metal", "small", 252, 234, 0))),
            new Layout("CLEVR_train_000852.png", 480, 320, List.of(
                    new Seen("cube", "blue", "metal", "large", 277, 88, 40),
                    new Seen("sphere", "brown", "rubber", "small", 255, 117, 0),
                    new Seen("sphere", "cyan", "rubber", "large", 146, 117, 0),
                    new Seen("cylinder", "purple", "metal", "small", 214, 140, 0),
                    new Seen("cube", "blue", "metal", "small", 115, 160, 30),
                    new Seen("sphere", "red", "rubber", "small", 157, 190, 0),
                    new Seen("cube", "green", "metal", "large", 238, 192, 48))),
            // the README's example render (320x240): positions converted to 480x320 coordinates
            new Layout("img1.png", 320, 240, List.of(
                    new Seen("cube", "gray", "metal", "large", 105, 112, 20),
                    new Seen("cylinder", "gray", "rubber", "large", 184.5, 166, 0),
                    new Seen("sphere", "cyan", "rubber", "large", 237, 217, 0),
                    new Seen("sphere", "yellow", "metal", "small", 261, 95.5, 0),
                    new Seen("cylinder", "green", "rubber", "large", 345, 131.5, 0))));

    /**
     * Renders the layouts and writes the picture.
     *
     * @param args the real-dev images folder, the example-renders folder and the output PNG
     */
    public static void main(String[] args) throws IOException {
        Path realDev = Path.of(args[0]);
        Path examples = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<BufferedImage[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Layout l : LAYOUTS) {
            Path realFile = (l.width() == 480 ? realDev : examples).resolve(l.file());
            BufferedImage real = ImageIO.read(realFile.toFile());
            BufferedImage ours = render(l);
            rows.add(new BufferedImage[] {ours, real});
            names.add(l.file());
            if (l.file().equals("CLEVR_train_000773.png")) {
                rows.add(new BufferedImage[] {zoom(ours, 180, 60, 240, 160), zoom(real, 180, 60, 240, 160)});
                names.add(l.file() + ", detail x2");
            }
        }
        int cellW = 480;
        int label = 22;
        int height = 0;
        for (BufferedImage[] r : rows) {
            height += scaledHeight(r[1], cellW) + label;
        }
        BufferedImage pic = new BufferedImage(2 * cellW + 6, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pic.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, pic.getWidth(), pic.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int y = 0;
        for (int i = 0; i < rows.size(); i++) {
            BufferedImage[] r = rows.get(i);
            int h = scaledHeight(r[1], cellW);
            g.setColor(Color.BLACK);
            g.drawString("ours (vqasp renderer)", 6, y + 16);
            g.drawString("real CLEVR: " + names.get(i), cellW + 12, y + 16);
            g.drawImage(r[0], 0, y + label, cellW, h, null);
            g.drawImage(r[1], cellW + 6, y + label, cellW, h, null);
            y += h + label;
        }
        g.dispose();
        ImageIO.write(pic, "png", out.toFile());
    }

    private static BufferedImage render(Layout l) {
        ClevrCamera cam = ClevrCamera.atRest();
        List<ClevrObject> objects = new ArrayList<>();
        for (Seen s : l.objects()) {
            double scale = s.size().equals("large") ? 0.7 : 0.35;
            Vec3 f = cam.forward();
            Vec3 r = cam.right();
            Vec3 u = cam.up();
            Vec3 p = cam.position();
            double a = (s.px() - 240) / cam.focalPixels();
            double b = (160 - s.py()) / cam.focalPixels();
            double dx = f.x() + a * r.x() + b * u.x();
            double dy = f.y() + a * r.y() + b * u.y();
            double dz = f.z() + a * r.z() + b * u.z();
            double t = (scale - p.z()) / dz;
            // the renderer turns objects by the rotation value read as radians, as CLEVR's script does
            objects.add(new ClevrObject(s.shape(), s.color(), s.material(), s.size(),
                    new Vec3(p.x() + t * dx, p.y() + t * dy, scale), null, Math.toRadians(s.turn())));
        }
        ClevrScene scene = new ClevrScene("compare", 0, l.file(), objects,
                ClevrRelations.relationships(objects, ClevrRelations.directions()), ClevrRelations.directions());
        ClevrRenderer renderer = ClevrRenderer.builder().optResolution(l.width(), l.height()).build();
        return renderer.render(new SampledScene(scene, cam, LightRig.atRest()), 1).image();
    }

    private static BufferedImage zoom(BufferedImage src, int x, int y, int w, int h) {
        BufferedImage out = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < 2 * h; j++) {
            for (int i = 0; i < 2 * w; i++) {
                out.setRGB(i, j, src.getRGB(x + i / 2, y + j / 2));
            }
        }
        return out;
    }

    private static int scaledHeight(BufferedImage img, int width) {
        return img.getHeight() * width / img.getWidth();
    }

}
