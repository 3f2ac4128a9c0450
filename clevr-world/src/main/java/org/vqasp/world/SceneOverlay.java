package org.vqasp.world;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;

/**
 * Draws a scene's objects on its image: a ring around each detected object with its index, and a thick
 * ring around the objects an answer used. {@code vqa ask --annotate} and the failure gallery of {@code vqa report}
 * show scenes this way.
 */
public final class SceneOverlay {

    /** CLEVR's camera: focal length in pixels at 480 pixels of width. */
    private static final double FOCAL_480 = 525.0;

    private SceneOverlay() {
    }

    /**
     * Returns a copy of an image with the scene's objects drawn on it (objects without pixel coordinates are left
     * out).
     *
     * @param image the image the scene was read from (any size; CLEVR's camera is assumed)
     * @param scene the scene
     * @param used the indices of the objects to draw thick, such as those an answer used
     */
    public static BufferedImage draw(BufferedImage image, ClevrScene scene, Set<Integer> used) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, image.getWidth() / 40)));
            double focal = FOCAL_480 * image.getWidth() / 480.0;
            List<ClevrObject> objects = scene.objects();
            for (int i = 0; i < objects.size(); i++) {
                ClevrObject o = objects.get(i);
                if (o.pixelCoords() == null) {
                    continue;
                }
                double size = o.size().equals("large") ? 0.7 : 0.35;
                double depth = Math.max(1.0, o.pixelCoords().z());
                int r = (int) Math.max(8, 1.5 * size * focal / depth);
                int x = (int) Math.round(o.pixelCoords().x());
                int y = (int) Math.round(o.pixelCoords().y());
                boolean isUsed = used.contains(i);
                g.setStroke(new BasicStroke(isUsed ? 3.5f : 1.5f));
                g.setColor(isUsed ? new Color(255, 220, 0) : new Color(255, 255, 255, 200));
                g.drawOval(x - r, y - r, 2 * r, 2 * r);
                String label = Integer.toString(i);
                g.setColor(Color.BLACK);
                g.drawString(label, x - r + 1, y - r - 2 + 1);
                g.setColor(isUsed ? new Color(255, 220, 0) : Color.WHITE);
                g.drawString(label, x - r, y - r - 2);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
