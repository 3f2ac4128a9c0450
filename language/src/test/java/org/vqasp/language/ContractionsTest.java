package org.vqasp.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.language.clevr.learned.QuestionWords;

class ContractionsTest {

    @Test
    void should_spell_out_negations_forms_of_be_and_the_irregular_ones() {
        assertEquals("is not", Contractions.spell("isn't"));
        assertEquals("does not", Contractions.spell("doesn\u2019t"));
        assertEquals("can not", Contractions.spell("can't"));
        assertEquals("will not", Contractions.spell("won't"));
        assertEquals("can not", Contractions.spell("cannot"));
        assertEquals("what is", Contractions.spell("what's"));
        assertEquals("they are", Contractions.spell("they're"));
        assertEquals("i would", Contractions.spell("i'd"));
        // typed without the apostrophe
        assertEquals("is not", Contractions.spell("isnt"));
        assertEquals("what is", Contractions.spell("whats"));
    }

    @Test
    void should_leave_possessives_and_other_words_alone() {
        assertNull(Contractions.spell("cube's"));
        assertNull(Contractions.spell("man's"));
        assertNull(Contractions.spell("cant's"));
        assertNull(Contractions.spell("shirt"));
        assertEquals("is the cube's colour red , or is not it?",
                Contractions.spellOut("is the cube's colour red , or isn't it?"));
    }

    @Test
    void should_be_what_the_learned_parser_reads() {
        // the CLEVR learned parser splits its words after this spelling (as do the grammar and the GQA parser)
        assertEquals(List.of("what", "is", "the", "thing", "that", "is", "not", "red", "they", "are", "there", "are",
                "not", "they"), QuestionWords.split("What's the thing that isn't red? they're there, aren't they"));
    }
}
