package org.vqasp.core.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GqaVocabularyTest {

    private final GqaVocabulary vocabulary = GqaVocabulary.bundled();

    @Test
    void should_give_every_super_class_of_a_name_in_any_number() {
        // given the bundled class hierarchy (eagle is a bird, bird an animal; man a person)
        // when names are looked up, then their super-classes come back transitively and singular
        assertEquals(Set.of("bird", "animal"), vocabulary.parents("eagle"));
        assertTrue(vocabulary.parents("men").contains("person"));
        assertTrue(vocabulary.parents("Wine Glasses").contains("tableware"));
        assertTrue(vocabulary.parents("bed").contains("furniture"));
        assertEquals(Set.of(), vocabulary.parents("license plate"));
    }

    @Test
    void should_give_the_categories_of_attribute_values() {
        // given the bundled attribute hierarchy, where dark is a color and a tone
        // when values are looked up, then their categories come back in lower case
        assertEquals(Set.of("color", "tone"), vocabulary.categories("dark"));
        assertEquals(Set.of("material"), vocabulary.categories("wood"));
        assertEquals(Set.of("sportactivity"), vocabulary.categories("skiing"));
        assertTrue(vocabulary.isCategory("face expression"));
        assertTrue(vocabulary.isCategory("vposition"));
        assertFalse(vocabulary.isCategory("opaqness"));
    }

    @Test
    void should_read_comparatives_as_attribute_values() {
        // given comparatives of GQA's compare questions
        // when they are read, then each names the attribute value it compares by
        assertEquals(Optional.of(new GqaVocabulary.Comparative("healthy", true)), vocabulary.comparative("healthier"));
        assertEquals(Optional.of(new GqaVocabulary.Comparative("healthy", false)), vocabulary.comparative("less healthy"));
        assertEquals(Optional.of(new GqaVocabulary.Comparative("old", true)), vocabulary.comparative("older"));
        assertEquals(Optional.of(new GqaVocabulary.Comparative("large", true)), vocabulary.comparative("larger"));
        assertEquals(Optional.of(new GqaVocabulary.Comparative("big", true)), vocabulary.comparative("bigger"));
        assertEquals(Optional.of(new GqaVocabulary.Comparative("tall", true)), vocabulary.comparative("taller"));
        assertEquals(Optional.empty(), vocabulary.comparative("color"));
    }

    @Test
    void should_singularise_names_the_way_programs_and_graphs_mix_them() {
        // given plural and singular names as they occur in real programs and scene graphs
        // when they are normalised, then both numbers meet
        assertEquals("tree", GqaNames.singular(" Trees "));
        assertEquals("person", GqaNames.singular("people"));
        assertEquals("potato", GqaNames.singular("potatoes"));
        assertEquals("wine glasses", GqaNames.singular("wine  glasses"));
        assertEquals("man", GqaNames.singular("men"));
        assertEquals("glasses", GqaNames.singular("glasses"));
        assertEquals("bench", GqaNames.singular("benches"));
        assertEquals("butterfly", GqaNames.singular("butterflies"));
        assertEquals("shelf", GqaNames.singular("shelves"));
        assertEquals("bus", GqaNames.singular("bus"));
        assertEquals("vase", GqaNames.singular("vases"));
    }
}
