package org.vqasp.language.clevr.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuestionWordsTest {

    @Test
    void should_split_words_and_spell_out_contractions() {
        assertEquals(List.of("what", "color", "is", "the", "object", "that", "is", "not", "green"),
                QuestionWords.split("What color is the object that isn't green?"));
        assertEquals(List.of("the", "cube", "color", "is", "in", "front", "of", "it"),
                QuestionWords.split("The cube's color is infront of it"));
        assertEquals(List.of("are", "there", "2", "non", "metallic", "balls"),
                QuestionWords.split("  Are there 2 non-metallic balls??"));
        assertEquals(List.of(), QuestionWords.split(null));
    }

    @Test
    void should_read_unknown_words_as_their_nearest_frequent_word_or_unk() {
        // given a vocabulary from counts
        WordVocabulary v = WordVocabulary.fromCounts(Map.of("cylinder", 50, "cylinders", 40, "many", 90, "how", 99,
                "metallic", 30, "rare", 1), 2);
        // then typos are corrected to the most frequent word one edit away (two for long words)
        assertEquals("many", v.read("amny"));
        assertEquals("cylinders", v.read("cyllinders"));
        assertEquals("metallic", v.read("metallc"));
        assertEquals("metal", HumanLexicon.concept(v.read("metalic"))); // a common misspelling is a lexicon word
        assertEquals("cylinder", v.read("cylindr"));
        // and words far from every known word, or seen too rarely, are unknown
        assertEquals("<unk>", v.read("zorblax"));
        assertEquals("<unk>", v.read("rare"));
        assertEquals(WordVocabulary.UNK, v.id("zorblax"));
        // and lexicon words are always known
        assertTrue(v.contains("teal"));
        assertEquals("cyan", HumanLexicon.concept("teal"));
    }

    @Test
    void should_read_what_a_question_names() {
        Mentions m = Mentions.of(QuestionWords.split("How many non metallic balls are left of the big teal block?"));
        assertEquals(List.of("rubber", "sphere", "large", "cyan", "cube"), List.copyOf(m.values()));
        assertEquals(List.of("left"), List.copyOf(m.relations()));
        Mentions how = Mentions.of(QuestionWords.split("How big is the farthest cylinder?"));
        assertEquals(List.of("cylinder"), List.copyOf(how.values()));
        assertTrue(how.directions().contains("behind"));
    }

    @Test
    void should_paraphrase_the_same_way_for_the_same_seed_and_keep_the_values() {
        Paraphraser p = new Paraphraser();
        String q = "What color is the large metal sphere that is left of the small cylinder?";
        int changed = 0;
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            String a = p.paraphrase(q, new SplittableRandom(seed));
            assertEquals(a, p.paraphrase(q, new SplittableRandom(seed)));
            distinct.add(a);
            if (!a.equals(q.toLowerCase())) {
                changed++;
            }
            // the values survive every rewrite (typos aside: read them through a vocabulary that corrects them)
            WordVocabulary v = WordVocabulary.fromCounts(Map.of("left", 5, "what", 5, "color", 5), 2);
            List<String> read = QuestionWords.split(a).stream().map(v::read).toList();
            Mentions m = Mentions.of(read);
            assertTrue(m.values().size() >= 4 || a.contains("not shiny") || a.contains("non"), a + " -> " + m);
        }
        assertTrue(changed >= 25, changed + " of 50 paraphrases differ");
        assertTrue(distinct.size() >= 20, distinct.size() + " distinct paraphrases");
    }
}
