package org.vqasp.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;

/**
 * Samples CLEVR scenes by the rules of CLEVR's {@code render_images.py}.
 *
 * <p>Per image: the camera moves by {@code U(-0.5, 0.5)} per axis and the key, back and fill lamps by
 * {@code U(-1, 1)}; then 3-10 objects are placed one by one. Each object draws a size, then a position
 * {@code x, y ~ U(-3, 3)} until it keeps at least 0.25 between its surface and every earlier object's
 * ({@code dist - r_i - r_j >= 0.25}, with {@code r} the size's scale) and its offset to every earlier object
 * along each of left/right/front/behind is not in {@code (0, 0.4)}; after 50 failed positions for one object
 * every object is removed and placement starts again. Then it draws a shape and colour (uniformly, or a shape
 * and one of its colours under a {@link CogentCondition}), a rotation {@code 360 U(0, 1)} and a material.
 * When a {@link VisibilityCheck} is set and some object shows fewer than 200 pixels, placement starts again.
 *
 * <p>Everything random comes from the {@link SplittableRandom} passed in: the same seed gives the same scene.
 * Instances hold no mutable state and may be shared between threads.
 */
public final class SceneSampler {

    private final ClevrProperties properties;
    private final Map<String, List<String>> shapeColors;
    private final int minObjects;
    private final int maxObjects;
    private final double minDistance;
    private final double margin;
    private final int maxRetries;
    private final double cameraJitter;
    private final double lightJitter;
    private final int width;
    private final int height;
    private final VisibilityCheck visibility;
    private final int minPixelsPerObject;
    private final int maxPlacements;
    private final Map<String, Vec3> directions = ClevrRelations.directions();

    private SceneSampler(Builder b) {
        this.properties = b.properties == null ? ClevrProperties.bundled() : b.properties;
        this.shapeColors = b.cogent == null ? null : b.cogent.shapeColors();
        this.minObjects = b.minObjects;
        this.maxObjects = b.maxObjects;
        this.minDistance = b.minDistance;
        this.margin = b.margin;
        this.maxRetries = b.maxRetries;
        this.cameraJitter = b.cameraJitter;
        this.lightJitter = b.lightJitter;
        this.width = b.width;
        this.height = b.height;
        this.visibility = b.visibility;
        this.minPixelsPerObject = b.minPixelsPerObject;
        this.maxPlacements = b.maxPlacements;
        if (shapeColors != null) {
            for (Map.Entry<String, List<String>> e : shapeColors.entrySet()) {
                if (!properties.shapes().containsKey(e.getKey())
                        || !properties.colors().keySet().containsAll(e.getValue())) {
                    throw new IllegalArgumentException("CoGenT condition " + b.cogent + " names shape or colours "
                            + "outside properties.json: " + e);
                }
            }
        }
    }

    /** Returns a builder with CLEVR's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the vocabulary this sampler draws from. */
    public ClevrProperties properties() {
        return properties;
    }

    /**
     * Samples one scene.
     *
     * @param split the split name written into the scene
     * @param imageIndex the image index
     * @param rng the source of every random draw
     * @return the scene with its camera and lamps
     * @throws VqaspException ({@code "placement"}) when no placement passes the visibility rule after many tries
     */
    public SampledScene sample(String split, int imageIndex, SplittableRandom rng) {
        ClevrCamera camera = ClevrCamera.atRest().withSize(width, height).jittered(rng, cameraJitter);
        LightRig lights = LightRig.jittered(rng, lightJitter);
        int n = minObjects + rng.nextInt(maxObjects - minObjects + 1);
        String filename = ClevrLayout.imageFilename(split, imageIndex);
        for (int attempt = 0; attempt < maxPlacements; attempt++) {
            List<ClevrObject> objects = placeObjects(n, camera, rng);
            ClevrScene scene = new ClevrScene(split, imageIndex, filename, objects,
                    ClevrRelations.relationships(objects, directions), directions);
            SampledScene sampled = new SampledScene(scene, camera, lights);
            if (visibility == null || allVisible(visibility.visiblePixels(sampled))) {
                return sampled;
            }
        }
        throw new VqaspException(ErrorKind.PLACEMENT, "no placement of " + n + " objects for " + filename
                + " kept every object visible (" + minPixelsPerObject + " pixels) in " + maxPlacements + " tries");
    }

    /** Samples one scene from a seed; see {@link #sample(String, int, SplittableRandom)}. */
    public SampledScene sample(String split, int imageIndex, long seed) {
        return sample(split, imageIndex, new SplittableRandom(seed));
    }

    /**
     * Returns whether two ground positions with the given scales satisfy CLEVR's distance and margin rules.
     * The rules are symmetric, so the order of the two objects does not matter.
     */
    public boolean placementAllowed(double x, double y, double r, double otherX, double otherY, double otherR) {
        double dx = x - otherX;
        double dy = y - otherY;
        if (Math.sqrt(dx * dx + dy * dy) - r - otherR < minDistance) {
            return false;
        }
        for (String rel : ClevrScene.RELATIONS) {
            Vec3 d = directions.get(rel);
            double m = dx * d.x() + dy * d.y();
            if (m > 0 && m < margin) {
                return false;
            }
        }
        return true;
    }

    private boolean allVisible(int[] counts) {
        for (int c : counts) {
            if (c < minPixelsPerObject) {
                return false;
            }
        }
        return true;
    }

