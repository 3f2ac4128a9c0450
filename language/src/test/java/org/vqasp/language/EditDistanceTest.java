package org.vqasp.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void should_count_insertions_deletions_replacements_and_swaps_as_one_edit_each() {
        assertEquals(0, EditDistance.of("shirt", "shirt", 2));
        assertEquals(1, EditDistance.of("colr", "color", 2));
        assertEquals(1, EditDistance.of("colour", "color", 2));
        assertEquals(1, EditDistance.of("teh", "the", 2));
        assertEquals(2, EditDistance.of("shrit", "shirt", 2) + EditDistance.of("cube", "cuba", 2));
        assertEquals(3, EditDistance.of("sphere", "sphare", 2) + EditDistance.of("ab", "ba", 2) + 1);
    }

    @Test
    void should_stop_above_the_limit() {
        // given words five edits apart, when the limit is 1, then the answer is just "more than 1"
        assertEquals(2, EditDistance.of("cylinder", "cube", 1));
        assertEquals(5, EditDistance.of("abcde", "vwxyz", 5));
    }
}
