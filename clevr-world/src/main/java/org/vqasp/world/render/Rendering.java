package org.vqasp.world.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * One rendered image: 8-bit sRGB pixels and the object mask of the same view.
 */
public final class Rendering {

    private final int width;
    private final int height;
    private final int[] rgb;
    private final ObjectMask mask;

    Rendering(int width, int height, int[] rgb, ObjectMask mask) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.mask = mask;
    }

    /** Returns the width in pixels. */
    public int width() {
        return width;
    }

    /** Returns the height in pixels. */
    public int height() {
        return height;
    }

    /** Returns the pixel at (x, y) as {@code 0xRRGGBB}. */
    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    /** Returns the object mask. */
    public ObjectMask mask() {
        return mask;
    }

    /** Returns the image as an RGB {@link BufferedImage} (a copy). */
    public BufferedImage image() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(rgb, 0, data, 0, rgb.length);
        return img;
    }
}
