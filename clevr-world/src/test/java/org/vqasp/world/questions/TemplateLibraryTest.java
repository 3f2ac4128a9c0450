package org.vqasp.world.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;

class TemplateLibraryTest {

    @Test
    void should_number_the_90_bundled_templates_by_sorted_file_name() {
        // given the bundled CLEVR 1.0 templates
        TemplateLibrary lib = TemplateLibrary.load();

        // when the families are grouped by file
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (Template t : lib.templates()) {
            byFile.computeIfAbsent(t.filename(), k -> new java.util.ArrayList<>()).add(t.familyIndex());
            assertEquals(t, lib.find(t.filename(), t.index()).orElseThrow());
            assertEquals(t, lib.family(t.familyIndex()));
        }

        // then the ranges of gen-dev's SOURCES.md: compare_integer 0-8 ... zero_hop 84-89
        assertEquals(90, lib.templates().size());
        Map<String, int[]> ranges = Map.of("compare_integer.json", new int[] {0, 8}, "comparison.json",
                new int[] {9, 24}, "one_hop.json", new int[] {25, 30}, "same_relate.json", new int[] {31, 58},
                "single_and.json", new int[] {59, 63}, "single_or.json", new int[] {64, 71}, "three_hop.json",
                new int[] {72, 77}, "two_hop.json", new int[] {78, 83}, "zero_hop.json", new int[] {84, 89});
        for (Map.Entry<String, int[]> e : ranges.entrySet()) {
            List<Integer> f = byFile.get(e.getKey());
            assertEquals(e.getValue()[0], f.get(0), e.getKey());
            assertEquals(e.getValue()[1], f.get(f.size() - 1), e.getKey());
        }
        assertEquals(35, lib.metadata().functions().size());
        assertEquals(List.of("small", "large"), lib.metadata().values("Size"));
        assertEquals(13, lib.synonyms().size());
        assertEquals(List.of("sphere", "ball"), lib.wordsFor("sphere"));
        assertEquals(List.of("cylinder"), lib.wordsFor("cylinder"));
        assertEquals("Shape", lib.family(89).paramType("<S>"));
    }

    @Test
    void should_load_templates_from_a_folder(@TempDir Path dir) throws IOException {
        // given a folder with one template file, metadata and synonyms
        Path templates = Files.createDirectory(dir.resolve("templates"));
        copy("CLEVR_1.0_templates/zero_hop.json", templates.resolve("zero_hop.json"));
        copy("metadata.json", dir.resolve("metadata.json"));
        copy("synonyms.json", dir.resolve("synonyms.json"));

        // when loaded
        TemplateLibrary lib = TemplateLibrary.load(templates, dir.resolve("metadata.json"), dir.resolve("synonyms.json"));

        // then its families start at 0
        assertEquals(6, lib.templates().size());
        assertEquals("zero_hop/5", lib.family(5).family());
    }

    @Test
    void should_name_the_missing_file(@TempDir Path dir) {
        // given a folder without metadata / when loaded / then an input error naming the file
        InputException e = assertThrows(InputException.class,
                () -> TemplateLibrary.load(dir, dir.resolve("metadata.json"), dir.resolve("synonyms.json")));
        assertTrue(e.getMessage().contains("metadata.json"), e.getMessage());
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = TemplateLibrary.class.getResourceAsStream(TemplateLibrary.RESOURCE_ROOT + resource)) {
            Files.copy(in, to);
        }
    }
}
