package org.vqasp.core.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClevrObjectTest {

    @Test
    void should_keep_the_order_of_the_probabilities_so_that_a_scene_is_written_the_same_in_every_jvm()
            throws Exception {
        // given a predicted object's distributions in the vocabulary's order
        List<String> colors = List.of("gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow");
        Map<String, Double> color = new LinkedHashMap<>();
        for (int i = 0; i < colors.size(); i++) {
            color.put(colors.get(i), (i + 1) / 36.0);
        }
        Map<String, Map<String, Double>> probs = new LinkedHashMap<>();
        probs.put("shape", Map.of("cube", 1.0));
        probs.put("color", color);
        probs.put("material", Map.of("metal", 1.0));
        probs.put("size", Map.of("large", 1.0));

        // when it becomes an object and is written in the released layout
        ClevrObject o = new ClevrObject("cube", "yellow", "metal", "large", null, null, 0, 0.9, probs);
        StringWriter w = new StringWriter();
        try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w)) {
            ClevrJson.writeScene(g, new ClevrScene("val", 0, "a.png", List.of(o), Map.of(), Map.of()));
        }

        // then both levels keep their order, and the written text too
        assertEquals(List.of("shape", "color", "material", "size"), List.copyOf(o.probabilities().keySet()));
        assertEquals(colors, List.copyOf(o.probabilities().get("color").keySet()));
        String text = w.toString();
        int last = -1;
        for (String c : colors) {
            int at = text.indexOf("\"" + c + "\":");
            assertEquals(true, at > last, c + " out of order in " + text);
            last = at;
        }
        // and the copy cannot be changed
        assertThrows(UnsupportedOperationException.class, () -> o.probabilities().get("color").put("red", 0.0));
    }
}