    private List<ClevrObject> placeObjects(int n, ClevrCamera camera, SplittableRandom rng) {
        List<String> sizeNames = List.copyOf(properties.sizes().keySet());
        List<String> shapeNames = List.copyOf(properties.shapes().keySet());
        List<String> colorNames = List.copyOf(properties.colors().keySet());
        List<String> materialNames = List.copyOf(properties.materials().keySet());
        List<String> comboShapes = shapeColors == null ? null : List.copyOf(shapeColors.keySet());
        restart:
        while (true) {
            List<ClevrObject> objects = new ArrayList<>(n);
            double[] xs = new double[n];
            double[] ys = new double[n];
            double[] rs = new double[n];
            for (int i = 0; i < n; i++) {
                String size = sizeNames.get(rng.nextInt(sizeNames.size()));
                double r = properties.sizes().get(size);
                double x;
                double y;
                int tries = 0;
                while (true) {
                    if (++tries > maxRetries) {
                        continue restart;
                    }
                    x = -3 + 6 * rng.nextDouble();
                    y = -3 + 6 * rng.nextDouble();
                    boolean ok = true;
                    for (int k = 0; k < i && ok; k++) {
                        ok = placementAllowed(x, y, r, xs[k], ys[k], rs[k]);
                    }
                    if (ok) {
                        break;
                    }
                }
                String shape;
                String color;
                if (comboShapes == null) {
                    shape = shapeNames.get(rng.nextInt(shapeNames.size()));
                    color = colorNames.get(rng.nextInt(colorNames.size()));
                } else {
                    shape = comboShapes.get(rng.nextInt(comboShapes.size()));
                    List<String> choices = shapeColors.get(shape);
                    color = choices.get(rng.nextInt(choices.size()));
                }
                double rotation = 360.0 * rng.nextDouble();
                String material = materialNames.get(rng.nextInt(materialNames.size()));
                xs[i] = x;
                ys[i] = y;
                rs[i] = r;
                Vec3 coords = new Vec3(x, y, r);
                Vec3 p = camera.project(coords);
                Vec3 pixel = new Vec3(Math.round(p.x()), Math.round(p.y()), p.z());
                objects.add(new ClevrObject(shape, color, material, size, coords, pixel, rotation));
            }
            return objects;
        }
    }

    /** Options of a {@link SceneSampler}; every one defaults to CLEVR v1.0's value. */
    public static final class Builder {
        private ClevrProperties properties;
        private CogentCondition cogent;
        private int minObjects = 3;
        private int maxObjects = 10;
        private double minDistance = 0.25;
        private double margin = 0.4;
        private int maxRetries = 50;
        private double cameraJitter = 0.5;
        private double lightJitter = 1.0;
        private int width = 480;
        private int height = 320;
        private VisibilityCheck visibility;
        private int minPixelsPerObject = 200;
        private int maxPlacements = 1000;

        private Builder() {
        }

        /** Sets the vocabulary (default: the bundled {@code properties.json}). */
        public Builder optProperties(ClevrProperties p) {
            this.properties = p;
            return this;
        }

        /** Restricts shape and colour pairs to a CoGenT condition (default: none, every pair). */
        public Builder optCogent(CogentCondition c) {
            this.cogent = c;
            return this;
        }

        /** Sets the range of the number of objects (default 3 to 10). */
        public Builder optObjectCount(int min, int max) {
            this.minObjects = min;
            this.maxObjects = max;
            return this;
        }

        /** Sets the least distance between two objects' surfaces (default 0.25). */
        public Builder optMinDistance(double d) {
            this.minDistance = d;
            return this;
        }

        /** Sets the least offset along each cardinal direction (default 0.4). */
        public Builder optMargin(double m) {
            this.margin = m;
            return this;
        }

        /** Sets how many positions one object may try before placement restarts (default 50). */
        public Builder optMaxRetries(int n) {
            this.maxRetries = n;
            return this;
        }

        /** Sets the camera jitter per axis (default 0.5). */
        public Builder optCameraJitter(double j) {
            this.cameraJitter = j;
            return this;
        }

        /** Sets the lamp jitter per axis (default 1.0). */
        public Builder optLightJitter(double j) {
            this.lightJitter = j;
            return this;
        }

        /** Sets the image size that {@code pixel_coords} refer to (default 480x320). */
        public Builder optImageSize(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        /**
         * Sets the visibility rule: placement restarts until every object shows at least {@code minPixels}
         * pixels (CLEVR: 200). Default: no check.
         */
        public Builder optVisibility(VisibilityCheck check, int minPixels) {
            this.visibility = check;
            this.minPixelsPerObject = minPixels;
            return this;
        }

        /** Sets how many placements may fail the visibility rule before sampling gives up (default 1000). */
        public Builder optMaxPlacements(int n) {
            this.maxPlacements = n;
            return this;
        }

        /**
         * Builds the sampler.
         *
         * @throws IllegalArgumentException naming the first bad value
         */
        public SceneSampler build() {
            if (minObjects < 1 || maxObjects < minObjects) {
                throw new IllegalArgumentException("object count range " + minObjects + ".." + maxObjects
                        + " is empty or starts below 1");
            }
            if (minDistance < 0 || margin < 0) {
                throw new IllegalArgumentException("min distance " + minDistance + " and margin " + margin
                        + " should not be negative");
            }
            if (maxRetries < 1 || maxPlacements < 1) {
                throw new IllegalArgumentException("retries " + maxRetries + " and placements " + maxPlacements
                        + " should be at least 1");
            }
            if (cameraJitter < 0 || lightJitter < 0) {
                throw new IllegalArgumentException("jitter should not be negative: camera " + cameraJitter
                        + ", lights " + lightJitter);
            }
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("image size should be positive, is " + width + "x" + height);
            }
            if (visibility != null && minPixelsPerObject < 0) {
                throw new IllegalArgumentException("min pixels per object should not be negative, is "
                        + minPixelsPerObject);
            }
            return new SceneSampler(this);
        }
    }
}
