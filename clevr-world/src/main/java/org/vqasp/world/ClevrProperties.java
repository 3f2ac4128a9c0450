package org.vqasp.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;

/**
 * The object vocabulary of CLEVR's {@code properties.json}: shapes, colours (sRGB 0-255, used by the renderer
 * as linear albedo after dividing by 255, as CLEVR's Blender script does), materials and sizes (the object's
 * half-extent in Blender units). Maps keep the file's order, which fixes what a seeded sampler draws.
 *
 * @param shapes shape name to the Blender object name ({@code cube -> SmoothCube_v2})
 * @param colors colour name to its {@code [r, g, b]} in 0-255
 * @param materials material name to the Blender material name ({@code rubber -> Rubber})
 * @param sizes size name to the scale in Blender units ({@code large -> 0.7})
 */
public record ClevrProperties(
        Map<String, String> shapes,
        Map<String, List<Integer>> colors,
        Map<String, String> materials,
        Map<String, Double> sizes) {

    /** The classpath location of the bundled file. */
    public static final String RESOURCE = "/clevr/generator/properties.json";

    /** Checks that no group is empty and that every colour has three channels in 0-255; keeps the order. */
    public ClevrProperties {
        shapes = ordered(shapes, "shapes");
        colors = ordered(colors, "colors");
        materials = ordered(materials, "materials");
        sizes = ordered(sizes, "sizes");
        for (Map.Entry<String, List<Integer>> e : colors.entrySet()) {
            List<Integer> c = e.getValue();
            if (c.size() != 3 || c.stream().anyMatch(v -> v < 0 || v > 255)) {
                throw new IllegalArgumentException("colour \"" + e.getKey() + "\" should be [r, g, b] in 0-255, is " + c);
            }
        }
        for (Map.Entry<String, Double> e : sizes.entrySet()) {
            if (!(e.getValue() > 0)) {
                throw new IllegalArgumentException("size \"" + e.getKey() + "\" should be positive, is " + e.getValue());
            }
        }
    }

    /** Returns the bundled {@code properties.json} of CLEVR v1.0. */
    public static ClevrProperties bundled() {
        JsonNode root = readResource(RESOURCE);
        Map<String, String> shapes = new LinkedHashMap<>();
        root.get("shapes").properties().forEach(e -> shapes.put(e.getKey(), e.getValue().asText()));
        Map<String, List<Integer>> colors = new LinkedHashMap<>();
        root.get("colors").properties().forEach(e -> {
            List<Integer> rgb = new ArrayList<>();
            e.getValue().forEach(v -> rgb.add(v.asInt()));
            colors.put(e.getKey(), rgb);
        });
        Map<String, String> materials = new LinkedHashMap<>();
        root.get("materials").properties().forEach(e -> materials.put(e.getKey(), e.getValue().asText()));
        Map<String, Double> sizes = new LinkedHashMap<>();
        root.get("sizes").properties().forEach(e -> sizes.put(e.getKey(), e.getValue().asDouble()));
        return new ClevrProperties(shapes, colors, materials, sizes);
    }

    /** Returns a colour as linear albedo {@code rgb / 255}. */
    public double[] albedo(String color) {
        List<Integer> c = colors.get(color);
        if (c == null) {
            throw new InputException(ErrorKind.UNKNOWN_COLOR, "no CLEVR colour named \"" + color + "\" in " + colors.keySet());
        }
        return new double[] {c.get(0) / 255.0, c.get(1) / 255.0, c.get(2) / 255.0};
    }

    /** Returns the scale of a size name. */
    public double scale(String size) {
        Double s = sizes.get(size);
        if (s == null) {
            throw new InputException(ErrorKind.UNKNOWN_SIZE, "no CLEVR size named \"" + size + "\" in " + sizes.keySet());
        }
        return s;
    }

    static JsonNode readResource(String resource) {
        try (InputStream in = ClevrProperties.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new VqaspException(ErrorKind.MISSING_RESOURCE, "resource " + resource + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.MISSING_RESOURCE, "cannot read resource " + resource + ": " + e.getMessage(), e);
        }
    }

    static Map<String, List<String>> stringLists(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            out.put(e.getKey(), List.copyOf(values));
        }
        return out;
    }

    private static <V> Map<String, V> ordered(Map<String, V> m, String what) {
        if (m == null || m.isEmpty()) {
            throw new IllegalArgumentException("properties have no " + what);
        }
        Map<String, V> copy = new LinkedHashMap<>();
        for (Map.Entry<String, V> e : m.entrySet()) {
            V v = e.getValue() instanceof List<?> l ? castList(l) : e.getValue();
            copy.put(e.getKey(), v);
        }
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static <V> V castList(List<?> l) {
        return (V) List.copyOf(l);
    }
}
