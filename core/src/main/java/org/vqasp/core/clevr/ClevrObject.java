package org.vqasp.core.clevr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One object of a CLEVR scene, in the released v1.0 layout.
 *
 * <p>Gold objects have confidence 1 and no probabilities. Objects predicted by the vision model carry the
 * presence probability in {@code confidence} and, per attribute ({@code shape}, {@code color},
 * {@code material}, {@code size}), a distribution over the attribute's values.
 *
 * @param shape cube, sphere or cylinder
 * @param color one of CLEVR's eight colours
 * @param material rubber or metal
 * @param size small or large
 * @param coords ground-plane position {@code 3d_coords}, or null when unknown
 * @param pixelCoords {@code pixel_coords}: image x, y and depth, or null when unknown
 * @param rotation rotation about the vertical axis in degrees
 * @param confidence probability that the object is present (1 for gold objects)
 * @param probabilities per attribute, the probability of each value; empty for gold objects
 */
public record ClevrObject(
        String shape,
        String color,
        String material,
        String size,
        Vec3 coords,
        Vec3 pixelCoords,
        double rotation,
        double confidence,
        Map<String, Map<String, Double>> probabilities) {

    /**
     * Checks that the four attributes are present and copies the probabilities, keeping their order (the order they
     * are written in: {@code Map.copyOf} would change it from one JVM to the next).
     */
    public ClevrObject {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(size, "size");
        probabilities = probabilities == null ? Map.of() : orderedCopy(probabilities);
    }

    private static Map<String, Map<String, Double>> orderedCopy(Map<String, Map<String, Double>> p) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        p.forEach((attribute, dist) -> {
            Map<String, Double> d = new LinkedHashMap<>();
            dist.forEach((value, q) -> d.put(Objects.requireNonNull(value, "value"), Objects.requireNonNull(q, value)));
            out.put(Objects.requireNonNull(attribute, "attribute"), Collections.unmodifiableMap(d));
        });
        return Collections.unmodifiableMap(out);
    }

    /** Creates a gold object (confidence 1, no probabilities). */
    public ClevrObject(String shape, String color, String material, String size, Vec3 coords, Vec3 pixelCoords,
            double rotation) {
        this(shape, color, material, size, coords, pixelCoords, rotation, 1.0, Map.of());
    }

    /**
     * Returns the value of an attribute by its CLEVR name.
     *
     * @param attribute {@code shape}, {@code color}, {@code material} or {@code size}
     * @return the value
     * @throws IllegalArgumentException for any other name
     */
    public String attribute(String attribute) {
        return switch (attribute) {
            case "shape" -> shape;
            case "color" -> color;
            case "material" -> material;
            case "size" -> size;
            default -> throw new IllegalArgumentException("no CLEVR attribute named " + attribute);
        };
    }
}
