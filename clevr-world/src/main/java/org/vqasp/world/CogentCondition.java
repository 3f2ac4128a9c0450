package org.vqasp.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;

/**
 * The two conditions of CLEVR-CoGenT: which colours each shape may take. In condition A cubes are gray, blue,
 * brown or yellow and cylinders red, green, purple or cyan; condition B swaps the two; spheres take any
 * colour. Read from the bundled {@code CoGenT_A.json} and {@code CoGenT_B.json}.
 */
public enum CogentCondition {
    /** Condition A ({@code CoGenT_A.json}). */
    A("/clevr/generator/CoGenT_A.json"),
    /** Condition B ({@code CoGenT_B.json}). */
    B("/clevr/generator/CoGenT_B.json");

    private final String resource;

    CogentCondition(String resource) {
        this.resource = resource;
    }

    /** Returns, per shape in the file's order, the colours that shape may take. */
    public Map<String, List<String>> shapeColors() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(
                ClevrProperties.stringLists(ClevrProperties.readResource(resource))));
    }

    /**
     * Parses {@code A} or {@code B} (case-insensitive).
     *
     * @throws org.vqasp.core.InputException for anything else
     */
    public static CogentCondition parse(String s) {
        for (CogentCondition c : values()) {
            if (c.name().equalsIgnoreCase(s.trim())) {
                return c;
            }
        }
        throw new org.vqasp.core.InputException(ErrorKind.BAD_COGENT, "CoGenT condition should be A or B, found \"" + s + "\"");
    }
}
