package org.vqasp.language.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.gqa.GqaOperation;

class GqaLexiconTest {

    private final GqaLexicon lex = GqaLexicon.bundled();

    @Test
    void should_derive_present_tense_verbs_from_ing_relations() {
        assertTrue(GqaLexicon.verbForms("wearing").containsAll(List.of("wear", "wears")));
        assertTrue(GqaLexicon.verbForms("riding").containsAll(List.of("ride", "rides")));
        assertTrue(GqaLexicon.verbForms("sitting").containsAll(List.of("sit", "sits")));
        assertTrue(GqaLexicon.verbForms("lying").containsAll(List.of("lie", "lies")));
        assertEquals(List.of(), GqaLexicon.verbForms("on"));
        assertEquals("sitting on", lex.relations(List.of("sits", "on", "the", "bench"), 0).get(0).value());
        assertEquals("in front of", lex.relations(List.of("before", "the", "bench"), 0).get(0).value());
        // the passive: "worn by" is wearing; "pulled by" is a GQA relation of its own, not a passive
        assertEquals("wearing", lex.passive(List.of("worn", "by", "the", "man"), 0));
        assertEquals("holding", lex.passive(List.of("the", "cup", "held", "by"), 2));
        assertNull(lex.passive(List.of("pulled", "by"), 0));
        assertNull(lex.passive(List.of("worn"), 0));
        assertTrue(lex.isRelation("pulled by"));
        assertTrue(lex.words().contains("worn"));
    }

    @Test
    void should_find_names_by_synonym_spacing_and_plural() {
        assertEquals("pants", lex.names(List.of("trousers"), 0).get(0).value());
        assertEquals("sidewalk", lex.names(List.of("side", "walk"), 0).get(0).value());
        assertEquals("street sign", lex.names(List.of("street", "sign", "near"), 0).get(0).value());
        assertEquals("sign", lex.names(List.of("signs"), 0).get(0).value());
        assertEquals("trees", lex.names(List.of("trees"), 0).get(0).value());
        assertTrue(lex.names(List.of("zorblax"), 0).isEmpty());
        // a word that is a scene-graph name of its own keeps it, though a synonym names a close class
        assertEquals("biker", lex.names(List.of("biker"), 0).get(0).value());
        assertEquals("cyclist", lex.names(List.of("bicyclist"), 0).get(0).value());
    }

    @Test
    void should_know_attribute_categories_and_category_nouns() {
        assertEquals(List.of("color"), lex.attribute("white").categories());
        assertEquals("wood", lex.attribute("wooden").value());
        assertEquals(List.of("material"), lex.attribute("wooden").categories());
        assertEquals(List.of(), lex.attribute("open").categories());
        assertEquals("race", lex.categoryNoun("ethnicity"));
        assertEquals("type", lex.categoryNoun("types"));
        assertNull(lex.categoryNoun("banana"));
        assertEquals("height", lex.howAdjective("tall"));
    }

    @Test
    void should_make_pronoun_selects_answerable() {
        List<GqaOperation> parsed = List.of(new GqaOperation("select", "she", List.of()),
                new GqaOperation("relate", "_,wearing,o", List.of(0)), new GqaOperation("query", "name", List.of(1)));
        List<GqaOperation> answered = GqaPronouns.forAnswering(parsed);
        assertEquals(List.of(new GqaOperation("select", "person", List.of()),
                new GqaOperation("filter gender", "female", List.of(0)),
                new GqaOperation("relate", "_,wearing,o", List.of(1)), new GqaOperation("query", "name", List.of(2))),
                answered);
        List<GqaOperation> thisChoice = List.of(new GqaOperation("select", "this", List.of()),
                new GqaOperation("choose name", "cat|dog", List.of(0)));
        assertEquals("animal", GqaPronouns.forAnswering(thisChoice).get(0).argument());
        List<GqaOperation> plain = List.of(new GqaOperation("select", "car", List.of()));
        assertEquals(plain, GqaPronouns.forAnswering(plain));
    }
}
