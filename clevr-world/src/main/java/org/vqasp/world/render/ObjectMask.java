package org.vqasp.world.render;

import java.util.Arrays;

/**
 * Which object each pixel's centre sees first (-1 for the ground and the background), and how many pixels
 * show each object. Training targets for masks and boxes, and the input of CLEVR's visibility rule.
 */
public final class ObjectMask {

    private final int width;
    private final int height;
    private final int[] ids;
    private final int[] visiblePixels;

    ObjectMask(int width, int height, int[] ids, int objects) {
        this.width = width;
        this.height = height;
        this.ids = ids;
        this.visiblePixels = new int[objects];
        for (int id : ids) {
            if (id >= 0) {
                visiblePixels[id]++;
            }
        }
    }

    /** Returns the image width. */
    public int width() {
        return width;
    }

    /** Returns the image height. */
    public int height() {
        return height;
    }

    /** Returns the object seen at a pixel, or -1. */
    public int id(int x, int y) {
        return ids[y * width + x];
    }

    /** Returns, per object, the number of pixels that show it. */
    public int[] visiblePixels() {
        return visiblePixels.clone();
    }

    /** Returns a copy of the ids, row by row from the top-left pixel. */
    public int[] ids() {
        return ids.clone();
    }

    /**
     * Returns the tight box {@code [xMin, yMin, xMax, yMax]} (inclusive pixel indices) around an object's
     * pixels, or null when none shows it.
     */
    public int[] boundingBox(int object) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ids[y * width + x] == object) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    @Override
    public String toString() {
        return "ObjectMask[" + width + "x" + height + ", visible=" + Arrays.toString(visiblePixels) + "]";
    }
}
